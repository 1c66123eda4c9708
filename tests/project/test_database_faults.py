"""A read-only database: editors read that nothing was saved (503), nothing is half-written."""

from contextlib import contextmanager

import pytest
from django.db import connection

from awards import models
from tests.support.admin_pages import admin_url, change_form_data

pytestmark = pytest.mark.django_db(transaction=True)


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


def test_a_login_on_a_read_only_database_gets_the_clear_message(client):
    from awards.records.editors import reset_demo_editor

    username, password = reset_demo_editor(username="read-only-editor")
    with read_only_database():
        response = client.post("/admin/login/", {"username": username, "password": password})
    assert response.status_code == 503
    assert "База данных недоступна" in response.content.decode()


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


def test_a_bug_in_a_query_stays_a_server_error(client, monkeypatch):
    from django.db import IntegrityError
    from django.db.backends.utils import CursorWrapper

    def violate(*args, **kwargs):
        raise IntegrityError("duplicate key")

    monkeypatch.setattr(CursorWrapper, "execute", violate)
    client.raise_request_exception = False
    assert client.get("/").status_code == 500
