"""Large imports run as background tasks: a job page with progress, confirmation, retry."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from openpyxl import Workbook

from awards import models
from tests.support.job_pages import counts

IMPORT_URL = "/admin/awards/person/import/"
CSV = "0"
XLSX = "2"
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def citation(make_citation):
    return make_citation(slug="c1")


def people_csv(count: int, *, prefix: str = "person", bad: set[int] = frozenset()) -> bytes:
    lines = ["slug,name_ru,citations"]
    for number in range(count):
        citations = "no-such-citation" if number in bad else "c1"
        lines.append(f"{prefix}-{number},Человек {number},{citations}")
    return ("\n".join(lines) + "\n").encode()


def upload(client, content, *, name="people.csv", file_format=CSV):
    return client.post(
        IMPORT_URL,
        {"resource": "0", "format": file_format, "import_file": SimpleUploadedFile(name, content)},
    )


def start(client, capture, content, **kwargs):
    """Upload a large file and run the queued tasks; the job's page address."""
    with capture(execute=True):
        response = upload(client, content, **kwargs)
    assert response.status_code == 302
    return response["Location"]


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


def test_the_job_page_shows_progress_while_running_and_survives_a_reload(
    no_records, background, settings, editor_client, citation, django_capture_on_commit_callbacks
):
    # Queued on the database, with no worker yet: the page shows a job waiting.
    settings.TASKS = DATABASE_QUEUE
    page_url = start(editor_client, django_capture_on_commit_callbacks, people_csv(12))

    for _reload in range(2):
        waiting = editor_client.get(page_url)
        assert "ждёт проверки" in waiting.text
        assert '<meta http-equiv="refresh" content="2">' in waiting.text
        assert '<progress id="import-progress" max="1">' in waiting.text

    job = models.ImportJob.objects.get()
    models.ImportJob.objects.filter(pk=job.pk).update(
        status="checking", rows_total=12, rows_read=12, rows_validated=6, error_count=3
    )
    running = editor_client.get(page_url)
    assert '<progress id="import-progress" value="18" max="24">' in running.text
    assert counts(running.text)["Ошибок пока"] == "3"
    assert 'http-equiv="refresh"' in running.text


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


def test_a_refused_background_import_lists_errors_beside_values_and_can_be_checked_again(
    no_records,
    background,
    editor_client,
    citation,
    make_citation,
    django_capture_on_commit_callbacks,
):
    page_url = start(editor_client, django_capture_on_commit_callbacks, people_csv(12, bad={2}))

    refused = editor_client.get(page_url)
    assert "отклонено, ничего не изменено" in refused.text
    # The fourth line of the spreadsheet: the header is row 1.
    row = re.search(r'<th scope="row">4</th>(.*?)</tr>', refused.text, re.S).group(1)
    assert "Человек 2" in row
    cell = re.search(r'class="import-error-cell">(.*?)</td>', row, re.S).group(1)
    assert "no-such-citation" in cell
    assert "Нет записи «цитата» со слагом «no-such-citation»" in cell
    assert "заголовок — строка 1" in refused.text

    make_citation(slug="no-such-citation")
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(page_url.replace("change/", "check-again/"))

    assert "проверен, ждёт подтверждения" in editor_client.get(page_url).text


def test_a_small_file_is_still_previewed_in_the_request(
    no_records, background, editor_client, citation
):
    response = upload(editor_client, people_csv(3))

    assert response.status_code == 200
    assert response.context["confirm_form"] is not None
    assert not models.ImportJob.objects.exists()


def test_another_editor_may_see_a_job_but_not_confirm_it(
    no_records,
    background,
    editor_client,
    chief_editor,
    client,
    citation,
    django_capture_on_commit_callbacks,
):
    page_url = start(editor_client, django_capture_on_commit_callbacks, people_csv(12))
    other = type(client)()
    other.force_login(chief_editor)

    assert other.get(page_url).status_code == 200
    assert other.post(page_url.replace("change/", "confirm/")).status_code == 403
    assert not models.Person.objects.exists()


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
