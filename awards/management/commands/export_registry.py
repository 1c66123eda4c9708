"""Alias, for one release: ``export_registry`` is ``export_records registry``."""

from awards.management.commands import export_records
from awards.models.imports import REGISTRY_LIST


class Command(export_records.Command):
    help = "Export the registry as a list (the same as export_records registry)."

    def add_kind_argument(self, parser):
        parser.set_defaults(kind=REGISTRY_LIST)
