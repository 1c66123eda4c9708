"""Dates in two calendars (awards.core.dates): the Old Style day first, the New Style in
brackets, as sources before 1918 write them; stored as the New Style with the Old kept."""

import pytest
from django.utils import translation

from awards.core.dates import (
    PartialDate,
    PartialDateError,
    calendar_gap,
    format_styled_date,
    parse_styled,
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("text", "old_style", "new_style"),
    [
        ("30.12.1902 (12.1.1903)", "1902-12-30", "1903-01-12"),
        ("29.10(10.11).1888", "1888-10-29", "1888-11-10"),
        ("6 (18) декабря 1878", "1878-12-06", "1878-12-18"),
        ("29 октября (10 ноября) 1888 г.", "1888-10-29", "1888-11-10"),
        ("30 декабря 1902 (12 января 1903)", "1902-12-30", "1903-01-12"),
        ("1902-12-30 (1903-01-12)", "1902-12-30", "1903-01-12"),
        ("6 (18) December 1878", "1878-12-06", "1878-12-18"),
    ],
)
def test_a_day_in_two_calendars_is_read_as_the_new_style_with_the_old_kept(
    text, old_style, new_style
):
    value = parse_styled(text)

    assert value.old_style == PartialDate.parse(old_style)
    assert value.new_style == PartialDate.parse(new_style)


def test_a_date_in_one_calendar_is_read_as_before():
    value = parse_styled("1927-07")
    assert value.new_style == PartialDate(1927, 7) and value.old_style is None


@pytest.mark.parametrize(
    ("old_style", "gap"),
    [
        ("1582-10-05", 10),
        ("1700-02-28", 10),
        ("1700-03-01", 11),
        ("1800-02-28", 11),
        ("1800-03-01", 12),
        ("1900-02-28", 12),
        ("1900-03-01", 13),
        ("2099-12-31", 13),
    ],
)
def test_the_calendars_gap_grows_after_each_julian_leap_day_the_gregorian_drops(old_style, gap):
    assert calendar_gap(PartialDate.parse(old_style)) == gap


def test_a_pair_that_does_not_differ_by_the_gap_is_refused_saying_which_is_which():
    with pytest.raises(PartialDateError) as refused:
        parse_styled("6 (19) декабря 1878")

    message = str(refused.value)
    assert "Old Style date 6 December 1878" in message
    assert "New Style date 19 December 1878" in message
    assert "differ by 13 days" in message and "by 12 days on that date" in message
    assert "is 18 December 1878 New Style" in message


def test_a_pair_written_new_style_first_is_refused_with_the_order_to_write():
    with pytest.raises(PartialDateError, match=r"Old Style first.*30 December 1902"):
        parse_styled("12.1.1903 (30.12.1902)")


@pytest.mark.parametrize("text", ["1902 (1903)", "12.1902 (1.1903)", "6 (18) дек 1878"])
def test_a_pair_that_is_not_two_days_is_refused(text):
    with pytest.raises(PartialDateError):
        parse_styled(text)


def test_the_refusal_is_in_russian_for_russian_editors():
    with translation.override("ru"), pytest.raises(PartialDateError) as refused:
        parse_styled("6 (19) декабря 1878")
    assert "по старому стилю" in str(refused.value)


@pytest.mark.parametrize(
    ("old_style", "new_style", "russian", "english"),
    [
        ("1878-12-06", "1878-12-18", "6 (18) декабря 1878", "6 (18) December 1878"),
        (
            "1888-10-29",
            "1888-11-10",
            "29 октября (10 ноября) 1888",
            "29 October (10 November) 1888",
        ),
        (
            "1902-12-30",
            "1903-01-12",
            "30 декабря 1902 (12 января 1903)",
            "30 December 1902 (12 January 1903)",
        ),
    ],
)
def test_a_date_in_two_calendars_is_shown_as_sources_write_it(
    old_style, new_style, russian, english
):
    old, new = PartialDate.parse(old_style), PartialDate.parse(new_style)
    assert format_styled_date(new, old, language="ru") == russian
    assert format_styled_date(new, old, language="en") == english


def test_a_date_without_an_old_style_day_is_shown_as_before():
    assert format_styled_date(PartialDate(1903, 1, 12), None, language="ru") == "12 января 1903 г."
