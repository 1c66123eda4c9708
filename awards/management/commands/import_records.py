"""Import a CSV, XLSX or JSON file of one kind — records of a model, or a registry list —
through the import pipeline: all its rows, or nothing."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError

from awards.exchange.files import FORMATS, format_from_name
from awards.exchange.jobs import start_import_job
from awards.exchange.kinds import KIND_NAMES, kind_for
from awards.exchange.pipeline.report import Progress
from awards.exchange.pipeline.run import import_file
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
        "Import a file of one kind: records of a model (e.g. title) matched by slug — new "
        "ones added, existing ones updated — or a registry list (registry). With any error "
        "nothing is written."
    )

    def add_arguments(self, parser):
        self.add_kind_argument(parser)
        parser.add_argument("file", help="The CSV, XLSX or JSON file.")
        parser.add_argument(
            "--format", choices=FORMATS, dest="file_format", help="Default: by the extension."
        )
        parser.add_argument("--encoding", help="Default: detected (UTF-8 or Windows-1251).")
        parser.add_argument("--dry-run", action="store_true", help="Check only, write nothing.")
        parser.add_argument(
            "--user", help="Import as this user: the history names them, their role applies."
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="Queue a background job instead: checked by a worker, written once the "
            "--user confirms it on the job's page in the admin.",
        )

    def add_kind_argument(self, parser):
        parser.add_argument(
            "kind", choices=KIND_NAMES, help="The kind of record, or registry for a list."
        )

    def handle(
        self, *args, kind, file, file_format, encoding, dry_run, user, background, **options
    ):
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
        if background:
            if editor is None or dry_run or encoding:
                raise CommandError(
                    "--background needs --user (who confirms the job) and takes neither "
                    "--dry-run (the job is checked first) nor --encoding (detected)."
                )
            job = start_import_job(
                model_name=kind,
                upload=ContentFile(data, name=path.name),
                file_format=file_format or format_from_name(path.name),
                user=editor,
            )
            self.stdout.write(f"Queued background import {job.pk}: {job.get_absolute_url()}")
            return
        chosen = kind_for(kind)
        # A bar only where someone watches: a terminal, not a log or a pipe.
        bar = ProgressBar(self.stdout) if self.stdout.isatty() else None
        report = import_file(
            kind=chosen,
            data=data,
            file_name=path.name,
            file_format=file_format,
            encoding=encoding,
            user=editor,
            dry_run=dry_run,
            # The command line is the operator's; a named user imports with that user's role.
            may_change_published=editor is None or may_publish(editor, chosen.model),
            progress=bar,
        )
        if bar is not None:
            bar.close()
        for line in [*report.error_lines(), *report.question_lines()]:
            self.stderr.write(line)
        if not report.ok:
            raise CommandError(report.summary())
        for line in report.notice_lines():
            self.stdout.write(line)
        self.stdout.write(report.summary())
