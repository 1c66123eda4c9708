"""A database that cannot be reached, written or waited for answers 503 with a page, never a 500.

Unreachable (refused, timed out, dropped, silent), read-only or full: the request fails, the
transaction the admin or the import opened is rolled back, and the visitor or editor reads
that nothing was saved and when to try again. Busy (another write held the lock past the
busy timeout, a statement ran past the statement timeout): the same, and the page says that
the database was busy, not that it is broken. Other database errors are bugs and stay 500s.
"""

import logging
import sqlite3
import time

from django.db import InterfaceError, InternalError, OperationalError, connection
from django.shortcuts import render

from heroes_site.errors import in_admin

RETRY_AFTER_SECONDS = 30
# A busy database is usually free again in a few seconds: the other write has ended.
RETRY_AFTER_BUSY_SECONDS = 10
# PostgreSQL's "cannot execute … in a read-only transaction" (a standby, or a database set
# read-only) arrives as an InternalError; the other InternalErrors are bugs.
READ_ONLY_SQLSTATE = "25006"
# PostgreSQL's lock_not_available (lock_timeout), query_canceled (statement_timeout),
# deadlock_detected and serialization_failure: the server is up, other work was in the way.
BUSY_SQLSTATES = frozenset({"55P03", "57014", "40P01", "40001"})
# SQLite's "database is locked" (another connection holds the write lock past the busy
# timeout) and "database table is locked" (the same within one shared-cache database).
BUSY_SQLITE_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
# After a failed connect, a worker answers 503 at once for this long instead of waiting out
# the connect timeout again for every queued request: under load, each request would
# otherwise wait behind the ones before it, far past the timeout.
FAIL_FAST_SECONDS = 2.0

logger = logging.getLogger(__name__)


def is_database_unavailable(error: BaseException) -> bool:
    """True for errors of the database's state (reachability, read-only, space), not of a query."""
    if isinstance(error, OperationalError | InterfaceError):
        return True
    if isinstance(error, InternalError):
        return getattr(error.__cause__, "sqlstate", None) == READ_ONLY_SQLSTATE
    return False


def is_database_busy(error: BaseException) -> bool:
    """True when other work kept the database from answering in time: it is up and writable."""
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    if (sqlstate := getattr(cause, "sqlstate", None)) is not None:
        return sqlstate in BUSY_SQLSTATES
    # Extended codes (SQLITE_BUSY_SNAPSHOT…) keep the primary code in their low byte.
    code = getattr(cause, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in BUSY_SQLITE_CODES


def database_unavailable_response(request, *, busy: bool = False):
    template = "admin/503.html" if in_admin(request) else "503.html"
    response = render(request, template, {"database_busy": busy}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_BUSY_SECONDS if busy else RETRY_AFTER_SECONDS)
    return response


class DatabaseFaultMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # Per worker process: when a connect last failed, plus FAIL_FAST_SECONDS.
        self.unreachable_until = 0.0

    def __call__(self, request):
        if time.monotonic() < self.unreachable_until:
            return database_unavailable_response(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_unavailable(exception):
            return None
        if is_database_busy(exception):
            logger.warning("Database busy: %s %s: %s", request.method, request.path, exception)
            return database_unavailable_response(request, busy=True)
        logger.error("Database unavailable: %s %s", request.method, request.path, exc_info=True)
        if connection.connection is None:
            # No connection could be opened (not a read-only or full database, which
            # still answers reads): spare the next requests the connect timeout.
            self.unreachable_until = time.monotonic() + FAIL_FAST_SECONDS
        return database_unavailable_response(request)
