"""Write every record of one kind — a model's, or the registry as a list — to a CSV, XLSX
or JSON file, or to standard output."""

import sys

from django.core.management.base import BaseCommand, CommandError

from awards.exchange.exporter import export_file
from awards.exchange.files import FORMATS
from awards.exchange.kinds import KIND_NAMES, kind_for

DELIMITERS = {"comma": ",", "semicolon": ";"}


class Command(BaseCommand):
    help = (
        "Export every record of one kind (e.g. title), or the registry as a list "
        "(registry), as CSV, XLSX or JSON."
    )

    def add_arguments(self, parser):
        self.add_kind_argument(parser)
        parser.add_argument("--format", choices=FORMATS, default="csv", dest="file_format")
        parser.add_argument("--output", help="The file to write; standard output without it.")
        parser.add_argument(
            "--delimiter",
            choices=DELIMITERS,
            default="comma",
            help="Of CSV; semicolon for Excel in a Russian locale.",
        )

    def add_kind_argument(self, parser):
        parser.add_argument(
            "kind", choices=KIND_NAMES, help="The kind of record, or registry for a list."
        )

    def handle(self, *args, kind, file_format, output, delimiter, **options):
        chunks = export_file(
            kind=kind_for(kind), file_format=file_format, delimiter=DELIMITERS[delimiter]
        )
        if output:
            try:
                with open(output, "wb") as stream:
                    stream.writelines(chunks)
            except OSError as error:
                raise CommandError(f"Cannot write {output}: {error.strerror}") from error
            return
        stdout = getattr(self.stdout._out, "buffer", None) or getattr(sys.stdout, "buffer", None)
        if stdout is None:
            raise CommandError("Standard output does not accept bytes; use --output.")
        stdout.writelines(chunks)
        stdout.flush()
