"""Registry lists in and out: people matched, not duplicated; every row checked against the
rules; the whole file or nothing; the pages' queries do not grow with the registry."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from awards.exchange.kinds.registry_list import RegistryListKind
from awards.exchange.pipeline.run import import_file
from awards.models import Conferment, Decree, ImportLog, Person
from awards.registry.counts import conferments_per_year
from bench.registry import SYNTHETIC_SURNAME, synthetic_csv
from tests.support.registry_builders import confer, fill_registry_in_sql, hero
from tests.support.registry_lists import STAKHANOV, registry_csv

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
    assert person.name_en == "Stakhanov Aleksei Grigorevich"
    assert sorted(person.conferments.values_list("ordinal", "times")) == [(1, 2), (2, 2)]
    decree = Decree.objects.get(number="1")
    assert decree.name_ru.replace("\xa0", " ") == "Указ от 18 декабря 1970 г. № 1"


def test_records_written_in_bulk_read_back_as_saved_and_as_their_history_holds_them():
    """The import writes its rows without the query compiler (awards.core.bulk.create_records):
    each column must hold what a save would, and the history entry what the record holds."""
    with translation.override("ru"):
        report = import_file(
            kind=RegistryListKind(),
            data=registry_csv({**STAKHANOV, "date": "1970-12", "medal_number": "17"}),
            file_name="list.csv",
        )
    assert report.ok, report.error_lines()
    person = Person.objects.get(surname_ru="Стаханов")
    conferment = person.conferments.get()
    assert (str(person.born_on), str(conferment.date)) == ("1906-01-03", "1970-12")
    assert (conferment.year, conferment.medal_number, conferment.published) == (1970, "17", True)
    assert conferment.title.slug == "hero-of-socialist-labour"
    assert person.created_at.tzinfo is not None
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM awards_person WHERE id = %s", [person.pk])
        # A translated field's own column holds the language of the write, as a save's does.
        assert cursor.fetchone()[0] == "Стаханов Алексей Григорьевич"
    entry = conferment.history.get()
    for field in ("person_id", "title_id", "date", "year", "slug", "created_at", "sort_name_ru"):
        assert getattr(entry, field) == getattr(conferment, field), field
    assert person.history.get().born_on == person.born_on


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


def test_the_same_name_with_another_birth_date_is_another_person():
    import_file(
        kind=RegistryListKind(),
        data=registry_csv(
            {**STAKHANOV, "date": "1950-01-01"},
            {**STAKHANOV, "born_on": "1920-05-05", "date": "1951-01-01"},
        ),
        file_name="l.csv",
    )
    assert Person.objects.filter(surname_ru="Стаханов").count() == 2


def test_importing_the_same_list_twice_changes_nothing():
    data = registry_csv({**STAKHANOV, "date": "1950-01-01", "medal_number": "7"})
    import_file(kind=RegistryListKind(), data=data, file_name="l.csv")
    report = import_file(kind=RegistryListKind(), data=data, file_name="l.csv")
    assert (report.new, report.unchanged) == (0, 1)
    assert Conferment.objects.count() == 1


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


def test_a_fourth_award_in_the_file_before_1973_is_refused():
    rows = [{**STAKHANOV, "date": f"{year}-01-01"} for year in (1950, 1955, 1960, 1965)]
    report = import_file(kind=RegistryListKind(), data=registry_csv(*rows), file_name="l.csv")
    assert [error.row for error in report.errors] == [5]
    assert "Award No. 4" in report.errors[0].message or "№ 4" in report.errors[0].message


def test_uncertain_rows_are_imported_and_marked():
    report = import_file(
        kind=RegistryListKind(), data=registry_csv({**STAKHANOV, "date": "1938"}), file_name="l.csv"
    )
    assert report.ok
    assert Conferment.objects.get().uncertain_rules == "establishment"


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


def test_export_then_import_round_trips(tmp_path):
    import_file(kind=RegistryListKind(), data=synthetic_csv(30), file_name="synthetic.csv")
    path = tmp_path / "registry.csv"
    call_command("export_registry", output=str(path))
    Conferment.objects.all().delete()
    call_command("import_registry", str(path))
    assert Conferment.objects.count() == 30
    assert Person.objects.filter(surname_ru__startswith=SYNTHETIC_SURNAME).count() < 30


def test_the_command_fails_on_a_refused_list(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(registry_csv({**STAKHANOV, "date": "1992-01-01"}))
    with pytest.raises(CommandError):
        call_command("import_registry", str(path))


def test_synthetic_people_never_go_into_the_fixtures():
    for path in Path("fixtures").glob("*.json"):
        text = json.dumps(json.loads(path.read_text()), ensure_ascii=False)
        assert SYNTHETIC_SURNAME not in text and "синтетическ" not in text, path


PAGES = (
    "/registry/",
    "/registry/?page=last",
    "/en/registry/?sort=date&page=last",
    "/registry/?title=hero-of-socialist-labour&times=2&year=1960",
    "/registry/twice/",
    "/registry/thrice/?page=last",
    "/registry/years/",
)
# Every registry page, whatever the number of conferments.
QUERY_BUDGET = 8


def queries_of(client, paths) -> dict[str, int]:
    """How many queries each page runs (each answering 200)."""
    counts = {}
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        counts[path] = len(queries)
    return counts


def test_pages_run_as_many_queries_on_an_empty_registry_as_on_200_000_conferments(
    client, editor_client
):
    """The registry pages, a person's page and the admin's list, at 0, 60 and 200,000
    conferments (the last generated in SQL: the real lists hold about 20,800)."""
    empty = queries_of(client, PAGES)
    assert import_file(kind=RegistryListKind(), data=synthetic_csv(60), file_name="s.csv").ok
    small = queries_of(client, PAGES)
    person = Conferment.objects.filter(times=2).select_related("person").first().person
    others = (f"/people/{person.slug}/", f"/en/people/{person.slug}/")
    admin_lists = (
        "/admin/awards/conferment/",
        "/admin/awards/conferment/?rules_uncertain__exact=0",
    )
    small_others = queries_of(client, others)
    small_admin = queries_of(editor_client, admin_lists)
    fill_registry_in_sql(once=100_000, twice=50_000)
    assert Conferment.objects.count() == 200_060
    assert sum(row.count for row in conferments_per_year()) == 200_060
    large = queries_of(client, PAGES)
    assert large == small and max(large.values()) <= QUERY_BUDGET
    assert all(empty[path] <= small[path] for path in PAGES)
    person = Conferment.objects.filter(times=2, slug__startswith="synthetic").first().person
    large_others = queries_of(client, (f"/people/{person.slug}/", f"/en/people/{person.slug}/"))
    assert list(large_others.values()) == list(small_others.values())
    assert queries_of(editor_client, admin_lists) == small_admin
