"""Life and death, and the two calendars, in the admin's forms: a person's Old Style dates
checked against the New Style ones, a conferment checked against its hero's life
(awards.registry.checks.assess). People invented (вымышленные)."""

import re

import pytest

from awards.core.dates import PartialDate
from awards.models import Conferment, Person
from tests.support.admin_pages import open_form
from tests.support.registry_builders import confer, hero

pytestmark = pytest.mark.usefixtures("seeded")


def page_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def dated(field: str, date: str) -> dict:
    value = PartialDate.parse(date)
    return {f"{field}_year": value.year, f"{field}_month": value.month, f"{field}_day": value.day}


def test_the_person_form_refuses_an_old_style_date_off_by_the_calendars_gap(editor_client):
    person = hero(surname="Пробный", born_on=PartialDate(1903, 1, 12))
    url, data = open_form(editor_client, person)

    response = editor_client.post(url, {**data, **dated("born_on_old_style", "1902-12-31")})

    assert response.status_code == 200
    assert "в тот день расходятся на 13 дней" in page_of(response)
    person.refresh_from_db()
    assert person.born_on_old_style is None


def test_the_person_form_keeps_an_old_style_date_that_agrees(editor_client):
    person = hero(surname="Пробный", born_on=PartialDate(1903, 1, 12), published=False)
    url, data = open_form(editor_client, person)

    response = editor_client.post(url, {**data, **dated("born_on_old_style", "1902-12-30")})

    assert response.status_code == 302
    assert Person.objects.get(pk=person.pk).born_on_old_style == PartialDate(1902, 12, 30)


def test_the_conferment_form_refuses_an_award_long_after_the_death(editor_client):
    person = hero(surname="Пробный", died_on=PartialDate(1943, 3, 6))
    conferment = confer(person, "1943-03-15")
    url, data = open_form(editor_client, conferment)

    response = editor_client.post(url, {**data, **dated("date", "1955-01-01")})

    assert response.status_code == 200
    page = page_of(response)
    assert "более чем через год после смерти" in page and "6 марта 1943" in page
    assert Conferment.objects.get(pk=conferment.pk).date == PartialDate(1943, 3, 15)


def test_the_conferment_form_accepts_it_when_marked_posthumous(editor_client):
    person = hero(surname="Пробный", died_on=PartialDate(1943, 3, 6))
    conferment = confer(person, "1943-03-15")
    url, data = open_form(editor_client, conferment)

    response = editor_client.post(url, {**data, **dated("date", "1955-01-01"), "posthumous": "on"})

    assert response.status_code == 302
    assert Conferment.objects.get(pk=conferment.pk).is_posthumous


def test_the_conferment_form_refuses_an_award_before_the_fourteenth_birthday(editor_client):
    person = hero(surname="Пробный", born_on=PartialDate(1940, 6, 1))
    conferment = confer(person, "1960-01-01")
    url, data = open_form(editor_client, conferment)

    response = editor_client.post(url, {**data, **dated("date", "1954-05-31")})

    assert response.status_code == 200
    assert "до 14-летия" in page_of(response)
