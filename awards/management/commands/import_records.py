"""Import a CSV, XLSX or JSON file of records of one kind: all its rows, or nothing."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from awards.exchange.files import FORMATS
from awards.exchange.importer import Progress, import_file
from awards.exchange.resources import RESOURCES, resource_for
from awards.records.roles import may_publish

BAR_WIDTH = 30
STAGE_NAMES = {
    "read": "reading",
    "clean": "reading",
    "validate": "checking",
    "write": "writing",
    "done": "done",
}


class ProgressBar:
    """A one-line progress bar redrawn in place on a terminal."""

    def __init__(self, out):
        self.out = out
        self.drawn = False

    def __call__(self, progress: Progress) -> None:
        if progress.stage == "write":
            done, total = progress.written, progress.to_write
        else:
            done, total = progress.read + progress.validated, 2 * progress.total
        if progress.stage == "done":
            done = total = max(total, 1)
        filled = BAR_WIDTH * done // total if total else 0
        self.out.write(
            f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {STAGE_NAMES[progress.stage]:<8} "
            f"rows {progress.read}/{progress.total}, checked {progress.validated}, "
            f"written {progress.written}/{progress.to_write}, errors {progress.errors}",
            ending="",
        )
        self.out.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.out.write("")


class Command(BaseCommand):
    help = (
        "Import records of one kind (e.g. title) matched by slug: new ones are added, "
        "existing ones updated. With any error nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("model", choices=list(RESOURCES), help="The kind of record.")
        parser.add_argument("file", help="The CSV, XLSX or JSON file.")
        parser.add_argument(
            "--format", choices=FORMATS, dest="file_format", help="Default: by the extension."
        )
        parser.add_argument("--encoding", help="Default: detected (UTF-8 or Windows-1251).")
        parser.add_argument("--dry-run", action="store_true", help="Check only, write nothing.")
        parser.add_argument(
            "--user",
            help="The user the changes are made as: the history names them, their role applies.",
        )

    def handle(self, *args, model, file, file_format, encoding, dry_run, user, **options):
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        editor = None
        if user:
            editor = get_user_model().objects.filter(username=user).first()
            if editor is None:
                raise CommandError(f"No user named {user}.")
        # A bar only where someone watches: a terminal, not a log or a pipe.
        bar = ProgressBar(self.stdout) if self.stdout.isatty() else None
        report = import_file(
            resource=resource_for(model)(),
            data=data,
            file_name=path.name,
            file_format=file_format,
            encoding=encoding,
            user=editor,
            dry_run=dry_run,
            # The command line is the operator's; a named user imports with that user's role.
            may_change_published=editor is None
            or may_publish(editor, resource_for(model)._meta.model),
            progress=bar,
        )
        if bar is not None:
            bar.close()
        for line in report.error_lines():
            self.stderr.write(line)
        if not report.ok:
            raise CommandError(report.summary())
        self.stdout.write(report.summary())
