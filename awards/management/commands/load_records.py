from django.core.management.base import BaseCommand

from awards.records.seed import fixture_paths, load_fixture_records


class Command(BaseCommand):
    help = (
        "Load the records of fixtures/ (matched by slug). Existing records are kept as "
        "editors left them unless --update is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Overwrite existing records with the fixtures' version.",
        )

    def handle(self, *args, update=False, **options):
        report = load_fixture_records(paths=fixture_paths(), update=update)
        self.stdout.write(
            f"Records: {report.created} created, {report.updated} updated, "
            f"{report.kept} kept as they were."
        )
