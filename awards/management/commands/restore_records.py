from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from awards.records.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive of backup_records into an empty database migrated to the "
        "same version; refuses a database that holds records."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The .zip file backup_records wrote.")

    def handle(self, *args, archive, **options):
        try:
            counts = restore_backup(path=archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(count.rows for count in counts)
        self.stdout.write(f"Restored: {rows} rows of {len(counts)} tables from {archive}.")
