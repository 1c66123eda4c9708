"""The ``other_names`` column of a registry list
(awards.exchange.kinds.registry_list.other_names): read into other names with their kind,
language and source, added to people already recorded, and written out the same way."""

import csv
import io

import pytest
from django.core.management import call_command

from awards.exchange.kinds.registry_list import RegistryListKind
from awards.exchange.pipeline.run import import_file
from awards.models import Citation, OtherName, Person
from tests.support.registry_lists import registry_csv

pytestmark = pytest.mark.usefixtures("seeded")

# An invented person (marked so in her occupation), written as lists write her.
INVENTED = {
    "surname_ru": "Пробная",
    "given_name_ru": "Хелене",
    "patronymic_ru": "Тестовна",
    "born_on": "1912-03-04",
    "occupation_ru": "вымышленная запись",
}


def imported(*rows):
    report = import_file(kind=RegistryListKind(), data=registry_csv(*rows), file_name="list.csv")
    return report


def names_of(person):
    return {(name.name, name.kind, name.language) for name in person.other_names.all()}


def test_other_names_are_recorded_with_kind_language_and_the_rows_source():
    report = imported(
        {
            **INVENTED,
            "date": "1966-01-01",
            "other_names": "Probnaya-Kullman Helene (spelling, en); Испытанова (birth); Тестина",
        }
    )
    assert report.ok, report.errors
    person = Person.objects.get(surname_ru="Пробная")
    assert names_of(person) == {
        ("Probnaya-Kullman Helene", "spelling", "en"),
        ("Испытанова", "birth", ""),
        ("Тестина", "other", ""),
    }
    source = Citation.objects.get(slug="hsl-p4-s1").source
    assert {name.source for name in person.other_names.all()} == {source}
    assert person.other_names.first().history.count() == 1


def test_russian_words_name_the_kind():
    assert imported({**INVENTED, "date": "1966-01-01", "other_names": "Тестова (псевдоним)"}).ok
    assert names_of(Person.objects.get(surname_ru="Пробная")) == {("Тестова", "pen", "")}


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("Тестова (nickname)", "«nickname» — не вид имени. Напишите одно из: birth, pen"),
        ("Тестова (pen, English)", "«English» — не код языка"),
        ("(pen)", "Не указано имя перед «(pen)»"),
    ],
)
def test_a_cell_that_cannot_be_read_is_an_error_of_its_row(cell, message):
    report = imported({**INVENTED, "date": "1966-01-01", "other_names": cell})
    assert not report.ok
    [error] = [error for error in report.errors if error.column == "other_names"]
    assert error.row == 2
    assert message in error.message
    assert not OtherName.objects.exists()


def test_a_person_already_recorded_gets_the_names_they_lack_once():
    assert imported({**INVENTED, "date": "1966-01-01", "other_names": "Испытанова (birth)"}).ok
    report = imported(
        {**INVENTED, "date": "1971-01-01", "other_names": "Испытанова (birth); Тестова (pen)"},
        {**INVENTED, "date": "1975-01-01", "other_names": "Тестова (pen)"},
    )
    assert report.ok, report.errors
    assert names_of(Person.objects.get(surname_ru="Пробная")) == {
        ("Испытанова", "birth", ""),
        ("Тестова", "pen", ""),
    }


def test_other_names_go_out_in_the_format_they_came_in_and_back(tmp_path):
    # In the order other names are kept: by kind, then name.
    cell = "Испытанова (birth); Probnaya Helene (spelling, en)"
    assert imported({**INVENTED, "date": "1966-01-01", "other_names": cell}).ok
    path = tmp_path / "registry.csv"
    call_command("export_registry", output=str(path))
    [row] = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    assert row["other_names"] == cell

    Person.objects.get(surname_ru="Пробная").other_names.all().delete()
    call_command("import_registry", str(path))
    assert names_of(Person.objects.get(surname_ru="Пробная")) == {
        ("Probnaya Helene", "spelling", "en"),
        ("Испытанова", "birth", ""),
    }
