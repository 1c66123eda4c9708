"""Write a dated data release of every published record (awards.site.data_releases)."""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from awards.site.data_releases import ReleaseExistsError, write_release


class Command(BaseCommand):
    help = (
        "Write a data release into DIR/<date>/: a CSV per kind of record, a JSON-LD graph "
        "and manifest.json with the counts, the licence and each file's SHA-256."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="The folder of releases (settings.DATA_RELEASES_DIR).")
        parser.add_argument(
            "--base-url",
            default=settings.DATA_RELEASE_BASE_URL,
            help="The site's address, for the records' addresses in the graph.",
        )
        parser.add_argument(
            "--date",
            type=datetime.date.fromisoformat,
            help="The release's day (YYYY-MM-DD); today without it.",
        )

    def handle(self, *args, folder, base_url, date, **options):
        try:
            manifest = write_release(folder=Path(folder), base_url=base_url, on=date)
        except (ReleaseExistsError, OSError) as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{name} {count}" for name, count in manifest["counts"].items())
        self.stdout.write(
            f"Release {manifest['release_date']} written to {folder}: {counts}; "
            f"{len(manifest['files'])} files."
        )
