"""Stage 2 of a registry list (awards.exchange.kinds.registry_list.clean): the same cleaning as
every import; a cell its field cannot hold is named by row and column."""

import json

import pytest

from awards.exchange.kinds.registry_list import RegistryListKind
from awards.exchange.pipeline.run import import_file
from awards.models import Conferment, ImportJob, ImportLog, Person
from tests.support.registry_lists import STAKHANOV, SYNTHETIC, registry_csv

pytestmark = pytest.mark.usefixtures("seeded")


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


def test_bad_cells_are_reported_by_row_and_column():
    report = import_file(
        kind=RegistryListKind(),
        data=registry_csv({**STAKHANOV, "date": "18.12.1970", "citations": "no-such"}),
        file_name="l.csv",
    )
    assert {(error.row, error.column) for error in report.errors} == {(2, "date")}
    report = import_file(
        kind=RegistryListKind(),
        data=registry_csv({**STAKHANOV, "date": "1970", "citations": "no-such"}),
        file_name="l.csv",
    )
    assert {(error.row, error.column) for error in report.errors} == {(2, "citations")}
