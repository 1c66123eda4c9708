"""A person's page (awards.site.views) agrees with the person's sex: stated, or read from the
patronymic; wording that fits both when it is unknown. People invented."""

import pytest

from awards.core.dates import PartialDate
from tests.support.registry_builders import hero
from tests.support.registry_pages import text_of

pytestmark = pytest.mark.usefixtures("seeded")


def lived(**fields):
    person = hero(**fields)
    person.born_on, person.died_on = PartialDate(1901, 2, 3), PartialDate(1943, 3, 6)
    person.save()
    return person


def test_a_womans_page_says_she_was_born_and_died(client):
    person = lived(surname="Пробная", given_name="Анна", patronymic="Пробовна")
    page = text_of(client.get(f"/people/{person.slug}/"))
    assert "<dt>Родилась</dt>" in page and "<dt>Умерла</dt>" in page
    assert "Умер<" not in page


def test_a_stated_sex_outweighs_the_patronymic_on_the_page(client):
    person = lived(surname="Пробная", given_name="Анна", patronymic="", sex="female")
    assert "<dt>Умерла</dt>" in text_of(client.get(f"/people/{person.slug}/"))


def test_a_mans_page_keeps_the_masculine_forms(client):
    person = lived(surname="Пробный", given_name="Пётр", patronymic="Ильич")
    page = text_of(client.get(f"/people/{person.slug}/"))
    assert "<dt>Родился</dt>" in page and "<dt>Умер</dt>" in page


def test_unknown_sex_gives_the_dates_of_birth_and_death_as_such(client):
    person = lived(surname="Пробный", given_name="В.", patronymic="")
    page = text_of(client.get(f"/people/{person.slug}/"))
    assert "<dt>Дата рождения</dt>" in page and "<dt>Дата смерти</dt>" in page


def test_english_pages_say_born_and_died_whatever_the_sex(client):
    person = lived(surname="Пробная", given_name="Анна", patronymic="Пробовна")
    page = text_of(client.get(f"/en/people/{person.slug}/"))
    assert "<dt>Born</dt>" in page and "<dt>Died</dt>" in page
