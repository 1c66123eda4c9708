"""Content-Security-Policy on every response; the CSRF failure page in the visitor's language."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    directives = response["Content-Security-Policy"].split(";")
    return {name: values for name, *values in (part.split() for part in directives)}


def test_public_pages_allow_no_inline_script_or_style(client, seeded):
    for path in ["/", "/en/history/", "/titles/hero-of-labour/", "/robots.txt", "/no-such-page/"]:
        directives = policy(client.get(path))
        assert directives["script-src"] == ["'self'"], path
        assert directives["style-src"] == ["'self'"], path
        assert "style-src-attr" not in directives, path
        assert directives["object-src"] == ["'none'"], path
        assert directives["frame-ancestors"] == ["'none'"], path


def test_the_admin_allows_inline_style_attributes_only(editor_client, seeded):
    directives = policy(editor_client.get("/admin/awards/title/"))
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["style-src-attr"] == ["'unsafe-inline'"]


def test_an_admin_form_without_its_token_gets_the_russian_explanation(seeded):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "editor", "password": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Форма устарела" in page
    assert "ничего не сохранено" in page
    assert "Герои труда: редакция" in page


def test_the_language_switcher_without_its_token_gets_the_explanation():
    """The language switcher is the public form that posts (public pages answer 405)."""
    response = Client(enforce_csrf_checks=True).post("/i18n/setlang/", {"language": "en"})
    assert response.status_code == 403
    assert "Форма устарела" in response.content.decode()
