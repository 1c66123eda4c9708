"""Large imports as background tasks, with their progress kept on an ImportJob.

An admin import of more rows than settings.IMPORT_BACKGROUND_ROWS does not run inside the
request: the file is stored privately and a task checks it (nothing written), reporting
its progress on the job; the editor confirms a clean check on the job's page, and a second
task writes it, refusing rows whose records changed since the check (conflicts). A job
refused or failed keeps its file, so that it can be checked again once the records it
names are fixed. A registry list (a job of the kind ``REGISTRY_LIST``) is checked and
written whole by awards.exchange.registry: the write matches people and checks the rules
again, so that a change made meanwhile is respected. The tasks run on the TASKS backend:
the database queue and its ``db_worker`` by default, RQ on Redis when configured
(heroes_site.settings).
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from awards.exchange.files import estimate_rows
from awards.exchange.importer import ImportReport, Progress, import_file
from awards.exchange.registry import import_registry
from awards.exchange.resources import resource_for
from awards.models import ImportJob, ImportLog
from awards.roles import may_publish

logger = logging.getLogger(__name__)


def runs_in_background(data: bytes, *, file_format: str) -> bool:
    """Whether a file has more rows than an import inside a request should take."""
    limit = settings.IMPORT_BACKGROUND_ROWS
    return estimate_rows(data, file_format=file_format, up_to=limit) > limit


def start_import_job(*, model_name: str, upload, file_format: str, user) -> ImportJob:
    """Store the uploaded file and queue its check."""
    job = ImportJob(
        model_name=model_name,
        file_name=upload.name[:255],
        file_format=file_format,
        user=user if user is not None and user.is_authenticated else None,
    )
    job.file.save(upload.name, upload, save=False)
    job.save()
    _enqueue(check_import, job)
    return job


def confirm_import_job(*, job: ImportJob) -> bool:
    """Queue the writing of a job whose check passed; False when it is not waiting for it."""
    claimed = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.CHECKED).update(
        status=ImportJob.Status.CONFIRMED, updated_at=timezone.now()
    )
    if claimed:
        _enqueue(write_import, job)
    return bool(claimed)


def check_job_again(*, job: ImportJob) -> bool:
    """Check a job's stored file again, from the start; False while the job is running."""
    claimed = (
        ImportJob.objects.filter(pk=job.pk, file__gt="")
        .exclude(status__in=ImportJob.RUNNING)
        .exclude(status=ImportJob.Status.IMPORTED)
        .update(
            status=ImportJob.Status.QUEUED,
            updated_at=timezone.now(),
            finished_at=None,
            **_counts_cleared(),
        )
    )
    if claimed:
        _enqueue(check_import, job)
    return bool(claimed)


def _counts_cleared() -> dict:
    return {
        "rows_total": 0,
        "rows_read": 0,
        "rows_validated": 0,
        "rows_to_write": 0,
        "rows_written": 0,
        "error_count": 0,
        "new_count": 0,
        "updated_count": 0,
        "unchanged_count": 0,
        "errors": [],
        "error_rows": {},
    }


def _enqueue(job_task, job: ImportJob) -> None:
    # After the commit, so that a worker never looks for a job it cannot see yet.
    transaction.on_commit(lambda: job_task.enqueue(job.pk))


@task()
def check_import(job_id: int) -> str:
    """Check a job's file through every stage but the write."""
    return run_job(job_id, write=False)


@task()
def write_import(job_id: int) -> str:
    """Write a job's checked and confirmed file."""
    return run_job(job_id, write=True)


def run_job(job_id: int, *, write: bool) -> str:
    """Run the check or the write of a job that is waiting for it; its status after."""
    waiting, running = (
        (ImportJob.Status.CONFIRMED, ImportJob.Status.WRITING)
        if write
        else (ImportJob.Status.QUEUED, ImportJob.Status.CHECKING)
    )
    claimed = ImportJob.objects.filter(pk=job_id, status=waiting).update(
        status=running, updated_at=timezone.now()
    )
    job = ImportJob.objects.select_related("user").get(pk=job_id)
    if not claimed:
        # Claimed by another worker, or no longer waiting: nothing to do.
        return job.status
    try:
        with job.file.open("rb") as stored:
            data = stored.read()
        report = _import(job, data=data, write=write)
    except Exception:
        logger.exception("Import job %s failed", job_id)
        _finish(job, status=ImportJob.Status.FAILED)
        raise
    _record_outcome(job, report, write=write)
    return job.status


def _import(job: ImportJob, *, data: bytes, write: bool) -> ImportReport:
    """The job's file through the importer of its kind: a registry list whole, checked
    again when written; other files by record, refusing records changed since the check."""
    model = resource_for(job.records_model_name)._meta.model
    arguments = {
        "data": data,
        "file_name": job.file_name,
        "file_format": job.file_format,
        "user": job.user,
        "dry_run": not write,
        "origin": ImportLog.Origin.ADMIN,
        "progress": JobProgress(job),
        "may_change_published": job.user is not None and may_publish(job.user, model),
    }
    if job.is_registry_list:
        return import_registry(**arguments)
    return import_file(
        resource=resource_for(job.model_name)(),
        expected_versions=job.versions if write else None,
        **arguments,
    )


class JobProgress:
    """A progress callback for the importer that keeps the counts on the job's row."""

    def __init__(self, job: ImportJob):
        self.job = job
        self.updates = 0

    def __call__(self, progress: Progress) -> None:
        counts = {
            "rows_read": progress.read,
            "rows_validated": progress.validated,
            "rows_to_write": progress.to_write,
            "rows_written": progress.written,
            "error_count": progress.errors,
        }
        if progress.total:
            counts["rows_total"] = progress.total
        ImportJob.objects.filter(pk=self.job.pk).update(**counts, updated_at=timezone.now())
        self.updates += 1


def _record_outcome(job: ImportJob, report: ImportReport, *, write: bool) -> None:
    job.refresh_from_db()
    job.new_count, job.updated_count = report.new, report.updated
    job.unchanged_count = report.unchanged
    job.error_count = len(report.errors) + report.more_errors
    job.errors = [
        {"row": e.row, "column": e.column, "message": e.message, "conflict": e.conflict}
        for e in report.errors
    ]
    job.error_rows = {
        "headers": report.headers,
        "rows": {str(number): cells for number, cells in report.error_cells.items()},
    }
    if not report.ok:
        _finish(job, status=ImportJob.Status.REJECTED)
    elif write:
        job.rows_written = report.new + report.updated
        _finish(job, status=ImportJob.Status.IMPORTED)
        # Written: no retry will need the file.
        job.file.delete(save=False)
        job.save(update_fields=["file"])
    else:
        job.versions = report.versions
        job.rows_to_write = report.new + report.updated
        job.status = ImportJob.Status.CHECKED
        job.updated_at = timezone.now()
        job.save()


def _finish(job: ImportJob, *, status: str) -> None:
    job.status = status
    job.updated_at = job.finished_at = timezone.now()
    job.save()
