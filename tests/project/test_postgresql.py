"""The PostgreSQL backend (heroes_site.postgresql): a server that falls silent on an open
connection is given up in seconds."""

import urllib.parse

import pytest
from django.db import connection

from tests.support.production_server import (
    SilenceableRelay,
    fetch,
    gunicorn,
)


@pytest.mark.slow
def test_a_database_that_falls_silent_on_an_open_connection_answers_503_in_seconds(
    postgresql_site,
):
    address = urllib.parse.urlsplit(postgresql_site["DATABASE_URL"])
    relay = SilenceableRelay((address.hostname, address.port or 5432))
    environment = postgresql_site | {
        "DATABASE_URL": address._replace(
            netloc=f"{address.username}@127.0.0.1:{relay.port}"
        ).geturl(),
        "DATABASE_STATEMENT_TIMEOUT": "1",
        "DATABASE_CONNECT_TIMEOUT": "2",
    }
    try:
        with gunicorn(environment=environment) as (base, _):
            # The worker opens its connection and keeps it for the next request.
            before, _, _ = fetch(f"{base}/en/", timeout=10)
            relay.fall_silent()
            # Half of gunicorn's 30 s: the answer comes long before the worker is killed.
            status, headers, body = fetch(f"{base}/en/titles/", timeout=15)
    finally:
        relay.close()

    assert before == 200
    assert status == 503, body[:500]
    assert headers["Retry-After"] == "30"
    assert "the database is not answering" in body.decode()


@pytest.mark.django_db
def test_connections_never_compile_queries_with_jit():
    # A search matching most of a large index was planned as costly and spent 0.8 s in JIT.
    if connection.vendor != "postgresql":
        pytest.skip("JIT is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
