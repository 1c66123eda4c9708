"""Import a registry list (one row per conferment; README: "The registry"): all or nothing.

With ``--background`` the list becomes a background job, as an upload in the admin does:
checked by a worker, written once its editor confirms the check on the job's page.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError

from awards.exchange.files import FORMATS, format_from_name
from awards.exchange.jobs import start_import_job
from awards.exchange.registry import import_registry
from awards.models import Conferment
from awards.models.imports import REGISTRY_LIST
from awards.records.roles import may_publish


class Command(BaseCommand):
    help = (
        "Import a registry list: people matched by key or by name and date of birth, acts by "
        "date and number, every conferment checked against the rules. Any error: nothing written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV, XLSX or JSON file.")
        parser.add_argument("--format", choices=FORMATS, dest="file_format")
        parser.add_argument("--encoding", help="Default: detected (UTF-8 or Windows-1251).")
        parser.add_argument("--dry-run", action="store_true", help="Check only, write nothing.")
        parser.add_argument(
            "--user",
            help="The user the changes are made as: the history names them, their role applies.",
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="Queue a background job instead: checked by a worker, written once the "
            "--user confirms it on the job's page in the admin.",
        )

    def handle(self, *args, file, file_format, encoding, dry_run, user, background, **options):
        try:
            data = Path(file).read_bytes()
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
                model_name=REGISTRY_LIST,
                upload=ContentFile(data, name=Path(file).name),
                file_format=file_format or format_from_name(file),
                user=editor,
            )
            self.stdout.write(f"Queued background import {job.pk}: {job.get_absolute_url()}")
            return
        report = import_registry(
            data=data,
            file_name=Path(file).name,
            file_format=file_format,
            encoding=encoding,
            user=editor,
            dry_run=dry_run,
            # The command line is the operator's; a named user imports with that user's role.
            may_change_published=editor is None or may_publish(editor, Conferment),
        )
        for line in report.error_lines():
            self.stderr.write(line)
        if not report.ok:
            raise CommandError(report.summary())
        self.stdout.write(report.summary())
