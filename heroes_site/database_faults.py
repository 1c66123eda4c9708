"""A database that cannot be reached or written answers 503 with a page, never a bare 500.

Unreachable (refused, timed out, dropped), read-only or full: the request fails, the
transaction the admin or the import opened is rolled back, and the visitor or editor reads
that nothing was saved and when to try again. Other database errors are bugs and stay 500s.
"""

import logging
import time

from django.db import InterfaceError, InternalError, OperationalError, connection
from django.shortcuts import render

from heroes_site.errors import in_admin

RETRY_AFTER_SECONDS = 30
# PostgreSQL's "cannot execute … in a read-only transaction" (a standby, or a database set
# read-only) arrives as an InternalError; the other InternalErrors are bugs.
READ_ONLY_SQLSTATE = "25006"
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


def database_unavailable_response(request):
    template = "admin/503.html" if in_admin(request) else "503.html"
    response = render(request, template, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
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
        logger.error("Database unavailable: %s %s", request.method, request.path, exc_info=True)
        if connection.connection is None:
            # No connection could be opened (not a read-only or full database, which
            # still answers reads): spare the next requests the connect timeout.
            self.unreachable_until = time.monotonic() + FAIL_FAST_SECONDS
        return database_unavailable_response(request)
