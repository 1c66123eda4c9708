"""A database that cannot be reached, written or waited for (heroes_site.database_faults): a
503 page in the visitor's language, never a 500, nothing half-written."""

from contextlib import contextmanager

import pytest
from django.db import connection

from awards import models
from tests.support.admin_pages import admin_url, change_form_data
from tests.support.production_server import (
    fetch,
    gunicorn,
    production_environment,
    silent_database,
)


@contextmanager
def read_only_database():
    """The database refuses writes, as a standby or a database set read-only does."""
    on, off = {
        "sqlite": ("PRAGMA query_only = ON", "PRAGMA query_only = OFF"),
        "postgresql": (
            "SET default_transaction_read_only = on",
            "SET default_transaction_read_only = off",
        ),
    }[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(on)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(off)


@pytest.mark.django_db(transaction=True)
def test_an_editors_save_on_a_read_only_database_says_it_was_not_saved(seeded, editor_client):
    title = models.Title.objects.get(slug="hero-of-labour")
    url = admin_url(models.Title, "change", title.pk)
    data = change_form_data(editor_client.get(url))
    data["name_ru"] = "Изменённое название"
    history_before = title.history.count()

    with read_only_database():
        response = editor_client.post(url, data)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "База данных недоступна" in page
    assert "Ваше изменение не сохранено" in page
    title.refresh_from_db()
    assert title.name_ru != "Изменённое название"
    assert title.history.count() == history_before


@pytest.mark.django_db(transaction=True)
def test_a_login_on_a_read_only_database_gets_the_clear_message(client):
    from awards.records.editors import reset_demo_editor

    username, password = reset_demo_editor(username="read-only-editor")
    with read_only_database():
        response = client.post("/admin/login/", {"username": username, "password": password})
    assert response.status_code == 503
    assert "База данных недоступна" in response.content.decode()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("path", "heading"), [("/", "Временно недоступно"), ("/en/", "Temporarily unavailable")]
)
def test_public_pages_answer_503_in_their_language_when_the_database_fails(
    client, monkeypatch, path, heading
):
    from django.db import OperationalError
    from django.db.backends.utils import CursorWrapper

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    response = client.get(path)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert heading in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_bug_in_a_query_stays_a_server_error(client, monkeypatch):
    from django.db import IntegrityError
    from django.db.backends.utils import CursorWrapper

    def violate(*args, **kwargs):
        raise IntegrityError("duplicate key")

    monkeypatch.setattr(CursorWrapper, "execute", violate)
    client.raise_request_exception = False
    assert client.get("/").status_code == 500


@pytest.mark.slow
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


@pytest.mark.slow
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


@pytest.mark.slow
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
