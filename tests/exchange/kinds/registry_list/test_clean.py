"""A registry list goes through the same cleaning as every import, and its check finds
whatever the write would refuse: hostile cells are named by row and column, keys cannot
collide, duplicate rows are errors of the check."""

import json

import pytest

from awards.exchange.kinds.registry_list import RegistryListKind
from awards.exchange.pipeline.run import import_file
from awards.models import Conferment, Decree, ImportJob, ImportLog, Person
from tests.support.registry_lists import STAKHANOV, registry_csv

pytestmark = pytest.mark.usefixtures("seeded")

SYNTHETIC = {"surname_ru": "Проверочный", "given_name_ru": "Тест", "patronymic_ru": "Тестович"}


def check_then_write(data: bytes, *, file_name: str = "list.csv"):
    checked = import_file(kind=RegistryListKind(), data=data, file_name=file_name, dry_run=True)
    written = import_file(kind=RegistryListKind(), data=data, file_name=file_name)
    return checked, written


def errors_at(report) -> set[tuple[int | None, str]]:
    return {(error.row, error.column) for error in report.errors}


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("surname_ru", "Ж" * 10_005),
        ("decree_number", "1" * 5_000),
        ("medal_number", "7" * 5_000),
        ("surname_ru", "Иван\x00ов"),
        ("patronymic_ru", "Иванович\x07"),
        ("person", "not a key!"),
    ],
)
def test_a_cell_its_field_cannot_hold_is_refused_by_row_and_column(column, value):
    row = {**SYNTHETIC, "date": "1950-01-01", "decree_date": "1950-01-01", column: value}
    people = Person.objects.count()

    report = import_file(kind=RegistryListKind(), data=registry_csv(row), file_name="list.csv")

    assert not report.ok
    assert (2, column) in errors_at(report)
    assert Person.objects.count() == people
    assert not Conferment.objects.exists()
    assert ImportLog.objects.get().status == ImportLog.Status.REJECTED


def test_an_unpaired_surrogate_is_refused_and_the_refusal_can_be_shown_and_stored():
    data = json.dumps(
        [{**SYNTHETIC, "surname_ru": "Ив\ud800ов", "title": "hero-of-socialist-labour",
          "date": "1950-01-01", "citations": "hsl-p4-s1"}],
        ensure_ascii=True,
    ).encode()  # fmt: skip

    report = import_file(kind=RegistryListKind(), data=data, file_name="list.json")

    assert errors_at(report) == {(1, "surname_ru")}
    assert "U+D800" in report.errors[0].message
    log = ImportLog.objects.get()
    assert "U+D800" in log.errors
    # The cells kept to show beside the error can be encoded (and stored as JSON).
    json.dumps(report.error_cells).encode()
    assert "Ив\ufffdов" in report.error_cells[1]


def test_a_background_list_with_a_surrogate_is_rejected_with_its_error_listed(
    background, editor_client, django_capture_on_commit_callbacks
):
    data = json.dumps(
        [{**SYNTHETIC, "surname_ru": "\udfff", "title": "hero-of-socialist-labour",
          "date": "1950-01-01", "citations": "hsl-p4-s1"}],
        ensure_ascii=True,
    ).encode()  # fmt: skip
    from django.core.files.uploadedfile import SimpleUploadedFile

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/admin/awards/conferment/import-list/",
            {"file": SimpleUploadedFile("list.json", data)},
        )
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert job.status == ImportJob.Status.REJECTED
    assert [(error["row"], error["column"]) for error in job.errors] == [(1, "surname_ru")]
    page = editor_client.get(job.get_absolute_url())
    assert page.status_code == 200
    assert "U+DFFF" in page.content.decode()


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


def test_two_identical_rows_are_an_error_of_the_check_naming_both_rows():
    row = {**STAKHANOV, "date": "1970-12-18", "decree_date": "1970-12-18", "decree_number": "1"}

    checked, written = check_then_write(registry_csv(row, row))

    for report in (checked, written):
        assert not report.ok
        assert [error.row for error in report.errors] == [3]
        assert "повторяет строку 2" in report.errors[0].message
    assert not Person.objects.filter(surname_ru="Стаханов").exists()


def test_a_key_already_taken_by_another_record_is_an_error_of_the_check(make_person):
    report = import_file(
        kind=RegistryListKind(),
        data=registry_csv({**SYNTHETIC, "date": "1950-01-01"}),
        file_name="l.csv",
        dry_run=True,
    )
    assert report.ok, report.error_lines()
    planned = Person.objects.count()
    from awards.exchange.kinds.registry_list.resolve import keyed_slug, person_key

    values = {**SYNTHETIC, "born_on": None}
    make_person(slug=keyed_slug("Proverochnyi Test Testovich", key="|".join(person_key(values))))
    assert Person.objects.count() == planned + 1

    checked, written = check_then_write(registry_csv({**SYNTHETIC, "date": "1950-01-01"}))

    assert not checked.ok and not written.ok
    assert {error.row for error in checked.errors} == {2}
    assert not Conferment.objects.exists()
