"""Dates of birth and death in two calendars in a registry list
(awards.exchange.kinds.registry_list.clean), imported by the import_records command:
«30.12.1902 (12.1.1903)» stored as the New Style with the Old Style kept."""

import csv
import io

import pytest
from django.core.management import call_command
from django.utils import translation

from awards.core.dates import PartialDate
from awards.models import Person
from tests.support.registry_lists import import_list_command as import_list

pytestmark = pytest.mark.usefixtures("seeded")

# An invented person (вымышленный), born before 1918.
INVENTED = {
    "surname_ru": "Пробный",
    "given_name_ru": "Календарь",
    "patronymic_ru": "Вымышленович",
    "date": "1950-01-01",
}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def invented() -> Person:
    return Person.objects.get(surname_ru="Пробный")


@pytest.mark.parametrize(
    ("cell", "new_style", "old_style"),
    [
        ("30.12.1902 (12.1.1903)", "1903-01-12", "1902-12-30"),
        ("29.10(10.11).1888", "1888-11-10", "1888-10-29"),
        ("6 (18) декабря 1878", "1878-12-18", "1878-12-06"),
        ("1902-12-30 (1903-01-12)", "1903-01-12", "1902-12-30"),
    ],
)
def test_a_date_of_birth_in_two_calendars_is_stored_as_the_new_style_with_the_old_kept(
    tmp_path, cell, new_style, old_style
):
    ok, output = import_list(tmp_path, {**INVENTED, "born_on": cell})

    assert ok, output
    person = invented()
    assert person.born_on == PartialDate.parse(new_style)
    assert person.born_on_old_style == PartialDate.parse(old_style)


def test_a_date_of_death_in_two_calendars_fills_its_old_style(tmp_path):
    row = {**INVENTED, "born_on": "1880", "died_on": "6 (19) марта 1917", "posthumous": "1"}

    ok, output = import_list(tmp_path, row)

    assert ok, output
    person = invented()
    assert person.died_on == PartialDate(1917, 3, 19)
    assert person.died_on_old_style == PartialDate(1917, 3, 6)


def test_a_pair_that_does_not_differ_by_the_gap_is_refused_naming_the_column(tmp_path):
    ok, output = import_list(tmp_path, {**INVENTED, "born_on": "30.12.1902 (13.1.1903)"})

    assert not ok
    assert "born_on" in output
    assert "the calendars differ by 13 days on that date" in output
    assert not Person.objects.filter(surname_ru="Пробный").exists()


def test_an_old_style_column_is_checked_against_the_new_style_date(tmp_path):
    ok, output = import_list(
        tmp_path, {**INVENTED, "born_on": "1903-01-12", "born_on_old_style": "1902-12-31"}
    )

    assert not ok
    assert "born_on_old_style" in output and "differ by 12 days" in output


def test_an_old_style_column_that_agrees_is_kept(tmp_path):
    ok, output = import_list(
        tmp_path, {**INVENTED, "born_on": "1903-01-12", "born_on_old_style": "1902-12-30"}
    )

    assert ok, output
    assert invented().born_on_old_style == PartialDate(1902, 12, 30)


def test_an_old_style_day_alone_gives_the_new_style_date(tmp_path):
    ok, output = import_list(tmp_path, {**INVENTED, "born_on_old_style": "1902-12-30"})

    assert ok, output
    assert invented().born_on == PartialDate(1903, 1, 12)


def test_an_old_style_column_that_contradicts_the_cell_is_refused(tmp_path):
    row = {**INVENTED, "born_on": "30.12.1902 (12.1.1903)", "born_on_old_style": "1902-12-29"}

    ok, output = import_list(tmp_path, row)

    assert not ok
    assert "born_on_old_style" in output


def test_a_date_in_two_calendars_must_be_a_day_in_each(tmp_path):
    ok, output = import_list(
        tmp_path, {**INVENTED, "born_on": "1903-01", "born_on_old_style": "1902-12"}
    )

    assert not ok
    assert "must be a day in each" in output


def test_the_export_writes_the_new_style_and_the_old_style_apart(tmp_path):
    ok, output = import_list(tmp_path, {**INVENTED, "born_on": "6 (18) декабря 1878"})
    assert ok, output
    exported = tmp_path / "out.csv"

    call_command("export_records", "registry", "--output", str(exported))

    rows = csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8-sig")))
    (row,) = [row for row in rows if row["surname_ru"] == "Пробный"]
    assert row["born_on"] == "1878-12-18" and row["born_on_old_style"] == "1878-12-06"
