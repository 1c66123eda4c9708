"""A registry list's conferments against their heroes' lives
(awards.exchange.kinds.registry_list.validate, awards.registry.life), imported by the
import_records command: refused before the birth, before the 14th birthday, long after
the death unless stated posthumous; an award after the death is posthumous."""

import csv
import io

import pytest
from django.core.management import call_command
from django.utils import translation

from awards.models import Conferment
from tests.support.registry_lists import import_list_command as import_list

pytestmark = pytest.mark.usefixtures("seeded")

# An invented worker (вымышленный), killed at the front in March 1943.
INVENTED = {
    "surname_ru": "Пробный",
    "given_name_ru": "Солдат",
    "patronymic_ru": "Вымышленович",
    "born_on": "1910-04-02",
    "died_on": "1943-03-06",
}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_an_award_twelve_years_after_the_death_is_refused_with_the_dates(tmp_path):
    ok, output = import_list(tmp_path, {**INVENTED, "date": "1955-01-01"})

    assert not ok
    assert "row 2" in output
    assert "1 January 1955, more than a year after the person’s death (6 March 1943)" in output
    assert not Conferment.objects.filter(person__surname_ru="Пробный").exists()


def test_an_award_long_after_the_death_is_accepted_when_the_source_says_posthumously(tmp_path):
    ok, output = import_list(tmp_path, {**INVENTED, "date": "1955-01-01", "posthumous": "1"})

    assert ok, output
    assert Conferment.objects.get(person__surname_ru="Пробный").is_posthumous


def test_an_award_nine_days_after_the_death_is_posthumous_and_the_report_says_so(tmp_path):
    ok, output = import_list(tmp_path, {**INVENTED, "date": "1943-03-15"})

    assert ok, output
    assert "row 2" in output and "shown as conferred posthumously" in output
    conferment = Conferment.objects.get(person__surname_ru="Пробный")
    # The file did not state it: the mark stays as stated, the rule derives the rest.
    assert not conferment.posthumous and conferment.is_posthumous


def test_an_award_in_the_year_of_the_death_is_not_surely_posthumous(tmp_path):
    ok, output = import_list(tmp_path, {**INVENTED, "date": "1943"})

    assert ok, output
    assert "posthumously" not in output
    assert not Conferment.objects.get(person__surname_ru="Пробный").is_posthumous


def test_an_award_before_the_birth_is_refused(tmp_path):
    row = {**INVENTED, "born_on": "1940-01-01", "died_on": "", "date": "1939-06-01"}

    ok, output = import_list(tmp_path, row)

    assert not ok
    assert "1 June 1939, before the person was born (1 January 1940)" in output


def test_an_award_before_the_fourteenth_birthday_is_refused(tmp_path):
    row = {**INVENTED, "born_on": "1930-05-01", "died_on": "", "date": "1944-04-30"}

    ok, output = import_list(tmp_path, row)

    assert not ok
    assert "before the person’s 14th birthday (born 1 May 1930)" in output


def test_an_award_marked_posthumous_before_the_death_is_refused(tmp_path):
    ok, output = import_list(tmp_path, {**INVENTED, "date": "1942-01-01", "posthumous": "1"})

    assert not ok
    assert "marked as conferred posthumously" in output and "6 March 1943" in output


def test_the_export_writes_a_derived_posthumous_award_as_posthumous(tmp_path):
    ok, output = import_list(tmp_path, {**INVENTED, "date": "1943-03-15"})
    assert ok, output
    exported = tmp_path / "out.csv"

    call_command("export_records", "registry", "--output", str(exported))

    rows = csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8-sig")))
    (row,) = [row for row in rows if row["surname_ru"] == "Пробный"]
    assert row["posthumous"] == "1" and row["died_on"] == "1943-03-06"
