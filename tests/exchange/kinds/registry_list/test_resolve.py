"""Stage 3 of a registry list (awards.exchange.kinds.registry_list.resolve): people matched, not
duplicated; acts and keys that never collide."""

import pytest

from awards.exchange.kinds.registry_list import RegistryListKind
from awards.exchange.pipeline.run import import_file
from awards.models import Conferment, Decree, Person
from tests.support.job_pages import confirm
from tests.support.registry_builders import confer, hero
from tests.support.registry_lists import (
    NOVIKOV,
    STAKHANOV,
    SYNTHETIC,
    check_then_write,
    registry_csv,
    registry_list,
    start_list,
)

pytestmark = pytest.mark.usefixtures("seeded")


def test_rows_naming_one_person_make_one_person_with_numbered_awards():
    report = import_file(
        kind=RegistryListKind(),
        data=registry_csv(
            {**STAKHANOV, "date": "1970-12-18", "decree_date": "1970-12-18", "decree_number": "1"},
            {**STAKHANOV, "date": "1950-01-01"},
        ),
        file_name="list.csv",
    )
    assert report.ok, report.error_lines()
    person = Person.objects.get(surname_ru="Стаханов")
    # In the Wikipedia style of transliteration (awards.core.transliteration).
    assert person.name_en == "Stakhanov Aleksey Grigoryevich"
    assert sorted(person.conferments.values_list("ordinal", "times")) == [(1, 2), (2, 2)]
    decree = Decree.objects.get(number="1")
    assert decree.name_ru.replace("\xa0", " ") == "Указ от 18 декабря 1970 г. № 1"


def test_an_existing_person_is_matched_by_name_and_birth_date_not_duplicated():
    person = hero(surname="Стаханов", given_name="Алексей", patronymic="Григорьевич")
    person.born_on = "1906-01-03"
    person.save()
    confer(person, "1950-01-01")
    report = import_file(
        kind=RegistryListKind(),
        data=registry_csv({**STAKHANOV, "date": "1960-01-01"}),
        file_name="l.csv",
    )
    assert report.ok, report.error_lines()
    assert Person.objects.filter(surname_ru="Стаханов").count() == 1
    assert sorted(person.conferments.values_list("ordinal", "times")) == [(1, 2), (2, 2)]


def test_a_person_is_matched_by_stable_key():
    person = hero(surname="Другой")
    report = import_file(
        kind=RegistryListKind(),
        data=registry_csv({"person": person.slug, "date": "1960-01-01"}),
        file_name="l.csv",
    )
    assert report.ok, report.error_lines()
    assert person.conferments.count() == 1


def test_the_same_name_with_another_birth_date_is_asked_and_another_person_if_so_answered():
    data = registry_csv(
        {**STAKHANOV, "date": "1950-01-01"},
        {**STAKHANOV, "born_on": "1920-05-05", "date": "1951-01-01"},
    )

    asked = import_file(kind=RegistryListKind(), data=data, file_name="l.csv")
    answered = import_file(
        kind=RegistryListKind(), data=data, file_name="l.csv", answers={3: "new"}
    )

    assert not asked.ok and [question["row"] for question in asked.questions] == [3]
    assert answered.ok, answered.error_lines()
    assert Person.objects.filter(surname_ru="Стаханов").count() == 2


def test_importing_the_same_list_twice_changes_nothing():
    data = registry_csv({**STAKHANOV, "date": "1950-01-01", "medal_number": "7"})
    import_file(kind=RegistryListKind(), data=data, file_name="l.csv")
    report = import_file(kind=RegistryListKind(), data=data, file_name="l.csv")
    assert (report.new, report.unchanged) == (0, 1)
    assert Conferment.objects.count() == 1


@pytest.mark.usefixtures("seeded", "background")
def test_a_person_recorded_after_the_check_is_matched_when_the_list_is_written(
    editor_client, django_capture_on_commit_callbacks
):
    page_url = start_list(
        editor_client,
        django_capture_on_commit_callbacks,
        registry_list({**NOVIKOV, "date": "1960"}),
    )
    assert "проверен, ждёт подтверждения" in editor_client.get(page_url).text
    recorded_meanwhile = hero(surname="Новиков", given_name="Пётр", patronymic="Ильич")
    recorded_meanwhile.born_on = "1920-05-05"
    recorded_meanwhile.save()

    done = confirm(editor_client, django_capture_on_commit_callbacks, page_url)

    assert "импортирован" in done.text
    assert Person.objects.filter(surname_ru="Новиков").get() == recorded_meanwhile
    assert recorded_meanwhile.conferments.get().published is False


@pytest.mark.parametrize("numbers", [("12/3", "123"), ("15-а", "15-б")])
def test_acts_whose_numbers_differ_only_in_punctuation_or_letters_are_both_added(numbers):
    rows = [
        {**SYNTHETIC, "given_name_ru": name, "date": "1950-01-01", "decree_date": "1950-01-01",
         "decree_number": number}
        for name, number in zip(("Первый", "Второй"), numbers, strict=True)
    ]  # fmt: skip

    checked, written = check_then_write(registry_csv(*rows))

    assert checked.ok and checked.new == 2, checked.error_lines()
    assert written.ok and written.new == 2, written.error_lines()
    assert set(Decree.objects.filter(number__in=numbers).values_list("number", flat=True)) == set(
        numbers
    )


def test_people_whose_long_names_agree_in_their_first_sixty_letters_get_their_own_awards():
    common = "Константинопольский-Преображенский-Воскресенский"
    rows = [
        {"surname_ru": common, "given_name_ru": "Александр", "patronymic_ru": patronymic,
         "date": "1950-01-01"}
        for patronymic in ("Владимирович", "Вячеславович")
    ]  # fmt: skip

    checked, written = check_then_write(registry_csv(*rows))

    assert checked.ok and written.ok, written.error_lines()
    slugs = list(Conferment.objects.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs)) == 2
    assert all(len(slug) <= 100 for slug in slugs)
