"""The groups migrations create, made again where a transactional test has flushed them."""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group

from awards.editors import CHIEF_EDITORS_GROUP


def chief_editors_group() -> Group:
    """The chief editors' group exactly as migration 0004 makes it (idempotent)."""
    migration = importlib.import_module("awards.migrations.0004_chief_editors_group")
    migration.add_chief_editors(apps, None)
    return Group.objects.get(name=CHIEF_EDITORS_GROUP)
