"""The editors' group and the demo editor account."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

EDITORS_GROUP = "editors"
# Created by migration 0004: may also read the log of logins and lockouts.
CHIEF_EDITORS_GROUP = "chief editors"
DEMO_EDITOR_USERNAME = "editor"


def ensure_editors_group() -> Group:
    """The group whose members may view, add, change and delete every record of the history."""
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label="awards"))
    return group


def reset_demo_editor(*, username: str = DEMO_EDITOR_USERNAME) -> tuple[str, str]:
    """Create or reset a staff account in the editors' group; return its login and new password."""
    password = secrets.token_urlsafe(12)
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.is_staff = True
    user.is_superuser = False
    user.is_active = True
    user.set_password(password)
    user.save()
    user.groups.add(ensure_editors_group())
    return username, password
