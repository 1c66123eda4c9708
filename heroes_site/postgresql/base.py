"""Django's PostgreSQL backend, whose connections give up on a server that stops answering.

The server's own limits (statement_timeout, lock_timeout) end work the server is doing; they
cannot help when the server never gets the query or its answer never comes back: a hung
host, or a proxy or relay that stops forwarding while its end of the TCP connection stays
open (the kernel still acknowledges every packet, so TCP keepalives and tcp_user_timeout
see nothing wrong). psycopg would then wait on the socket for ever, and gunicorn would kill
the worker at 30 s with no page. Here every wait of psycopg on the connection — a query, a
commit, Django's health check of a reused connection — lasts at most OPTIONS
``answer_timeout`` seconds; past it the connection is closed and the wait raises an
OperationalError, which the site answers with its 503 page.
"""

import psycopg
from django.db.backends.postgresql import base
from psycopg import errors


class NoAnswer(psycopg.OperationalError):
    """The server sent no answer in time; the connection was closed, its transaction lost."""


class AnswerBoundedConnection(psycopg.Connection):
    """A psycopg connection whose every wait on the server ends after ``answer_timeout`` s."""

    answer_timeout: float | None = None

    def wait(self, gen, *args, timeout=None, **kwargs):
        try:
            return super().wait(gen, *args, timeout=timeout or self.answer_timeout, **kwargs)
        except errors._WaitTimeout as timed_out:
            # A query may still be on its way: the connection cannot be used again.
            self.close()
            raise NoAnswer(
                f"the database server sent no answer within {self.answer_timeout:g} s; "
                "the connection was closed"
            ) from timed_out


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        params.pop("answer_timeout", None)
        return params

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        # Django opens connections with psycopg.connect(), which has no connection class
        # to pass; this one only adds a bound to wait(), so the object can become one.
        connection.__class__ = AnswerBoundedConnection
        connection.answer_timeout = self.settings_dict["OPTIONS"].get("answer_timeout")
        return connection
