"""Life and death, and the two calendars, on the public pages: a posthumous award shown
so, dates of birth and death beside the names in the lists, a date in both calendars as
sources write it."""

import pytest

from awards.core.dates import PartialDate
from tests.support.registry_builders import confer, hero
from tests.support.registry_pages import text_of

pytestmark = pytest.mark.usefixtures("seeded")


def invented_soldier():
    """An invented person (вымышленный), born in the Old Style, killed in 1943."""
    return hero(
        surname="Пробный",
        given_name="Солдат",
        patronymic="Вымышленович",
        born_on=PartialDate(1903, 1, 12),
        born_on_old_style=PartialDate(1902, 12, 30),
        died_on=PartialDate(1943, 3, 6),
    )


def test_the_person_page_shows_the_birth_in_both_calendars_and_the_posthumous_award(client):
    person = invented_soldier()
    confer(person, "1943-03-15")

    russian = text_of(client.get(person.get_absolute_url()))
    english = text_of(client.get(f"/en{person.get_absolute_url()}"))

    assert "30 декабря 1902 (12 января 1903)" in russian
    assert "по старому стилю, в скобках — по новому" in russian
    assert "посмертно" in russian
    assert "30 December 1902 (12 January 1903)" in english
    assert "Old Style, New Style in brackets" in english
    assert "posthumously" in english


def test_an_award_during_the_life_is_not_shown_as_posthumous(client):
    person = invented_soldier()
    confer(person, "1940-01-01")

    assert "посмертно" not in text_of(client.get(person.get_absolute_url()))


def test_the_registry_list_shows_the_dates_of_life_and_the_posthumous_mark(client):
    confer(invented_soldier(), "1943-03-15")

    page = text_of(client.get("/registry/?year=1943"))

    assert "(30 декабря 1902 (12 января 1903) — 6 марта 1943 г.)" in page
    assert "посмертно" in page


def test_the_twice_honoured_list_shows_the_dates_of_life(client):
    person = hero(
        surname="Пробный",
        given_name="Дважды",
        patronymic="Вымышленович",
        born_on=PartialDate(1905),
        died_on=PartialDate(1975, 5),
    )
    confer(person, "1950-01-01")
    confer(person, "1960-01-01")

    page = text_of(client.get("/en/registry/twice/"))

    assert "(1905 — May 1975)" in page
