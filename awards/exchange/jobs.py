"""Large imports as background tasks, with their progress kept on an ImportJob.

An admin import of more rows than settings.IMPORT_BACKGROUND_ROWS does not run inside the
request: the file is stored privately and a task checks it (nothing written), reporting
its progress on the job; the editor confirms a clean check on the job's page, and a second
task writes it, refusing rows whose records changed since the check (conflicts). A job
refused or failed keeps its file, so that it can be checked again once the records it
names are fixed. A registry list (a job of the kind ``REGISTRY_LIST``) is checked and
written whole by awards.exchange.kinds.registry_list: the write matches people and checks the rules
again, so that a change made meanwhile is respected. The tasks run on the TASKS backend:
the database queue and its ``db_worker`` by default, RQ on Redis when configured
(heroes_site.settings).

A worker beats for the job it runs (awards.exchange.heartbeat); a job that nothing runs any
more (its worker killed, its task ended or lost) is marked failed when it is read
(awards.exchange.stopped_jobs) or when a worker starts (``recover_jobs``). The task that
claims a job keeps its id on the job, and every later write of the task to the job asks
for it: a worker that outlived a job marked dead changes nothing of it any more.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from awards.exchange import stopped_jobs
from awards.exchange.files import estimate_rows
from awards.exchange.heartbeat import Heartbeat, stale_after
from awards.exchange.kinds import kind_for
from awards.exchange.pipeline.report import ImportReport, Progress
from awards.exchange.pipeline.run import import_file
from awards.models import ImportJob, ImportLog
from awards.records.roles import may_publish

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


def confirm_import_job(*, job: ImportJob, answers: dict[str, str] | None = None) -> bool:
    """Queue the writing of a job whose check passed, with the editor's ``answers`` to its
    questions (row number → a person's slug or "new"); False when it is not waiting for
    it."""
    claimed = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.CHECKED).update(
        status=ImportJob.Status.CONFIRMED,
        task_id="",
        answers={**job.answers, **(answers or {})},
        updated_at=timezone.now(),
    )
    if claimed:
        _enqueue(write_import, job)
    return bool(claimed)


def check_job_again(*, job: ImportJob) -> bool:
    """Check a job's stored file again, from the start; False while the job is running
    (a job that says it runs although nothing runs it is marked failed first)."""
    stopped_jobs.fail_if_stopped(job=job)
    claimed = (
        ImportJob.objects.filter(pk=job.pk, file__gt="")
        .exclude(status__in=ImportJob.RUNNING)
        .exclude(status=ImportJob.Status.IMPORTED)
        .update(
            status=ImportJob.Status.QUEUED,
            failure="",
            task_id="",
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
    def enqueue():
        result = job_task.enqueue(job.pk)
        # The id for the pages to ask the queue about, unless a worker claimed the job
        # meanwhile (its claim stores the same id).
        ImportJob.objects.filter(pk=job.pk, status__in=ImportJob.WAITING, task_id="").update(
            task_id=result.id
        )

    # After the commit, so that a worker never looks for a job it cannot see yet.
    transaction.on_commit(enqueue)


def recover_jobs() -> tuple[int, int]:
    """What a worker does when it starts: the jobs being checked or written that nothing
    runs any more are marked failed, and the jobs waiting for a worker whose task was lost
    (or never queued: the queue was out of reach when they were made) are queued again;
    how many of each."""
    failed = queued = 0
    long_ago = timezone.now() - stale_after()
    for job in ImportJob.objects.filter(status__in=ImportJob.RUNNING):
        if job.status not in ImportJob.WAITING:
            failed += stopped_jobs.fail_if_stopped(job=job)
            continue
        lost = stopped_jobs.stop_reason(job=job) is not None
        lost = lost or (not job.task_id and job.updated_at < long_ago)
        if lost and _ours(job).update(task_id="", updated_at=timezone.now()):
            waiting_for_write = job.status == ImportJob.Status.CONFIRMED
            _enqueue(write_import if waiting_for_write else check_import, job)
            queued += 1
    return failed, queued


@task(takes_context=True)
def check_import(context, job_id: int) -> str:
    """Check a job's file through every stage but the write."""
    return run_job(job_id, write=False, task_id=context.task_result.id)


@task(takes_context=True)
def write_import(context, job_id: int) -> str:
    """Write a job's checked and confirmed file."""
    return run_job(job_id, write=True, task_id=context.task_result.id)


class JobTakenOver(Exception):
    """The job is no longer the task's: marked dead meanwhile, and perhaps run again."""


def run_job(job_id: int, *, write: bool, task_id: str) -> str:
    """Run the check or the write of a job that is waiting for it, beating for it all the
    while; its status after."""
    waiting, running = (
        (ImportJob.Status.CONFIRMED, ImportJob.Status.WRITING)
        if write
        else (ImportJob.Status.QUEUED, ImportJob.Status.CHECKING)
    )
    with Heartbeat(job_id=job_id, task_id=task_id):
        claimed = ImportJob.objects.filter(pk=job_id, status=waiting).update(
            status=running, task_id=task_id, updated_at=timezone.now()
        )
        job = ImportJob.objects.select_related("user").get(pk=job_id)
        if not claimed:
            # Claimed by another worker, or no longer waiting: nothing to do.
            return job.status
        try:
            with job.file.open("rb") as stored:
                data = stored.read()
            report = _import(job, data=data, write=write)
        except JobTakenOver:
            logger.warning("Import job %s was marked dead while its task %s ran", job_id, task_id)
            return ImportJob.objects.get(pk=job_id).status
        except Exception:
            logger.exception("Import job %s failed", job_id)
            _finish(job, status=ImportJob.Status.FAILED, failure=ImportJob.Failure.ERROR)
            raise
        except BaseException:
            # The worker is stopping (the db_worker turns a second SIGTERM or SIGINT into
            # SystemExit inside the task): the write's transaction is already rolled back.
            logger.warning("Import job %s stopped with its worker", job_id)
            _finish(job, status=ImportJob.Status.FAILED, failure=ImportJob.Failure.STOPPED)
            raise
        _record_outcome(job, report, write=write)
        return job.status


def _ours(job: ImportJob):
    """The job's row while it is still as the task left it: the task's writes ask for it."""
    return ImportJob.objects.filter(pk=job.pk, status=job.status, task_id=job.task_id)


def _import(job: ImportJob, *, data: bytes, write: bool) -> ImportReport:
    """The job's file through the pipeline, as its kind: when written, rows whose records
    changed since the check are refused (a registry list is matched and checked again)."""
    kind = kind_for(job.model_name)
    return import_file(
        kind=kind,
        data=data,
        file_name=job.file_name,
        file_format=job.file_format,
        user=job.user,
        dry_run=not write,
        origin=ImportLog.Origin.ADMIN,
        expected_versions=job.versions if write else None,
        answers=job.answers,
        progress=JobProgress(job),
        may_change_published=job.user is not None and may_publish(job.user, kind.model),
    )


class JobProgress:
    """A progress callback for the importer that keeps the counts on the job's row; stops
    the import (JobTakenOver) when the job is no longer the task's.

    The counts of a write are stored inside its transaction: once stored, the job's row is
    the writer's until the commit (no page may mark it dead meanwhile), and they are seen
    only if the records are.
    """

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
        if not _ours(self.job).update(**counts, updated_at=timezone.now()):
            raise JobTakenOver(self.job.pk)
        self.updates += 1


def _record_outcome(job: ImportJob, report: ImportReport, *, write: bool) -> None:
    outcome = {
        "new_count": report.new,
        "updated_count": report.updated,
        "unchanged_count": report.unchanged,
        "error_count": len(report.errors) + report.more_errors,
        "errors": [
            {"row": e.row, "column": e.column, "message": e.message, "conflict": e.conflict}
            for e in report.errors
        ],
        "error_rows": {
            "headers": report.headers,
            "rows": {str(number): cells for number, cells in report.error_cells.items()},
        },
        "questions": report.questions,
        "notes": report.notes,
        "updated_at": timezone.now(),
    }
    if not report.ok:
        outcome |= {"status": ImportJob.Status.REJECTED, "finished_at": outcome["updated_at"]}
    elif write:
        outcome |= {
            "status": ImportJob.Status.IMPORTED,
            "finished_at": outcome["updated_at"],
            "rows_written": report.new + report.updated,
        }
    else:
        outcome |= {
            "status": ImportJob.Status.CHECKED,
            "versions": report.versions,
            "rows_to_write": report.new + report.updated,
        }
    if not _ours(job).update(**outcome):
        logger.warning("Import job %s was marked dead before its outcome was stored", job.pk)
    elif outcome["status"] == ImportJob.Status.IMPORTED:
        # Written: no retry will need the file.
        job.file.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(file="")
    job.refresh_from_db()


def _finish(job: ImportJob, *, status: str, failure: str) -> None:
    now = timezone.now()
    _ours(job).update(status=status, failure=failure, updated_at=now, finished_at=now)
