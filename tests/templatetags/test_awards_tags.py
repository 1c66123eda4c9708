"""Presentation helpers (awards.templatetags.awards_tags): dates with precision, JSON-LD that
cannot break out of its script, links between languages."""

import json
import re

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from awards.core.dates import PartialDate
from awards.templatetags.awards_tags import json_ld, partial_date
from tests.support.public_pages import TITLE_URL, get_page


def test_a_day_renders_with_the_genitive_month_in_russian_on_one_line():
    with translation.override("ru"):
        assert partial_date(PartialDate(1927, 7, 27)) == "27\u00a0июля\u00a01927\u00a0г."


def test_a_day_renders_day_month_year_in_english_on_one_line():
    with translation.override("en"):
        assert partial_date(PartialDate(1927, 7, 27)) == "27\u00a0July\u00a01927"


def test_year_only_date_renders_without_day_or_month():
    for language in ("ru", "en"):
        with translation.override(language):
            assert partial_date(PartialDate(1921)) == "1921"


def test_a_missing_date_renders_as_nothing():
    assert partial_date(None) == ""


def test_json_ld_escapes_what_could_close_the_script():
    rendered = json_ld({"name": "</script><script>alert(1)</script> & co"})
    assert rendered.startswith('<script type="application/ld+json">')
    assert "</script><script>" not in rendered
    body = rendered.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(body) == {"name": "</script><script>alert(1)</script> & co"}


def test_language_versions_point_to_the_same_page_in_each_language():
    request = RequestFactory().get("/history/")
    template = Template(
        "{% load awards_tags %}{% language_versions as versions %}"
        "{% for v in versions %}{{ v.code }}={{ v.path }};{% endfor %}"
    )
    with translation.override("ru"):
        assert template.render(Context({"request": request})) == "ru=/history/;en=/en/history/;"


def test_language_versions_keep_the_query_string():
    request = RequestFactory().get("/en/rules/?year=1973&title=x")
    template = Template(
        "{% load awards_tags %}{% language_versions as versions %}{{ versions.0.path }}"
    )
    with translation.override("en"):
        assert template.render(Context({"request": request})) == "/rules/?year=1973&amp;title=x"


def test_an_address_with_a_query_is_encoded_and_escaped_for_html():
    template = Template(
        "{% load awards_tags %}{% url_with_query 'awards:compare-dates' title=slug dates=dates %}"
    )
    with translation.override("en"):
        html = template.render(Context({"slug": "hero-of-labour", "dates": "1939 1941"}))
    assert html == "/en/compare/dates/?title=hero-of-labour&amp;dates=1939%201941"


def test_language_switch_links_to_the_same_page_in_the_other_language(client, seeded):
    html = get_page(client, "/rules/?title=hero-of-labour&year=1930").content.decode()
    assert 'href="/en/rules/?title=hero-of-labour&amp;year=1930" hreflang="en" lang="en"' in html
    html_en = get_page(client, "/en" + TITLE_URL).content.decode()
    assert f'href="{TITLE_URL}" hreflang="ru" lang="ru"' in html_en


def test_canonical_hreflang_and_open_graph(client, seeded):
    html = get_page(client, "/en" + TITLE_URL).content.decode()
    assert f'<link rel="canonical" href="http://testserver/en{TITLE_URL}">' in html
    assert f'<link rel="alternate" hreflang="ru" href="http://testserver{TITLE_URL}">' in html
    assert f'<link rel="alternate" hreflang="en" href="http://testserver/en{TITLE_URL}">' in html
    assert '<meta property="og:title" content="Hero of Socialist Labour">' in html
    assert '<meta property="og:locale" content="en_GB">' in html
    assert re.search(r'<meta property="article:modified_time" content="\d{4}-\d\d-\d\dT', html)
