"""Every kind of public page, as paths, for the tests that visit them all."""

import re

from django.utils import translation

from awards import models

LANGUAGES = ("ru", "en")


def public_page_paths(*, language: str = "ru") -> list[str]:
    """One path of each public page type (a published record of each model), in one language."""
    with translation.override(language):
        prefix = "" if language == "ru" else f"/{language}"
        pages = [
            "/",
            "/history/",
            "/titles/",
            "/search/?q=%D0%93%D0%B5%D1%80%D0%BE%D0%B9",
            "/compare/",
            "/compare/?first=hero-of-labour&second=hero-of-socialist-labour",
            "/compare/heroes/",
            "/compare/dates/?title=hero-of-socialist-labour&dates=1939+1975",
            "/rules/?title=hero-of-socialist-labour&year=1975&month=&day=",
        ]
        paths = [prefix + page for page in pages]
        for model in models.RECORD_MODELS:
            record = model.objects.filter(published=True).order_by("pk").first()
            paths.append(record.get_absolute_url())
    return paths


SITE_PATHS = ["/robots.txt", "/sitemap.xml"]


# The page of the title the fixtures tell most of.
TITLE_URL = "/titles/hero-of-socialist-labour/"


def visible_text(response):
    """The page's visible text, tags stripped and whitespace collapsed; the note marks' numbers
    (superscripts after the facts, not words of the text) left out."""
    html = response.content.decode()
    html = re.sub(r'<sup class="note-ref">.*?</sup>', "", html, flags=re.S)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<[^>]+>", " ", html)
    text = re.sub(r"\s+", " ", html).replace("&quot;", '"').replace("&#x27;", "'")
    return re.sub(r"\( ", "(", re.sub(r" ([,.:;)])", r"\1", text))


def get_page(client, url, status=200):
    """The response to a GET, which must have the status."""
    response = client.get(url)
    assert response.status_code == status, url
    return response
