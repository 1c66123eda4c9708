"""The production server: what static files it serves, a database host that never answers,
and, on PostgreSQL, a database that holds a lock or falls silent on an open connection."""

import json
import urllib.parse

import pytest

from tests.support.production_server import (
    SilenceableRelay,
    collect_static,
    fetch,
    gunicorn,
    prepare_site_database,
    production_environment,
    served_database,
    silent_database,
)


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("deployment") / "staticfiles"
    collect_static(static_root=root)
    return root


def test_the_static_manifest_is_not_public(static_root):
    manifest = json.loads(
        (static_root.parent / "staticfiles-manifest" / "staticfiles.json").read_text()
    )
    stylesheet = manifest["paths"]["css/site.css"]
    environment = production_environment(static_root=static_root, database_url="sqlite://:memory:")

    with gunicorn(environment=environment) as (base, _):
        manifest_status, _, _ = fetch(f"{base}/static/staticfiles.json")
        stylesheet_status, headers, _ = fetch(f"{base}/static/{stylesheet}")

    assert not (static_root / "staticfiles.json").exists()
    assert manifest_status == 404
    assert stylesheet_status == 200
    assert "max-age=315360000" in headers["Cache-Control"]


def test_a_database_that_never_answers_gives_a_503_within_five_seconds(static_root):
    with silent_database() as port:
        environment = production_environment(
            static_root=static_root, database_url=f"postgres://postgres@127.0.0.1:{port}/x"
        )
        with gunicorn(environment=environment) as (base, _):
            # fetch() gives up after five seconds: a slower answer fails the test.
            status, headers, body = fetch(f"{base}/en/", timeout=5)

    assert status == 503, body[:500]
    assert headers["Retry-After"] == "30"
    assert "Temporarily unavailable" in body.decode()


def test_after_a_failed_connect_the_next_requests_answer_503_without_waiting_again(static_root):
    accepted = []
    with silent_database(accepted) as port:
        environment = production_environment(
            static_root=static_root, database_url=f"postgres://postgres@127.0.0.1:{port}/x"
        )
        with gunicorn(environment=environment) as (base, _):
            first, _, _ = fetch(f"{base}/en/", timeout=5)
            attempts = len(accepted)
            second, headers, _ = fetch(f"{base}/en/history/", timeout=5)
            after = len(accepted)

    assert (first, second) == (503, 503)
    assert headers["Retry-After"] == "30"
    # The second request did not try to connect: it answered from the failed connect.
    assert attempts >= 1
    assert after == attempts


@pytest.fixture(scope="module")
def postgresql_site(static_root, tmp_path_factory):
    """The site's environment on a PostgreSQL database of its own, migrated and loaded."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip(
            "PostgreSQL only (run with DATABASE_URL=postgres://…): SQLite is a file, with no "
            "server to fall silent and no statement timeout"
        )
    folder = tmp_path_factory.mktemp("postgresql-site")
    with served_database(folder) as database_url:
        environment = production_environment(
            static_root=static_root,
            database_url=database_url,
            DJANGO_CACHE_DIR=str(folder / "cache"),
        )
        prepare_site_database(environment)
        yield environment


def test_a_page_blocked_by_a_lock_answers_503_busy_within_the_statement_timeout(postgresql_site):
    import psycopg

    environment = postgresql_site | {"DATABASE_STATEMENT_TIMEOUT": "1"}
    with (
        gunicorn(environment=environment) as (base, _),
        psycopg.connect(environment["DATABASE_URL"]) as other,
    ):
        # Held until the block ends: every read of the titles waits for it.
        other.execute("LOCK TABLE awards_title IN ACCESS EXCLUSIVE MODE")
        # fetch() gives up after five seconds: a slower answer fails the test.
        status, headers, body = fetch(f"{base}/en/titles/", timeout=5)

    assert status == 503, body[:500]
    assert headers["Retry-After"] == "10"
    assert "the database is busy with other work" in body.decode()


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
