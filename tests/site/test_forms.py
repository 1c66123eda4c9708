"""The visitors' forms (awards.site.forms): bad input is a form error, never a failure."""

import pytest

from tests.support.public_pages import get_page, visible_text


@pytest.mark.parametrize(
    "query",
    [
        "?first=hero-of-labour&second=hero-of-labour",
        "?first=nope&second=hero-of-labour",
        "?first=&second=",
        "?first=%00&second=%ff",
    ],
)
def test_bad_comparison_choices_are_form_errors(client, seeded, query):
    text = visible_text(get_page(client, "/compare/" + query))
    assert "Исправьте, пожалуйста, форму:" in text


@pytest.mark.parametrize("dates", ["19x9", "1939", "1939+1940+1941+1942+1943+1944+1945", "1939-13"])
def test_bad_dates_are_form_errors(client, seeded, dates):
    text = visible_text(
        get_page(client, f"/compare/dates/?title=hero-of-socialist-labour&dates={dates}")
    )
    assert "Исправьте, пожалуйста, форму:" in text


@pytest.mark.parametrize(
    "query",
    [
        "title=hero-of-labour&year=abc",
        "title=hero-of-labour&year=1973&month=2&day=30",
        "title=hero-of-labour&year=1973&day=3",
        "title=hero-of-labour&year=99999999999999999999",
        "title=nope&year=1973&month=13",
    ],
)
def test_bad_dates_on_the_rules_page_are_form_errors(client, seeded, query):
    text = visible_text(get_page(client, "/rules/?" + query))
    assert "Исправьте, пожалуйста, форму:" in text


def test_a_too_long_query_is_a_form_error(client, seeded):
    text = visible_text(get_page(client, "/search/?q=" + "а" * 300))
    assert "Исправьте, пожалуйста, форму:" in text
