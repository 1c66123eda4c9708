"""Whether a record's dates and numbers appear in the sentences it cites
(awards.records.citation_checks): plain values, and a record's own sentences."""

import pytest

from awards import models
from awards.core.dates import PartialDate
from awards.records.citation_checks import (
    date_is_stated,
    number_is_stated,
    record_uncited_facts,
    uncited_facts,
)


@pytest.mark.parametrize(
    ("date", "sentence"),
    [
        (PartialDate(1938), "Звание учреждено в 1938 году."),
        (PartialDate(1938, 12, 27), "Указом от 27 декабря 1938 г. учреждено звание."),
        (PartialDate(1938, 12, 27), "Указом Президиума от 27 декабря учреждено звание."),
        (PartialDate(1940, 5, 3), "Медаль учреждена 03 мая."),
        (PartialDate(1938, 12), "В 1938 году, в декабре, учреждено звание."),
        (PartialDate(1938, 12, 27), "Учреждено\xa027\xa0декабря."),
    ],
)
def test_a_date_is_stated_by_its_year_or_its_day_and_month(date, sentence):
    assert date_is_stated(date, sentence)


@pytest.mark.parametrize(
    ("date", "sentence"),
    [
        (PartialDate(1939), "Звание учреждено в 1938 году."),
        (PartialDate(1939), "Указ № 19391 о звании."),
        (PartialDate(1939, 12, 27), "Учреждено 27 ноября 1938 года."),
        (PartialDate(1939, 12, 7), "Учреждено 27 декабря 1938 года."),
        (PartialDate(1939, 12), "В декабре 1938 года."),
    ],
)
def test_another_year_or_day_does_not_state_a_date(date, sentence):
    assert not date_is_stated(date, sentence)


def test_a_number_is_stated_whole():
    assert number_is_stated("3", "не более 3 раз")
    assert not number_is_stated("3", "не более 13 раз")
    assert number_is_stated("10000", "медаль № 10\xa0000")


def test_the_facts_none_of_the_sentences_mentions_are_named():
    facts = uncited_facts(
        dates=[("date", "дата", PartialDate(1939)), ("start", "действует с", PartialDate(1938))],
        numbers=[("value_key", "краткий ответ", "3")],
        sentences=["Первое присвоение состоялось в 1938 году.", "Не более трёх раз."],
    )

    assert [(fact.field, fact.value) for fact in facts] == [("date", "1939"), ("value_key", "3")]


def test_nothing_is_reported_for_a_record_that_cites_nothing():
    assert (
        uncited_facts(dates=[("date", "дата", PartialDate(1939))], numbers=[], sentences=[]) == []
    )


@pytest.mark.django_db
def test_a_records_passages_and_its_boundaries_passages_are_its_sentences(
    seeded, make_event, make_provision
):
    about_1938 = models.Citation.objects.get(slug="hsl-p4-s1")
    other = models.Citation.objects.get(slug="hsl-p1-s1")
    event = make_event(date=PartialDate(1939), citations=[about_1938])
    provision = make_provision(
        start=PartialDate(1938, 12, 27),
        start_basis="dated",
        end_basis="title_life",
        end_citation=about_1938,
        citations=[other],
    )

    assert [(f.field, f.value) for f in record_uncited_facts(event)] == [("date", "1939")]
    assert record_uncited_facts(provision) == []
