"""The demo editor accounts: a staff user in the editors' or the chief editors' group."""

import secrets

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from awards.records.roles import CHIEF_EDITORS, EDITORS, set_role_permissions

EDITORS_GROUP = EDITORS
CHIEF_EDITORS_GROUP = CHIEF_EDITORS
DEMO_EDITOR_USERNAME = "editor"
DEMO_CHIEF_EDITOR_USERNAME = "chief-editor"


def ensure_editors_group() -> Group:
    """The editors' group, with its role's permissions as the migrations set them."""
    return ensure_role_group(EDITORS)


def ensure_role_group(role: str) -> Group:
    """A role's group as migrations make it (again, where a test has flushed it)."""
    set_role_permissions(apps=apps)
    return Group.objects.get(name=role)


def reset_demo_editor(
    *, username: str = DEMO_EDITOR_USERNAME, chief: bool = False
) -> tuple[str, str]:
    """Create or reset a staff account in the editors' group (the chief editors' with
    ``chief``); return its login and new password."""
    password = secrets.token_urlsafe(12)
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.is_staff = True
    user.is_superuser = False
    user.is_active = True
    user.set_password(password)
    user.save()
    user.groups.set([ensure_role_group(CHIEF_EDITORS if chief else EDITORS)])
    return username, password
