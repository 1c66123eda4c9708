from pathlib import Path

from django.core.management.base import BaseCommand

from awards.records.backups import write_backup


class Command(BaseCommand):
    help = (
        "Write every record, its history, the import log, users and groups to a zip "
        "archive (one JSON-lines file per table and a manifest)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The .zip file to write.")

    def handle(self, *args, archive, **options):
        counts = write_backup(path=archive)
        rows = sum(count.rows for count in counts)
        self.stdout.write(f"Backup: {rows} rows of {len(counts)} tables written to {archive}.")
