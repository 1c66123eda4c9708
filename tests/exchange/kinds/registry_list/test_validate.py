"""Stage 4 of a registry list (awards.exchange.kinds.registry_list.validate): every row numbered
among its person's awards and checked against the rules; duplicates and taken keys refused."""

import re

import pytest

from awards.exchange.kinds.registry_list import RegistryListKind
from awards.exchange.pipeline.run import import_file
from awards.models import Conferment, ImportJob, ImportLog, Person
from bench.registry import SYNTHETIC_SURNAME
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

pytestmark = pytest.mark.usefixtures("seeded", "background")


def test_a_list_with_a_refused_row_is_rejected_naming_the_row_and_the_rule(
    chief_editor_client, django_capture_on_commit_callbacks
):
    content = registry_list({**NOVIKOV, "date": "1992-01-01"}, synthetic=12)

    page_url = start_list(chief_editor_client, django_capture_on_commit_callbacks, content)

    refused = chief_editor_client.get(page_url)
    assert "отклонено, ничего не изменено" in refused.text
    # The header is row 1, twelve generated rows, then the refused one.
    row = re.search(r'<th scope="row">14</th>(.*?)</tr>', refused.text, re.S).group(1)
    assert "Новиков" in row
    cell = re.search(r'class="import-error-cell">(.*?)</td>', row, re.S).group(1)
    assert "1992-01-01" in cell and "упразднено" in cell
    assert not Person.objects.filter(surname_ru__in=["Новиков", f"{SYNTHETIC_SURNAME}-000001"])
    assert ImportJob.objects.get().status == ImportJob.Status.REJECTED
    assert ImportLog.objects.latest("pk").status == ImportLog.Status.REJECTED
    assert "Проверить тот же файл ещё раз" in refused.text


def test_awards_recorded_after_the_check_are_counted_when_the_list_is_written(
    editor_client, django_capture_on_commit_callbacks
):
    novikov = hero(surname="Новиков", given_name="Пётр", patronymic="Ильич")
    novikov.born_on = "1920-05-05"
    novikov.save()
    page_url = start_list(
        editor_client,
        django_capture_on_commit_callbacks,
        registry_list({**NOVIKOV, "date": "1960-01-01"}),
    )
    assert "проверен, ждёт подтверждения" in editor_client.get(page_url).text
    for date in ("1950-01-01", "1955-01-01", "1958-01-01"):
        confer(novikov, date)

    refused = confirm(editor_client, django_capture_on_commit_callbacks, page_url)

    # A fourth award before 1973 is beyond the limit: nothing written, the file kept.
    assert "отклонено, ничего не изменено" in refused.text
    assert re.search(r'<th scope="row">2</th>.*?№ 4', refused.text, re.S)
    assert novikov.conferments.count() == 3
    assert ImportJob.objects.get().file


@pytest.mark.usefixtures("seeded")
def test_two_identical_rows_are_an_error_of_the_check_naming_both_rows():
    row = {**STAKHANOV, "date": "1970-12-18", "decree_date": "1970-12-18", "decree_number": "1"}

    checked, written = check_then_write(registry_csv(row, row))

    for report in (checked, written):
        assert not report.ok
        assert [error.row for error in report.errors] == [3]
        assert "повторяет строку 2" in report.errors[0].message
    assert not Person.objects.filter(surname_ru="Стаханов").exists()


@pytest.mark.usefixtures("seeded")
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


@pytest.mark.usefixtures("seeded")
def test_one_refused_row_and_nothing_is_written_with_the_rule_named():
    report = import_file(
        kind=RegistryListKind(),
        data=registry_csv(
            {**STAKHANOV, "date": "1950-01-01"},
            {**STAKHANOV, "surname_ru": "Ранний", "date": "1938-12-01"},
        ),
        file_name="l.csv",
    )
    assert not report.ok
    [error] = report.errors
    assert (error.row, error.column) == (3, "date")
    assert "1938" in error.message
    assert not Conferment.objects.exists() and not Person.objects.filter(surname_ru="Стаханов")
    assert ImportLog.objects.latest("pk").status == ImportLog.Status.REJECTED


@pytest.mark.usefixtures("seeded")
def test_a_fourth_award_in_the_file_before_1973_is_refused():
    rows = [{**STAKHANOV, "date": f"{year}-01-01"} for year in (1950, 1955, 1960, 1965)]
    report = import_file(kind=RegistryListKind(), data=registry_csv(*rows), file_name="l.csv")
    assert [error.row for error in report.errors] == [5]
    assert "Award No. 4" in report.errors[0].message or "№ 4" in report.errors[0].message


@pytest.mark.usefixtures("seeded")
def test_uncertain_rows_are_imported_and_marked():
    report = import_file(
        kind=RegistryListKind(), data=registry_csv({**STAKHANOV, "date": "1938"}), file_name="l.csv"
    )
    assert report.ok
    assert Conferment.objects.get().uncertain_rules == "establishment"
