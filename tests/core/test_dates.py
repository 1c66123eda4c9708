"""Partial dates (awards.core.dates): known to a year, a month or a day, as the source states
them."""

import datetime

import pytest
from django.utils import translation

from awards.core.dates import (
    AFTER,
    BEFORE,
    DAY,
    EARLIER_THAN,
    IN,
    LATER_THAN,
    MONTH,
    ON,
    YEAR,
    PartialDate,
    PartialDateError,
    date_phrase,
    format_partial_date,
)


@pytest.mark.parametrize(
    ("text", "precision"),
    [("1921", YEAR), ("1927-07", MONTH), ("1927-07-27", DAY)],
)
def test_iso_text_keeps_its_precision(text, precision):
    value = PartialDate.parse(text)
    assert value.precision == precision
    assert value.isoformat() == text


@pytest.mark.parametrize(
    "text", ["21", "1927-7-27", "1927-13", "1927-02-30", "27.07.1927", "", "1927-00"]
)
def test_malformed_or_impossible_dates_are_refused(text):
    with pytest.raises(PartialDateError):
        PartialDate.parse(text)


def test_a_day_without_a_month_is_refused():
    with pytest.raises(PartialDateError, match="без месяца"):
        PartialDate(1927, None, 27)


def test_year_sorts_before_its_months_and_days_and_after_earlier_years():
    values = [
        PartialDate(1938, 12, 27),
        PartialDate(1938),
        PartialDate(1927, 7, 27),
        PartialDate(1938, 12),
        PartialDate(1921),
    ]
    assert [value.isoformat() for value in sorted(values)] == [
        "1921",
        "1927-07-27",
        "1938",
        "1938-12",
        "1938-12-27",
    ]


def test_spans_of_days_cover_exactly_what_is_known():
    assert PartialDate(1988).earliest() == datetime.date(1988, 1, 1)
    assert PartialDate(1988).latest() == datetime.date(1988, 12, 31)
    assert PartialDate(1940, 2).latest() == datetime.date(1940, 2, 29)
    assert PartialDate(1940, 5, 22).earliest() == PartialDate(1940, 5, 22).latest()


@pytest.mark.parametrize(
    ("value", "russian", "english"),
    [
        (PartialDate(1921), "1921", "1921"),
        (PartialDate(1927, 7), "июль 1927 г.", "July 1927"),
        (PartialDate(1927, 7, 27), "27 июля 1927 г.", "27 July 1927"),
        (PartialDate(1938, 12, 27), "27 декабря 1938 г.", "27 December 1938"),
        (PartialDate(1940, 5, 22), "22 мая 1940 г.", "22 May 1940"),
    ],
)
def test_rendering_says_exactly_what_is_known_in_both_languages(value, russian, english):
    assert format_partial_date(value, language="ru") == russian
    assert format_partial_date(value, language="en") == english


@pytest.mark.parametrize(
    ("text", "frame", "russian", "english"),
    [
        ("1955", IN, "в 1955 году", "in 1955"),
        ("1927-07", IN, "в июле 1927 года", "in July 1927"),
        ("1927-07-27", IN, "27 июля 1927 года", "on 27 July 1927"),
        ("1973", ON, "на 1973 год", "in 1973"),
        ("1927-07", ON, "на июль 1927 года", "in July 1927"),
        ("1927-07-27", ON, "на 27 июля 1927 года", "on 27 July 1927"),
        ("1927-07-27", BEFORE, "до 27 июля 1927 года", "before 27 July 1927"),
        ("1927-07", AFTER, "после июля 1927 года", "after July 1927"),
        ("1926", LATER_THAN, "позже 1926 года", "after 1926"),
        ("1995-03", EARLIER_THAN, "раньше марта 1995 года", "before March 1995"),
    ],
)
def test_a_date_phrase_takes_the_case_of_its_frame_and_keeps_its_precision(
    text, frame, russian, english
):
    value = PartialDate.parse(text)
    assert date_phrase(value, frame, language="ru") == russian
    assert date_phrase(value, frame, language="en") == english


def test_a_date_written_in_one_language_is_written_afresh_in_the_other():
    """Dates are written once per language and kept: the page's language decides which."""
    value = PartialDate(1957, 1, 11)
    with translation.override("en"):
        assert format_partial_date(value) == "11 January 1957"
        assert format_partial_date(value, language="ru") == "11 января 1957 г."
    with translation.override("ru"):
        assert format_partial_date(value) == "11 января 1957 г."
        assert format_partial_date(PartialDate(1957, 1)) == "январь 1957 г."
    with translation.override("en"):
        assert format_partial_date(PartialDate(1957, 1)) == "January 1957"
