"""The person of each row of a registry list (awards.exchange.kinds.registry_list.people):
matched as a researcher matches, and a doubt left to the editor — in the check, on the
job's page and on the command line. Every person here is invented for the tests."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from awards.core.dates import PartialDate
from awards.exchange.kinds.registry_list import RegistryListKind
from awards.exchange.pipeline.run import import_file
from awards.models import Conferment, ImportJob, Person
from tests.support.registry_builders import confer, hero
from tests.support.registry_lists import registry_csv, start_list

pytestmark = pytest.mark.usefixtures("seeded")

# An invented man whose surname has a ё (the test data mark him as invented).
PROVERYOV = {
    "surname_ru": "Проверёв",
    "given_name_ru": "Василий",
    "patronymic_ru": "Алексеевич",
    "born_on": "1880-01-02",
}


def recorded(**fields):
    values = {**PROVERYOV, **fields}
    born = values.pop("born_on")
    return hero(
        surname=values.pop("surname_ru"),
        given_name=values.pop("given_name_ru"),
        patronymic=values.pop("patronymic_ru"),
        born_on=PartialDate.parse(born) if born else None,
        **values,
    )


def imported(*rows, answers=None, dry_run=False):
    return import_file(
        kind=RegistryListKind(),
        data=registry_csv(*rows),
        file_name="list.csv",
        answers=answers,
        dry_run=dry_run,
    )


def proveryovs():
    return Person.objects.filter(match_surname="проверев")


def test_e_and_yo_and_a_year_of_birth_against_its_day_are_the_same_person():
    person = recorded()

    report = imported(
        {**PROVERYOV, "surname_ru": "Проверев", "date": "1950-01-01"},
        {**PROVERYOV, "born_on": "1880", "date": "1952-01-01"},
    )

    assert report.ok and not report.questions, report.error_lines()
    assert list(proveryovs()) == [person]
    assert person.conferments.count() == 2


@pytest.mark.parametrize(
    "row",
    [
        {**PROVERYOV, "born_on": "1879"},  # the sources disagree on the birth date
        {**PROVERYOV, "born_on": ""},  # the row gives none
        {**PROVERYOV, "given_name_ru": "В.", "patronymic_ru": "А."},  # initials
        {**PROVERYOV, "given_name_ru": "В. А.", "patronymic_ru": ""},  # both in one cell
    ],
)
def test_a_row_that_may_be_a_recorded_person_is_asked_never_decided(row):
    person = recorded()

    checked = imported({**row, "date": "1950-01-01"}, dry_run=True)
    written = imported({**row, "date": "1950-01-01"})

    assert checked.ok and len(checked.questions) == 1
    question = checked.questions[0]
    assert question["row"] == 2
    assert [candidate["slug"] for candidate in question["candidates"]] == [person.slug]
    assert "1 строка требует вашего решения" in checked.summary()
    assert not written.ok
    assert list(proveryovs()) == [person] and not Conferment.objects.exists()


def test_the_editors_answer_settles_the_question_either_way():
    person = recorded()
    row = {**PROVERYOV, "born_on": "1879", "date": "1950-01-01"}

    assert imported(row, answers={2: person.slug}).ok
    assert person.conferments.count() == 1
    assert imported({**row, "date": "1960-01-01"}, answers={2: "new"}).ok
    assert proveryovs().count() == 2


def test_initials_are_kept_as_initials_not_as_a_given_name():
    report = imported(
        {**PROVERYOV, "given_name_ru": "В. А.", "patronymic_ru": "", "date": "1950-01-01"}
    )

    assert report.ok, report.error_lines()
    person = proveryovs().get()
    assert (person.given_name_ru, person.patronymic_ru, person.initials) == ("", "", "В. А.")
    assert person.name_ru == "Проверёв В. А."


def test_a_row_that_may_be_another_rows_person_is_asked_with_that_row():
    report = imported(
        {**PROVERYOV, "date": "1950-01-01"},
        {**PROVERYOV, "given_name_ru": "В.", "patronymic_ru": "А.", "date": "1952-01-01"},
        dry_run=True,
    )

    [question] = report.questions
    assert question["row"] == 3
    assert [candidate["row"] for candidate in question["candidates"]] == [2]


def test_the_person_cell_may_ask_for_a_new_person():
    person = recorded()

    report = imported({**PROVERYOV, "person": "new", "born_on": "1879", "date": "1950-01-01"})

    assert report.ok, report.error_lines()
    assert proveryovs().exclude(pk=person.pk).count() == 1


def test_several_people_the_row_may_be_are_all_offered():
    first = recorded(slug="proveryov-a")
    second = recorded(slug="proveryov-b", born_on="1881-05-05")
    report = imported({**PROVERYOV, "born_on": "", "date": "1950-01-01"}, dry_run=True)

    [question] = report.questions

    assert {candidate["slug"] for candidate in question["candidates"]} == {first.slug, second.slug}


def test_the_command_lists_the_questions_and_how_a_file_answers_them(tmp_path):
    recorded()
    path = tmp_path / "list.csv"
    path.write_bytes(registry_csv({**PROVERYOV, "born_on": "1879", "date": "1950-01-01"}))
    errors = io.StringIO()

    with pytest.raises(CommandError):
        call_command("import_records", "registry", str(path), stderr=errors)

    assert "столбце «person»" in errors.getvalue()
    assert not Conferment.objects.exists()


@pytest.mark.usefixtures("background")
def test_the_job_page_asks_and_confirms_only_once_every_row_is_decided(
    editor_client, django_capture_on_commit_callbacks
):
    person = recorded()
    rows = [
        {**PROVERYOV, "born_on": "1879", "date": f"19{74 + n}-01-01", "published": "0"}
        for n in range(6)
    ]
    page_url = start_list(editor_client, django_capture_on_commit_callbacks, registry_csv(*rows))
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.CHECKED and len(job.questions) == 1

    page = editor_client.get(page_url).content.decode()
    assert "Строки 2, 3, 4, 5, 6, 7: Проверёв Василий Алексеевич, род. 1879" in page
    assert f'value="{person.slug}"' in page and 'value="new"' in page

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(page_url.replace("change/", "confirm/"))
    assert ImportJob.objects.get().status == ImportJob.Status.CHECKED
    assert not Conferment.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(page_url.replace("change/", "confirm/"), {"answer-2": person.slug})
    job.refresh_from_db()
    assert job.status == ImportJob.Status.IMPORTED, job.errors
    assert person.conferments.count() == 6
    assert proveryovs().count() == 1


def test_a_recorded_conferment_makes_no_difference_to_the_question():
    person = recorded()
    confer(person, "1950-01-01")

    report = imported({**PROVERYOV, "born_on": "1879", "date": "1960-01-01"}, dry_run=True)

    assert len(report.questions) == 1


def _queries_to_check(count: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rows = [
        {**PROVERYOV, "surname_ru": f"Проверёв-{number}", "date": "1950-01-01"}
        for number in range(count)
    ]
    for number in range(0, count, 2):
        recorded(surname_ru=f"Проверёв-{number}")
    with CaptureQueriesContext(connection) as queries:
        report = imported(*rows, dry_run=True)
    assert report.ok, report.error_lines()
    return len(queries)


def test_the_people_of_a_list_are_matched_by_a_query_per_batch_not_per_row():
    # Ten rows and sixty, half of them naming a recorded person each: the same queries
    # (the recorded people are read by surname, a batch at a time, through the index).
    few = _queries_to_check(10)
    Person.objects.filter(match_surname__startswith="проверев").delete()
    assert _queries_to_check(60) == few


def test_another_sources_birth_date_of_the_person_answered_is_kept_as_another_date(
    tmp_path, client
):
    from awards.models import OtherDate

    person = recorded(born_on="1879-03-04")
    path = tmp_path / "list.csv"
    path.write_bytes(
        registry_csv({**PROVERYOV, "born_on": "1878", "person": person.slug, "date": "1950-01-01"})
    )

    checked = io.StringIO()
    call_command("import_records", "registry", str(path), "--dry-run", stdout=checked)
    assert "Строка 2: дата рождения 1878 расходится с записанной" in checked.getvalue()
    assert not OtherDate.objects.exists()

    out = io.StringIO()
    call_command("import_records", "registry", str(path), stdout=out)
    assert "сохранена как другая дата рождения" in out.getvalue()
    other = OtherDate.objects.get(person=person)
    assert (other.kind, other.date.isoformat(), other.citation.slug) == (
        "birth",
        "1878",
        "hsl-p4-s1",
    )
    person.refresh_from_db()
    assert person.born_on.isoformat() == "1879-03-04"  # the record keeps its own date
    assert person.conferments.count() == 1
    assert other.history.count() == 1

    page = client.get(person.get_absolute_url()).content.decode()
    assert "Другие даты в источниках" in page
    assert "Дата рождения: 1878" in page
    # A second import of the same row keeps one other date.
    call_command("import_records", "registry", str(path), stdout=io.StringIO())
    assert OtherDate.objects.filter(person=person).count() == 1
