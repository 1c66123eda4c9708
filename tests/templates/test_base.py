"""Conventions every page keeps (templates/base.html and its components): one h1 and the
landmarks, its language, no outside asset, short template lines, and no statement without a
citation.

The walk covers the pages of the sitemap (every published record and every page, both
languages) and the comparisons and rules of every title. On each, every fact is marked and
has its source link (the convention is in templates/base.html; tests/support/html_facts.py
reads it)."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from awards import models
from tests.support.html_facts import unsourced_facts
from tests.support.page_walk import walked_paths
from tests.support.public_pages import TITLE_URL, get_page


@pytest.fixture
def source_names(seeded):
    names = set()
    for source in models.Source.objects.published():
        for language in ("ru", "en"):
            with translation.override(language):
                names.add(source.name)
    return names


@pytest.mark.slow
def test_every_fact_on_every_public_page_links_to_its_source(client, seeded, source_names):
    paths = walked_paths(client)
    assert len(paths) > 100
    problems = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        if found := unsourced_facts(response.content.decode(), source_names=source_names):
            problems[path] = found
    assert problems == {}, "\n".join(f"{path}: {found}" for path, found in problems.items())


def test_the_walk_notices_a_fact_without_its_source():
    page = (
        '<article class="record"><p class="lead" data-fact="record-citations">A fact.</p>'
        '<div class="provision" data-fact><p>A rule</p></div>'
        '<dl class="facts"><dd>1940</dd></dl></article>'
    )
    problems = unsourced_facts(page, source_names={"Source"})
    assert len(problems) == 3


def test_the_walk_accepts_a_fact_with_a_named_source_link():
    page = (
        '<article class="record"><p class="lead" data-fact="record-citations">A fact.</p>'
        '<section id="record-citations"><a data-cites href="/citations/a/">Source, 1</a></section>'
        "</article>"
    )
    assert unsourced_facts(page, source_names={"Source"}) == []


# Languages and search engines ----------------------------------------------------------


def test_pages_declare_their_language(client, seeded):
    assert '<html lang="ru">' in get_page(client, "/").content.decode()
    assert '<html lang="en">' in get_page(client, "/en/").content.decode()


def test_every_asset_is_served_by_the_app(client, seeded):
    html = get_page(client, "/history/").content.decode()
    assert not re.search(
        r'(src|href)="(https?:)?//', html.split("<body>")[0].replace('href="http://testserver', "")
    )


def test_pages_have_one_h1_and_landmarks(client, seeded):
    for url in ("/", "/history/", TITLE_URL, "/compare/heroes/", "/rules/", "/search/?q=труд"):
        html = get_page(client, url).content.decode()
        assert html.count("<h1") == 1, url
        assert "<main" in html and "<header" in html and "<footer" in html and "<nav" in html


# Templates -----------------------------------------------------------------------------


MAX_TEMPLATE_LINE = 120


def test_no_template_line_is_longer_than_120_characters():
    templates = settings.BASE_DIR / "templates"
    too_long = [
        f"{path.relative_to(templates)}:{number} has {len(line)} characters"
        for path in sorted(templates.rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if len(line) > MAX_TEMPLATE_LINE
    ]
    assert too_long == []


def test_record_pages_give_each_linked_kind_its_own_headed_section(client, seeded):
    html = get_page(client, "/events/1988-repeat-order-of-lenin-abolished/").content.decode()
    for kind in ("title", "medal"):
        assert f'<section aria-labelledby="{kind}-heading">' in html
        assert f'<h2 id="{kind}-heading">' in html
