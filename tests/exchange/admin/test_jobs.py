"""Background imports in the admin (awards.exchange.admin.jobs): each job's page with its
progress and errors, who may confirm it, and the upload of a registry list."""

import pytest

from awards import models
from awards.models import ImportJob, ImportLog, Person
from tests.support.import_tables import shown_rows
from tests.support.job_pages import DATABASE_QUEUE, counts, people_csv, start
from tests.support.registry_lists import (
    IMPORT_LIST_URL,
    NOVIKOV,
    registry_list,
    start_list,
    upload_list,
)

pytestmark = pytest.mark.usefixtures("seeded", "background")


def test_the_upload_page_is_a_form_linked_from_the_conferments_list(editor_client):
    changelist = editor_client.get("/admin/awards/conferment/")
    assert f'href="{IMPORT_LIST_URL}"' in changelist.text

    page = editor_client.get(IMPORT_LIST_URL)

    assert 'enctype="multipart/form-data"' in page.text
    assert 'name="csrfmiddlewaretoken"' in page.text
    assert 'type="file" name="file"' in page.text
    assert "surname_ru" in page.text and "decree_number" in page.text


def test_only_those_who_may_add_conferments_upload_lists(
    client, django_user_model, django_capture_on_commit_callbacks
):
    anonymous = client.get(IMPORT_LIST_URL)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]

    reader = django_user_model.objects.create_user("reader", password="x", is_staff=True)
    reader.user_permissions.add(*_permissions("view_conferment"))
    client.force_login(reader)
    assert client.get(IMPORT_LIST_URL).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        refused = upload_list(client, registry_list({**NOVIKOV, "date": "1960"}))
    assert refused.status_code == 403
    assert not ImportJob.objects.exists()
    assert f'href="{IMPORT_LIST_URL}"' not in client.get("/admin/awards/conferment/").text


def _permissions(*codenames):
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="awards", codename__in=codenames)


def test_an_unreadable_file_is_refused_with_a_message_and_logged(
    editor_client, django_capture_on_commit_callbacks
):
    page_url = start_list(
        editor_client,
        django_capture_on_commit_callbacks,
        b"PK\x03\x04 not really a workbook",
        name="list.xlsx",
    )

    refused = editor_client.get(page_url)
    assert "отклонено, ничего не изменено" in refused.text
    [error] = ImportJob.objects.get().errors
    assert error["row"] is None and error["message"] in refused.text
    assert ImportLog.objects.get().status == ImportLog.Status.REJECTED
    assert not Person.objects.filter(surname_ru="Новиков").exists()


def test_a_registry_list_s_error_names_the_person_and_stands_beside_its_cell(
    editor_client, django_capture_on_commit_callbacks
):
    content = registry_list({**NOVIKOV, "date": "1960", "title": "no-such-title"})

    page_url = start_list(editor_client, django_capture_on_commit_callbacks, content)

    (row,) = shown_rows(editor_client.get(page_url).text, "import-errors")
    assert (row.heading, row.name) == ("Строка 2", "Новиков Пётр Ильич")
    assert list(row.cells) == ["title"]
    assert row.cells["title"][0] == "no-such-title"


def test_a_file_of_another_kind_or_too_large_is_a_form_error(editor_client, settings):
    wrong_kind = upload_list(editor_client, b"MZ\x90\x00", name="list.exe")
    assert wrong_kind.status_code == 200
    assert "csv, xlsx, json" in wrong_kind.text

    settings.IMPORT_MAX_UPLOAD_BYTES = 10
    too_large = upload_list(editor_client, registry_list({**NOVIKOV, "date": "1960"}))
    assert too_large.status_code == 200
    assert "импортировать можно файлы не больше 10" in too_large.text
    assert not ImportJob.objects.exists()


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
    row = next(
        row for row in shown_rows(refused.text, "import-errors") if row.heading == "Строка 4"
    )
    assert row.name == "Человек 2"
    value, message = row.cells["citations"]
    assert "no-such-citation" in value
    assert "Нет записи «цитата» со слагом «no-such-citation»" in message
    assert "заголовок — строка 1" in refused.text

    make_citation(slug="no-such-citation")
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(page_url.replace("change/", "check-again/"))

    assert "проверен, ждёт подтверждения" in editor_client.get(page_url).text


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
