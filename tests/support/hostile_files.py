"""The hostile workbooks of issue 17 at their real size, and what reading one costs."""

import functools
import tracemalloc

from awards import models
from bench.hostile_files import (
    long_shared_string,
    many_shared_strings,
    whitespace_bomb,
    wide_row,
)

MB = 1024 * 1024
UNPACKS_TOO_LARGE = "Книга при распаковке занимает больше 256,0"
INFLATES_TOO_MUCH = "больше своего сжатого размера более чем в 100 раз: это zip-бомба"


@functools.cache
def bomb(name: str) -> bytes:
    """The workbooks of issue 17 at their real size and ratio, made once a run."""
    return {
        "whitespace": whitespace_bomb,
        "long string": long_shared_string,
        "wide row": wide_row,
        "shared strings": many_shared_strings,
        "lying sizes": lambda: many_shared_strings(lying=True),
    }[name]()


# Each bomb, with the refusal the default limits give it: 1 GiB declared is over the
# unpacked limit; the others inflate over 100 times (the lying one while it unpacks).
BOMBS = [
    ("whitespace", UNPACKS_TOO_LARGE),
    ("long string", INFLATES_TOO_MUCH),
    ("wide row", INFLATES_TOO_MUCH),
    ("shared strings", INFLATES_TOO_MUCH),
    ("lying sizes", INFLATES_TOO_MUCH),
]


def traced(call):
    """A call's result, and the peak of the memory it allocated (tracemalloc)."""
    tracemalloc.start()
    try:
        result = call()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def rejected_log() -> models.ImportLog:
    """The last entry of the import log, which must be a refusal that wrote nothing."""
    log = models.ImportLog.objects.latest("pk")
    assert log.status == models.ImportLog.Status.REJECTED
    assert (log.new_count, log.updated_count) == (0, 0)
    return log
