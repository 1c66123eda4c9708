"""No statement without a citation: a walk of every public page in both languages.

The pages are those of the sitemap (every published record and every page, both
languages) and the comparisons and rules of every title. On each, every fact is marked and
has its source link (the convention is in templates/base.html; tests/html_facts.py reads it).
"""

import itertools
import re

import pytest
from django.utils import translation

from awards import models
from tests.support.html_facts import unsourced_facts

DATES = ("1921", "1927", "1938", "1940", "1975", "1988", "1991", "1992")


def _sitemap_paths(client) -> set[str]:
    xml = client.get("/sitemap.xml").content.decode()
    urls = set(re.findall(r"<loc>([^<]+)</loc>", xml)) | set(re.findall(r'href="([^"]+)"', xml))
    return {re.sub(r"^https?://[^/]+", "", url) for url in urls}


def _computed_paths(titles: list[str]) -> set[str]:
    paths = set()
    for prefix in ("", "/en"):
        paths.add(f"{prefix}/compare/heroes/")
        for first, second in itertools.permutations(titles, 2):
            paths.add(f"{prefix}/compare/?first={first}&second={second}")
        for title in titles:
            paths.add(f"{prefix}/compare/dates/?title={title}&dates={'+'.join(DATES)}")
            for year in DATES:
                paths.add(f"{prefix}/rules/?title={title}&year={year}&month=&day=")
            paths.add(f"{prefix}/rules/?title={title}&year=1940&month=5&day=22")
    return paths


@pytest.fixture
def source_names(seeded):
    names = set()
    for source in models.Source.objects.published():
        for language in ("ru", "en"):
            with translation.override(language):
                names.add(source.name)
    return names


def test_every_fact_on_every_public_page_links_to_its_source(client, seeded, source_names):
    titles = list(models.Title.objects.published().values_list("slug", flat=True))
    paths = _sitemap_paths(client) | _computed_paths(titles)
    assert len(paths) > 100
    problems = {}
    for path in sorted(paths):
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
