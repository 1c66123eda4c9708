"""Large imports as background tasks (awards.exchange.jobs): checked, confirmed, written, with
their progress; jobs a killed worker had taken run again."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import translation
from openpyxl import Workbook

from awards import models
from awards.exchange import jobs
from awards.models import Conferment, ImportJob, Person
from awards.models.imports import REGISTRY_LIST, model_verbose_name
from bench.registry import SYNTHETIC_SURNAME, synthetic_csv
from tests.support.admin_imports import XLSX, upload
from tests.support.job_pages import (
    DATABASE_QUEUE,
    as_a_worker_left_it,
    confirm,
    counts,
    people_csv,
    queue,
    start,
)
from tests.support.registry_lists import start_list


def test_a_large_admin_import_is_checked_in_the_background_and_written_on_confirmation(
    no_records, background, editor_client, editor, citation, django_capture_on_commit_callbacks
):
    page_url = start(editor_client, django_capture_on_commit_callbacks, people_csv(12))

    assert re.fullmatch(r"/admin/awards/importjob/\d+/change/", page_url)
    assert not models.Person.objects.exists()
    checked = editor_client.get(page_url)
    assert "проверен, ждёт подтверждения" in checked.text
    assert counts(checked.text)["Строк в файле"] == "12"
    assert counts(checked.text)["Строк проверено"] == "12"
    assert 'http-equiv="refresh"' not in checked.text

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = editor_client.post(page_url.replace("change/", "confirm/"))

    assert confirmed.status_code == 302
    assert models.Person.objects.count() == 12
    done = editor_client.get(page_url)
    assert "импортирован" in done.text
    assert counts(done.text)["Записей записано"] == "12 / 12"
    assert '<progress id="import-progress" value="12" max="12">' in done.text
    person = models.Person.objects.get(slug="person-0")
    assert person.history.get().history_user == editor
    assert person.version == 1


# The worker works in autocommit, as in production: outside the test's transaction.
@pytest.mark.django_db(transaction=True)
def test_a_job_queued_on_the_database_is_run_by_the_db_worker(
    background, settings, editor_client, make_citation, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_QUEUE
    make_citation(slug="c1")
    page_url = start(editor_client, django_capture_on_commit_callbacks, people_csv(12))
    assert models.ImportJob.objects.get().status == "queued"

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    assert models.ImportJob.objects.get().status == "checked"
    assert "проверен, ждёт подтверждения" in editor_client.get(page_url).text


def test_a_small_file_is_still_previewed_in_the_request(
    no_records, background, editor_client, citation
):
    response = upload(editor_client, people_csv(3))

    assert response.status_code == 200
    assert response.context["confirm_form"] is not None
    assert not models.ImportJob.objects.exists()


def test_a_million_row_workbook_is_refused_by_its_row_count(
    no_records, background, settings, editor_client, django_capture_on_commit_callbacks
):
    # The limit is lowered so that the test builds a small workbook; `make bench` refuses
    # the real million rows and measures the memory it takes.
    settings.IMPORT_MAX_ROWS = 50
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["slug", "name_ru", "citations"])
    for number in range(200):
        sheet.append([f"p{number}", "Человек", "c1"])
    content = io.BytesIO()
    workbook.save(content)

    page_url = start(
        editor_client,
        django_capture_on_commit_callbacks,
        content.getvalue(),
        name="million.xlsx",
        file_format=XLSX,
    )

    refused = editor_client.get(page_url)
    assert "В файле больше 50 строк" in refused.text
    assert models.ImportLog.objects.get().status == "rejected"


def in_russian(text) -> str:
    """An interface string as the editors' admin shows it (translated or not yet)."""
    with translation.override("ru"):
        return str(text)


@pytest.fixture
def progress_reports(monkeypatch):
    """Every progress report the jobs store, as the importer gave it."""
    reports = []
    store = jobs.JobProgress.__call__

    def recording(self, progress):
        reports.append(progress)
        store(self, progress)

    monkeypatch.setattr(jobs.JobProgress, "__call__", recording)
    return reports


@pytest.mark.usefixtures("seeded", "background")
def test_a_large_list_is_checked_with_moving_figures_then_written_on_confirmation(
    chief_editor_client, chief_editor, progress_reports, django_capture_on_commit_callbacks
):
    page_url = start_list(
        chief_editor_client, django_capture_on_commit_callbacks, synthetic_csv(2500)
    )

    assert not Person.objects.filter(surname_ru__startswith=SYNTHETIC_SURNAME).exists()
    checked = chief_editor_client.get(page_url)
    assert "проверен, ждёт подтверждения" in checked.text
    assert in_russian(model_verbose_name(REGISTRY_LIST)) in checked.text
    assert counts(checked.text)["Строк в файле"] == "2500"
    assert counts(checked.text)["Строк проверено"] == "2500"
    assert counts(checked.text)["Записей записано"] == "0 / 2500"
    # The figures moved while the list was read and checked, a batch at a time.
    read = sorted({report.read for report in progress_reports})
    validated = sorted({report.validated for report in progress_reports})
    assert read[0] == 0 and read[-1] == 2500 and len(read) >= 4
    assert validated[0] == 0 and validated[-1] == 2500 and len(validated) >= 4
    assert len(progress_reports) < 40
    progress_reports.clear()

    done = confirm(chief_editor_client, django_capture_on_commit_callbacks, page_url)

    assert "импортирован" in done.text
    assert counts(done.text)["Записей записано"] == "2500 / 2500"
    assert Conferment.objects.filter(person__surname_ru__startswith=SYNTHETIC_SURNAME).count() == (
        2500
    )
    assert len({report.written for report in progress_reports}) >= 3
    person = Person.objects.filter(surname_ru__startswith=SYNTHETIC_SURNAME).first()
    assert person.history.get().history_user == chief_editor
    assert "/admin/awards/conferment/" in done.text
    job_list = chief_editor_client.get("/admin/awards/importjob/")
    assert in_russian(model_verbose_name(REGISTRY_LIST)) in job_list.text


# The worker works in autocommit, as in production: outside the test's transaction.
@pytest.mark.django_db(transaction=True)
def test_a_worker_starting_runs_a_job_its_killed_predecessor_had_taken(
    database_queue, editor_client, django_capture_on_commit_callbacks
):
    page_url, job = queue(editor_client, django_capture_on_commit_callbacks)
    # Killed between taking the task and starting the job: the job still says "queued".
    as_a_worker_left_it(job, status="queued", task="RUNNING", seconds_ago=61)

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert ImportJob.objects.get().status == "checked"
    assert "проверен, ждёт подтверждения" in editor_client.get(page_url).text
