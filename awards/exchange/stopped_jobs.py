"""Background imports that nothing runs any more, told when they are read and marked failed.

A job says it runs (queued, checking, confirmed, writing) while its task may have stopped
without finishing it: its worker killed (no heartbeat, awards.exchange.heartbeat, within
settings.IMPORT_JOB_STALE_SECONDS), its task ended (failed or finished) with the job still
running, or, for a job waiting for a worker, its task gone from the queue. Such a job is
marked failed, its file kept, so that it can be checked again: the job's page, the list of
jobs and "check again" ask first (no daemon watches), and so does a worker when it starts.

Nothing is written by a job marked so: a check writes nothing, and a write is one
transaction, gone with its worker. A write that committed before its worker died left its
count of records written (progress stored inside that transaction): such a job is marked
imported instead.
"""

import logging
from collections.abc import Iterable
from datetime import datetime

from django.db import OperationalError, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, default_task_backend
from django_tasks.exceptions import TaskResultDoesNotExist

from awards.exchange.heartbeat import is_beating, stale_after
from awards.models import ImportJob

logger = logging.getLogger(__name__)

ENDED = (TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL)
GONE = "gone"
UNTOLD = "untold"


def task_state(job: ImportJob) -> tuple[str, datetime | None]:
    """The status of the task last queued for a job (a TaskResultStatus; GONE when its
    backend no longer has it; UNTOLD when the backend cannot tell, as one that runs tasks
    at once, or when the job has no task id yet), and when a worker started it."""
    if not job.task_id or not default_task_backend.supports_get_result:
        return UNTOLD, None
    try:
        task = default_task_backend.get_result(job.task_id)
    except TaskResultDoesNotExist:
        return GONE, None
    return task.status, task.started_at


def stop_reason(*, job: ImportJob) -> str | None:
    """Why nothing runs a job that says it runs (an ImportJob.Failure), or None.

    A job being checked or written is dead when its task ended, or when no heartbeat came
    within the stale time and the job itself did not change in it either (the claim that
    starts it counts). A job waiting for a worker is lost when its task is gone or ended,
    and dead when a worker took its task longer than the stale time ago without starting
    it; it waits as long as its task is queued.
    """
    if not job.is_running:
        return None
    long_ago = timezone.now() - stale_after()
    status, started_at = task_state(job)
    beating = bool(job.task_id) and is_beating(job_id=job.pk, task_id=job.task_id)
    if job.status in ImportJob.WAITING:
        if status == GONE or status in ENDED:
            return ImportJob.Failure.LOST
        taken = status == TaskResultStatus.RUNNING and started_at is not None
        if taken and not beating and started_at < long_ago:
            return ImportJob.Failure.STOPPED
        return None
    if status in ENDED:
        return ImportJob.Failure.STOPPED
    if beating or job.updated_at >= long_ago:
        return None
    return ImportJob.Failure.STOPPED


def fail_if_stopped(*, job: ImportJob) -> bool:
    """Mark a job that nothing runs any more as failed (or imported, if its write was
    committed), the instance too; False when it still runs or is no longer running."""
    reason = stop_reason(job=job)
    if reason is None:
        return False
    now = timezone.now()
    committed = job.status == ImportJob.Status.WRITING and _write_committed(job)
    outcome = (
        {"status": ImportJob.Status.IMPORTED}
        if committed
        else {"status": ImportJob.Status.FAILED, "failure": reason}
    )
    try:
        with transaction.atomic():
            # A job whose row a transaction holds is being written by a live worker (whose
            # beats the cache lost): skipped, not waited for (PostgreSQL). SQLite has no row
            # locks: the update waits for the database's lock, and gives up (below).
            held = (
                ImportJob.objects.select_for_update(skip_locked=True)
                .filter(pk=job.pk, status=job.status, task_id=job.task_id)
                .values_list("pk", flat=True)
            )
            marked = ImportJob.objects.filter(pk__in=list(held)).update(
                **outcome, updated_at=now, finished_at=now
            )
    except OperationalError as error:
        if "locked" not in str(error):
            raise
        return False
    if not marked:
        return False
    logger.warning("Import job %s marked %s: %s", job.pk, outcome["status"], reason)
    if committed:
        job.file.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(file="")
    job.refresh_from_db()
    return True


def _write_committed(job: ImportJob) -> bool:
    # The write's progress is stored inside its transaction: counted, the records are in.
    return ImportJob.objects.filter(pk=job.pk, rows_written__gt=0).exists()


def fail_stopped_jobs(*, jobs: Iterable[ImportJob]) -> int:
    """Mark failed every job of ``jobs`` that nothing runs any more; how many."""
    return sum(fail_if_stopped(job=job) for job in jobs)
