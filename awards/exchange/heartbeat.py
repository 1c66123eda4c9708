"""Heartbeats of background imports: how a page tells a job a worker runs from a dead one.

While a worker runs a job's task, a thread beats every few seconds: a key in the default
cache (files in DJANGO_CACHE_DIR, shared by the processes of a machine, or Redis, shared by
every machine) that expires settings.IMPORT_JOB_STALE_SECONDS after its last beat. The beat
is not kept in the database: on SQLite a long write holds the database's lock for minutes,
and a beat written there would wait behind it.
"""

import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

# The longest pause between two beats, however long the stale time.
MAX_BEAT_SECONDS = 5.0


def stale_after() -> timedelta:
    """How long a job may go without a sign of life before it counts as dead."""
    return timedelta(seconds=settings.IMPORT_JOB_STALE_SECONDS)


def beat_seconds() -> float:
    """The pause between beats: four beats at least within the stale time, so that a
    beat delayed by a busy machine does not make a live job look dead."""
    return min(MAX_BEAT_SECONDS, settings.IMPORT_JOB_STALE_SECONDS / 4)


def _key(job_id: int, task_id: str) -> str:
    # By task too: a worker that outlived its job (marked dead, then checked again by
    # another task) never keeps the new task's job alive.
    return f"awards:import-job-heartbeat:{job_id}:{task_id}"


def is_beating(*, job_id: int, task_id: str) -> bool:
    """Whether a worker running the task beat for the job within the stale time."""
    return cache.get(_key(job_id, task_id)) is not None


class Heartbeat:
    """Beats for a job from a thread while the block runs; stops and clears the beat after."""

    def __init__(self, *, job_id: int, task_id: str):
        self.key = _key(job_id, task_id)
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._beat_until_stopped, daemon=True)

    def beat(self) -> None:
        cache.set(self.key, 1, timeout=settings.IMPORT_JOB_STALE_SECONDS)

    def _beat_until_stopped(self) -> None:
        while not self.stopped.wait(beat_seconds()):
            try:
                self.beat()
            except Exception:
                # A cache out of reach for a while: the job runs on, and the next beat
                # may reach it; a page meanwhile counts the job dead, as it cannot know.
                logger.warning("Heartbeat %s not stored", self.key, exc_info=True)

    def __enter__(self) -> "Heartbeat":
        # The first beat before the job is claimed, so that no page sees it running unbeaten.
        self.beat()
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stopped.set()
        self.thread.join()
        cache.delete(self.key)
