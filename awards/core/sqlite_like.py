"""Unicode-aware LIKE for SQLite.

SQLite's LIKE folds only ASCII letters, so a search for "герой" would miss "Герой".
Django's ``icontains`` on SQLite is LIKE with a backslash escape; replacing SQLite's
``like()`` function on each connection makes it fold Cyrillic (and every other script)
the way PostgreSQL's UPPER()-based lookups already do.
"""

import re
from functools import lru_cache

from django.db.backends.signals import connection_created


@lru_cache(maxsize=512)
def like_pattern_to_regex(pattern: str, escape: str | None) -> re.Pattern:
    parts = []
    chars = iter(pattern)
    for char in chars:
        if escape and char == escape:
            parts.append(re.escape(next(chars, "")))
        elif char == "%":
            parts.append(".*")
        elif char == "_":
            parts.append(".")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def unicode_like(pattern, value, escape=None):
    if pattern is None or value is None:
        return None
    return like_pattern_to_regex(pattern, escape).fullmatch(str(value)) is not None


def install_unicode_like(sender, connection, **kwargs):
    if connection.vendor != "sqlite":
        return
    connection.connection.create_function("like", 2, unicode_like, deterministic=True)
    connection.connection.create_function("like", 3, unicode_like, deterministic=True)


def connect():
    connection_created.connect(install_unicode_like, dispatch_uid="heroes_site.unicode_like")
