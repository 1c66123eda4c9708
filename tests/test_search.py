"""Search over the published records: both languages, both databases, drafts never found."""

import pytest
from django.db import connection

from awards.search import search_records

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search runs on PostgreSQL only"
)


def _found(query):
    return {
        group.kind: {record.slug for record in group.records}
        for group in search_records(query=query)
    }


def test_a_lower_case_query_finds_capitalised_cyrillic_words(seeded):
    found = _found("серп и молот")
    assert "hammer-and-sickle" in found["medal"]


def test_an_inflected_name_finds_the_order_of_lenin(seeded):
    found = _found("ленина")
    assert "order-of-lenin" in found["medal"]
    assert "1988-repeat-order-of-lenin-abolished" in found["event"]


def test_results_are_grouped_by_kind_in_a_fixed_order(seeded):
    kinds = [group.kind for group in search_records(query="ленина")]
    assert kinds == ["decree", "medal", "event", "provision", "citation"]


def test_english_words_find_the_english_version(seeded):
    assert "hammer-and-sickle" in _found("hammer")["medal"]


def test_drafts_are_never_found(make_title):
    make_title(name_ru="Черновое звание", published=False)
    assert _found("черновое") == {}


def test_a_provision_of_a_draft_title_is_never_found(make_title, make_provision):
    make_provision(title=make_title(published=False), value_ru="Тайное положение")
    assert _found("тайное") == {}


def test_an_empty_query_finds_nothing(seeded):
    assert search_records(query="   ") == []


@on_postgresql
def test_a_different_case_ending_finds_the_title_on_postgresql(seeded):
    assert "hero-of-socialist-labour" in _found("герою")["title"]


@on_postgresql
def test_an_inflected_word_finds_the_medal_on_postgresql(seeded):
    assert "hammer-and-sickle" in _found("медалью")["medal"]


@pytest.mark.parametrize("query", ["!!!", "и", "&|!:*()", "'", "%", "_"])
def test_punctuation_and_stop_words_do_not_break_the_search(seeded, query):
    assert isinstance(search_records(query=query), list)
