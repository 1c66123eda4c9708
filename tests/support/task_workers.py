"""The background worker in a process of its own, for tests and bench/soak.py: started,
killed, started again; and a job's file that a worker waits on until it is let go."""

import errno
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def db_worker(environment: dict, *, log=None) -> Iterator[subprocess.Popen]:
    """Run `manage.py db_worker` until the block ends (killed then, if still running).

    No reloader (the process is the worker itself, to be killed), no startup delay, a short
    poll; ``log``, an open file, takes its output.
    """
    worker = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0.2",
        ],
        cwd=ROOT,
        env=environment,
        stdout=log if log is not None else subprocess.DEVNULL,
        stderr=log if log is not None else subprocess.DEVNULL,
    )
    try:
        yield worker
    finally:
        if worker.poll() is None:
            worker.kill()
        worker.wait(timeout=30)


def wait_until(condition: Callable, *, seconds: float = 120, what: str = "the condition"):
    """Poll ``condition`` until it gives something true, and give it; fail after a deadline
    generous enough for a busy machine (this says nothing of how long it took)."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"Waited {seconds:.0f} s for {what}")
        time.sleep(0.1)


@contextmanager
def held(path: Path) -> Iterator[None]:
    """Replace a stored file by a pipe of the same name: a worker that opens it waits there
    (as on a disk that hangs) until it is killed, its job still running. The file is back
    after the block."""
    content = path.read_bytes()
    path.unlink()
    os.mkfifo(path)
    try:
        yield
    finally:
        path.unlink()
        path.write_bytes(content)


def open_when_read(pipe: Path) -> int:
    """The writing end of a held file's pipe, once a worker has opened it to read."""

    def opened():
        try:
            return os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:
            if error.errno != errno.ENXIO:  # no reader yet
                raise
            return None

    return wait_until(opened, what=f"a worker to open {pipe.name}")
