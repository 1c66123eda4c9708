"""What is built once per run and shared by the workers of pytest-xdist (or by the one
process without it): a folder of the run, and a build done by whichever process needs it
first while the others wait for it."""

import fcntl
import os
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path


def run_folder(tmp_path_factory) -> Path:
    """The folder of this run: the workers' temporary folders are inside it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def locked(path: Path):
    """Hold an exclusive lock on ``path`` (made if missing) until the block ends."""
    with path.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def built_once(folder: Path, name: str, build: Callable[[Path], None]) -> Path:
    """``folder / name``, built by ``build`` the first time any process of the run asks."""
    target = folder / name
    done = folder / f"{name}.built"
    with locked(folder / f"{name}.lock"):
        if not done.exists():
            build(target)
            done.touch()
    return target
