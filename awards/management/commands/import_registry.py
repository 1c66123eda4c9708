"""Alias, for one release: ``import_registry FILE`` is ``import_records registry FILE``."""

from awards.management.commands import import_records
from awards.models.imports import REGISTRY_LIST


class Command(import_records.Command):
    help = "Import a registry list (the same as import_records registry FILE)."

    def add_kind_argument(self, parser):
        parser.set_defaults(kind=REGISTRY_LIST)
