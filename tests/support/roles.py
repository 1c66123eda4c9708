"""The groups migrations create, made again where a transactional test has flushed them."""

from django.contrib.auth.models import Group

from awards.records.editors import ensure_role_group
from awards.records.roles import CHIEF_EDITORS


def chief_editors_group() -> Group:
    """The chief editors' group exactly as the migrations make it (idempotent)."""
    return ensure_role_group(CHIEF_EDITORS)
