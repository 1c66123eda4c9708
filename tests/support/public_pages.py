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


# The dates the rules and comparison pages are asked about: before every title, in each
# title's life, after the last.
RULES_YEARS = (1900, 1927, 1939, 1975, 1991, 2000)


def every_public_page_path(*, language: str = "ru") -> list[str]:
    """Every public HTML page in one language: each published record, the lists, the
    registry, search, and the rules and comparison pages with the questions they answer."""
    with translation.override(language):
        prefix = "" if language == "ru" else f"/{language}"
        titles = list(
            models.Title.objects.published().order_by("pk").values_list("slug", flat=True)
        )
        pages = [
            "/", "/history/", "/titles/", "/compare/", "/compare/heroes/", "/compare/dates/",
            "/rules/", "/registry/", "/registry/years/", "/registry/medals/",
            "/registry/twice/", "/registry/thrice/", "/registry/four-and-more/",
            "/search/", "/search/?q=%D0%93%D0%B5%D1%80%D0%BE%D0%B9", "/search/?q=hero",
            "/search/?q=1938", "/registry/?q=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2",
        ]  # fmt: skip
        for first in titles:
            pages.append(f"/compare/dates/?title={first}&dates=1939+1975")
            pages.append(f"/compare/dates/?title={first}")
            pages += [
                f"/compare/?first={first}&second={second}" for second in titles if second != first
            ]
            pages += [f"/rules/?title={first}&year={year}&month=&day=" for year in RULES_YEARS]
            pages.append(f"/registry/years/?title={first}")
            pages.append(f"/registry/medals/?title={first}")
        paths = [prefix + page for page in pages]
        for model in models.RECORD_MODELS:
            paths += [
                record.get_absolute_url() for record in model.objects.published().order_by("pk")
            ]
    return paths
