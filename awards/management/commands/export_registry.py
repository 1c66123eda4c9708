"""Export the registry as a list: one row per conferment, the person by key and by name."""

from pathlib import Path

from django.core.management.base import BaseCommand

from awards.exchange.files import FORMATS, write_csv, write_json, write_xlsx
from awards.exchange.registry import COLUMNS, export_rows

WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "json": write_json}


class Command(BaseCommand):
    help = "Export every conferment as a registry list (the columns import_registry reads)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=FORMATS, default="csv", dest="file_format")
        parser.add_argument("--output", required=True, help="The file to write.")

    def handle(self, *args, file_format, output, **options):
        count = 0

        def counted():
            nonlocal count
            for row in export_rows():
                count += 1
                yield row

        with Path(output).open("wb") as out:
            for chunk in WRITERS[file_format](list(COLUMNS), counted()):
                out.write(chunk)
        self.stdout.write(f"{count} conferments written to {output}.")
