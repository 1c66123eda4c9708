"""A person found under every spelling of their name and every other name recorded
(awards.search.hidden_names), kept current as the person and their other names change."""

import pytest

from awards.exchange.kinds.registry_list import RegistryListKind
from awards.exchange.pipeline.run import import_file
from awards.models import OtherName, Person
from tests.support.registry_builders import hero
from tests.support.registry_lists import registry_csv
from tests.support.search_results import found_by_kind

pytestmark = pytest.mark.usefixtures("seeded")


def people_found(query):
    return found_by_kind(query).get("person", set())


def invented_degtyaryov():
    """An invented person (marked so in his occupation) with a surname spelt many ways."""
    return hero(
        surname="Дегтярёв",
        given_name="Пробный",
        patronymic="Тестович",
        occupation_ru="вымышленная запись",
    )


@pytest.mark.parametrize(
    "query",
    [
        "Degtyaryov",  # Wikipedia
        "Degtyarev",  # ё as е
        "Degtiarev",  # passport (ICAO Doc 9303)
        "Degtyarëv",  # BGN/PCGN
        "Degtârëv",  # ISO 9
        "Дегтярёв",
        "Дегтярев",
        "degtyaryov probny",
    ],
)
def test_a_person_is_found_under_every_spelling_of_the_name(query):
    person = invented_degtyaryov()
    assert people_found(query) == {person.slug}


def test_spellings_are_not_shown_in_the_snippet():
    invented_degtyaryov()
    [group] = [group for group in _search("Degtiarev") if group.kind == "person"]
    assert "Degtiarev" not in group.hits[0].snippet


def _search(query):
    from awards.search.queries import search_records

    return search_records(query=query)


def test_other_names_find_the_person_and_follow_their_changes():
    person = invented_degtyaryov()
    pen = OtherName.objects.create(person=person, name="Испытателев", kind="pen")
    OtherName.objects.create(person=person, name="Kullmann-Probe", kind="spelling", language="en")
    assert people_found("Испытателев") == {person.slug}
    # A Russian other name is found under its own spellings too.
    assert people_found("Ispytatelev") == {person.slug}
    assert people_found("Kullmann") == {person.slug}

    pen.delete()
    assert people_found("Испытателев") == set()
    assert people_found("Kullmann") == {person.slug}


def test_a_renamed_person_is_found_under_the_new_spellings_only():
    person = invented_degtyaryov()
    person.surname_ru = person.name_ru = "Пробовёв"
    person.save()
    assert people_found("Degtyaryov") == set()
    assert people_found("Probovyov") == {person.slug}


def test_people_of_a_list_are_found_under_their_spellings_and_other_names():
    row = {
        "surname_ru": "Кульман-Пробная",
        "given_name_ru": "Хелене",
        "patronymic_ru": "Тестовна",
        "born_on": "1912-03-04",
        "date": "1966-01-01",
        "other_names": "Kullman-Probnaya Helene (spelling, en); Испытанова (birth)",
    }
    report = import_file(kind=RegistryListKind(), data=registry_csv(row), file_name="list.csv")
    assert report.ok, report.errors
    person = Person.objects.get(surname_ru="Кульман-Пробная")
    for query in ("Kullman", "Kulman Khelene", "Испытанова", "Ispytanova", "Kul'man"):
        assert people_found(query) == {person.slug}, query

    # A second list adds a name to the person recorded: it is found at once.
    again = {**row, "date": "1971-01-01", "other_names": "Тестовая (pen)"}
    assert import_file(kind=RegistryListKind(), data=registry_csv(again), file_name="b.csv").ok
    assert people_found("Тестовая") == {person.slug}
