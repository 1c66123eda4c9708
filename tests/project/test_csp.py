"""Content-Security-Policy on every response (heroes_site.csp)."""

import pytest

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
