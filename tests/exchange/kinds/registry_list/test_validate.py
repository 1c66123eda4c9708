"""Stage 4 of a registry list (awards.exchange.kinds.registry_list.validate): every row numbered
among its person's awards and checked against the rules; duplicates and taken keys refused."""

import pytest
from django.utils import translation

from awards.exchange.kinds.registry_list import RegistryListKind
from awards.exchange.pipeline.run import import_file
from awards.models import Conferment, ImportJob, ImportLog, Person
from bench.registry import SYNTHETIC_SURNAME
from tests.support.import_tables import shown_rows
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
    (row,) = shown_rows(refused.text, "import-errors")
    assert (row.heading, row.name) == ("Строка 14", "Новиков Пётр Ильич")
    value, message = row.cells["date"]
    assert value == "1992-01-01" and "упразднено" in message
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
    (row,) = shown_rows(refused.text, "import-errors")
    assert row.heading == "Строка 2"
    assert "Новикову Петру Ильичу 4 раза" in " ".join(
        row.messages + [text for cells in row.cells.values() for text in cells]
    )
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
def test_a_key_already_taken_by_another_record_is_an_error_of_the_check():
    data = registry_csv({**SYNTHETIC, "date": "1950-01-01"})
    assert import_file(kind=RegistryListKind(), data=data, file_name="l.csv").ok
    # The person the list added keeps its key but is no longer named so.
    taken = Person.objects.get(surname_ru=SYNTHETIC["surname_ru"])
    Conferment.objects.filter(person=taken).delete()
    taken.surname_ru = "Переименованный"
    taken.save()

    checked, written = check_then_write(data)

    assert not checked.ok and not written.ok
    assert {error.row for error in checked.errors} == {2}
    assert "уже занят" in checked.errors[0].message
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
    assert "4 раза" in report.errors[0].message or "4 times" in report.errors[0].message


@pytest.mark.usefixtures("seeded")
def test_uncertain_rows_are_imported_and_marked():
    report = import_file(
        kind=RegistryListKind(), data=registry_csv({**STAKHANOV, "date": "1938"}), file_name="l.csv"
    )
    assert report.ok
    assert Conferment.objects.get().uncertain_rules == "establishment"


# An award is one award: the same person, title and a date that can be the same day.


def _thrice_honoured():
    """An invented man with three awards of the title, dated to the year only."""
    person = hero(surname="Трижды-Проверочный")
    for year in ("1949", "1951", "1954"):
        confer(person, year)
    return person


def test_a_more_precise_date_of_a_recorded_award_refines_it_instead_of_adding_a_fourth():
    person = _thrice_honoured()
    row = {"person": person.slug, "date": "1949-10-29"}

    report = import_file(kind=RegistryListKind(), data=registry_csv(row), file_name="l.csv")

    assert report.ok and (report.new, report.updated) == (0, 1), report.error_lines()
    dates = sorted(str(c.date) for c in person.conferments.all())
    assert dates == ["1949-10-29", "1951", "1954"]
    refined = person.conferments.get(year=1949)
    assert (refined.ordinal, refined.times, refined.public_times) == (1, 3, 3)
    assert refined.history.latest("history_date").history_change_reason.startswith("Импорт")


def test_a_less_precise_date_of_a_recorded_award_changes_nothing():
    person = hero(surname="Проверочный-Точный")
    confer(person, "1949-10-29")

    report = import_file(
        kind=RegistryListKind(),
        data=registry_csv({"person": person.slug, "date": "1949"}),
        file_name="l.csv",
    )

    assert report.ok and (report.new, report.unchanged) == (0, 1)
    assert [str(c.date) for c in person.conferments.all()] == ["1949-10-29"]


def test_a_date_that_may_be_either_of_two_awards_is_refused_naming_both():
    person = hero(surname="Проверочный-Дважды")
    confer(person, "1949-03-01")
    confer(person, "1949-10-29")

    report = import_file(
        kind=RegistryListKind(),
        data=registry_csv({"person": person.slug, "date": "1949"}),
        file_name="l.csv",
    )

    assert [(error.row, error.column) for error in report.errors] == [(2, "date")]
    assert "1 марта 1949" in report.errors[0].message.replace("\xa0", " ")
    assert person.conferments.count() == 2


def test_two_rows_of_one_award_at_two_precisions_are_an_error_of_the_second():
    rows = [{**SYNTHETIC, "date": "1949"}, {**SYNTHETIC, "date": "1949-10-29"}]

    checked, written = check_then_write(registry_csv(*rows))

    for report in (checked, written):
        assert [error.row for error in report.errors] == [3]
        assert "из строки 2" in report.errors[0].message
    assert not Conferment.objects.exists()


def test_the_act_of_a_recorded_award_on_another_day_is_a_clash():
    person = hero(surname="Проверочный-Указ")
    act = {"decree_date": "1949-10-29", "decree_number": "77"}
    first = {"person": person.slug, "date": "1949-10-29", **act}
    assert import_file(kind=RegistryListKind(), data=registry_csv(first), file_name="a.csv").ok

    with translation.override("ru"):
        report = import_file(
            kind=RegistryListKind(),
            data=registry_csv({**first, "date": "1950-02-01"}),
            file_name="b.csv",
        )
        message = report.errors[0].message

    assert [(error.row, error.column) for error in report.errors] == [(2, "date")]
    assert "присвоено Проверочному-Указу Ивану Ивановичу 29 октября 1949 года" in message
    assert person.conferments.count() == 1


def test_a_refused_row_names_its_person_in_the_dative_with_the_count_and_the_year():
    # Invented: three awards and a fourth dated only to 1955, in one list; the sex is read
    # from the patronymic.
    person = {
        "surname_ru": "Тестман",
        "given_name_ru": "Хелене",
        "patronymic_ru": "Андреевна",
        "born_on": "1921-02-02",
    }
    dates = ("1950-01-01", "1952-01-01", "1954-01-01", "1955")
    data = registry_csv(*({**person, "date": date} for date in dates))

    with translation.override("ru"):
        report = import_file(kind=RegistryListKind(), data=data, file_name="list.csv")
        message = " ".join(report.error_lines())
    with translation.override("en"):
        english = " ".join(
            import_file(kind=RegistryListKind(), data=data, file_name="list.csv").error_lines()
        )

    assert "строка 5" in message
    assert "не могло быть присвоено Тестман Хелене Андреевне 4 раза" in message
    assert "при ограничении, действовавшем в 1955 году" in message
    assert "could not be conferred on Testman Khelene Andreevna 4 times" in english
    assert "under the limit in force in 1955" in english
    assert not Person.objects.filter(surname_ru="Тестман").exists()
