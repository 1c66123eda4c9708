"""Public pages leave the site typeset (awards.site.typesetting), from the view and from the
page cache alike."""

import html
import re

import pytest
from django.db import transaction

from awards.core.typography import NBSP
from awards.records.seed import fixture_paths, load_fixture_records

TITLE_PAGE = "/titles/hero-of-socialist-labour/"


def _text(response) -> str:
    """The text between the tags (attributes and scripts are never typeset)."""
    page = re.sub(r"<script\b.*?</script>", "", response.content.decode(), flags=re.S)
    return html.unescape(re.sub(r"<[^>]*>", "", page))


def test_the_records_text_is_typeset_on_its_page(client, seeded):
    text = _text(client.get(TITLE_PAGE))
    assert f"Учреждено 27{NBSP}декабря 1938{NBSP}года" in text
    assert "Учреждено 27 декабря" not in text


def test_the_text_of_english_pages_is_typeset_in_english(client, seeded):
    text = _text(client.get("/en/history/"))
    assert "Council of People’s Commissars" in text
    assert "Council of People's Commissars" not in text
    assert "the title “Hero of Labour”" in text


def test_the_length_a_page_declares_is_that_of_its_typeset_text(client, seeded):
    response = client.get("/en/")
    assert int(response["Content-Length"]) == len(response.content)


@pytest.mark.django_db(transaction=True)
def test_a_page_from_the_cache_is_already_typeset(client):
    load_fixture_records(paths=fixture_paths())
    assert not transaction.get_connection().in_atomic_block
    first = client.get(TITLE_PAGE)
    second = client.get(TITLE_PAGE)
    assert second.content == first.content
    assert f"27{NBSP}декабря".encode() in second.content


def test_a_search_for_any_characters_is_answered(client, seeded):
    response = client.get("/search/", {"q": 'Герой \ue000\ue001 "Труда"'})
    assert response.status_code == 200
    assert "«Труда»" in _text(response)
