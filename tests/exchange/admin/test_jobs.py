"""Registry lists uploaded in the admin (or queued by the command) as background jobs:
checked with moving figures, confirmed, written whole; refused lists name the row and the
rule; the write respects changes made since the check; only those who may add conferments
upload."""

import csv
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from awards.exchange import jobs
from awards.models import Conferment, ImportJob, ImportLog, Person
from awards.models.imports import REGISTRY_LIST, model_verbose_name
from bench.registry import HEADERS, SYNTHETIC_SURNAME, synthetic_csv
from tests.support.job_pages import counts
from tests.support.registry_builders import confer, hero

pytestmark = pytest.mark.usefixtures("seeded", "background")

IMPORT_LIST_URL = "/admin/awards/conferment/import-list/"
NOVIKOV = {
    "surname_ru": "Новиков",
    "given_name_ru": "Пётр",
    "patronymic_ru": "Ильич",
    "born_on": "1920-05-05",
}


def in_russian(text) -> str:
    """An interface string as the editors' admin shows it (translated or not yet)."""
    with translation.override("ru"):
        return str(text)


def registry_list(*rows: dict, synthetic: int = 0) -> bytes:
    """A list of ``synthetic`` generated rows followed by ``rows`` (a Hero of Socialist
    Labour's draft conferment, unless the row says otherwise)."""
    out = io.StringIO()
    out.write(synthetic_csv(synthetic).decode() if synthetic else ",".join(HEADERS) + "\n")
    writer = csv.DictWriter(out, fieldnames=HEADERS)
    for row in rows:
        writer.writerow(
            {"title": "hero-of-socialist-labour", "citations": "hsl-p4-s1", "published": "0", **row}
        )
    return out.getvalue().encode()


def upload(client, content: bytes, *, name: str = "list.csv"):
    return client.post(IMPORT_LIST_URL, {"file": SimpleUploadedFile(name, content)})


def start(client, capture, content: bytes, **kwargs) -> str:
    """Upload a list and run the check it queues; the job page's address."""
    with capture(execute=True):
        response = upload(client, content, **kwargs)
    assert response.status_code == 302, response.content[:2000]
    assert re.fullmatch(r"/admin/awards/importjob/\d+/change/", response["Location"])
    return response["Location"]


def confirm(client, capture, page_url: str):
    with capture(execute=True):
        response = client.post(page_url.replace("change/", "confirm/"))
    assert response.status_code == 302
    return client.get(page_url)


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


def test_a_large_list_is_checked_with_moving_figures_then_written_on_confirmation(
    chief_editor_client, chief_editor, progress_reports, django_capture_on_commit_callbacks
):
    page_url = start(chief_editor_client, django_capture_on_commit_callbacks, synthetic_csv(2500))

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


def test_the_upload_page_is_a_form_linked_from_the_conferments_list(editor_client):
    changelist = editor_client.get("/admin/awards/conferment/")
    assert f'href="{IMPORT_LIST_URL}"' in changelist.text

    page = editor_client.get(IMPORT_LIST_URL)

    assert 'enctype="multipart/form-data"' in page.text
    assert 'name="csrfmiddlewaretoken"' in page.text
    assert 'type="file" name="file"' in page.text
    assert "surname_ru" in page.text and "decree_number" in page.text


def test_a_list_with_a_refused_row_is_rejected_naming_the_row_and_the_rule(
    chief_editor_client, django_capture_on_commit_callbacks
):
    content = registry_list({**NOVIKOV, "date": "1992-01-01"}, synthetic=12)

    page_url = start(chief_editor_client, django_capture_on_commit_callbacks, content)

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


def test_a_person_recorded_after_the_check_is_matched_when_the_list_is_written(
    editor_client, django_capture_on_commit_callbacks
):
    page_url = start(
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


def test_awards_recorded_after_the_check_are_counted_when_the_list_is_written(
    editor_client, django_capture_on_commit_callbacks
):
    novikov = hero(surname="Новиков", given_name="Пётр", patronymic="Ильич")
    novikov.born_on = "1920-05-05"
    novikov.save()
    page_url = start(
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


def test_an_editors_list_of_published_conferments_is_refused(
    editor_client, django_capture_on_commit_callbacks
):
    content = registry_list({**NOVIKOV, "date": "1960", "published": "1"})

    refused = editor_client.get(start(editor_client, django_capture_on_commit_callbacks, content))

    assert "отклонено, ничего не изменено" in refused.text
    assert "только главный редактор" in refused.text
    assert not Person.objects.filter(surname_ru="Новиков").exists()


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
        refused = upload(client, registry_list({**NOVIKOV, "date": "1960"}))
    assert refused.status_code == 403
    assert not ImportJob.objects.exists()
    assert f'href="{IMPORT_LIST_URL}"' not in client.get("/admin/awards/conferment/").text


def _permissions(*codenames):
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="awards", codename__in=codenames)


def test_an_unreadable_file_is_refused_with_a_message_and_logged(
    editor_client, django_capture_on_commit_callbacks
):
    page_url = start(
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


def test_a_file_of_another_kind_or_too_large_is_a_form_error(editor_client, settings):
    wrong_kind = upload(editor_client, b"MZ\x90\x00", name="list.exe")
    assert wrong_kind.status_code == 200
    assert "csv, xlsx, json" in wrong_kind.text

    settings.IMPORT_MAX_UPLOAD_BYTES = 10
    too_large = upload(editor_client, registry_list({**NOVIKOV, "date": "1960"}))
    assert too_large.status_code == 200
    assert "импортировать можно файлы не больше 10" in too_large.text
    assert not ImportJob.objects.exists()


def test_the_command_queues_a_list_and_prints_its_job(
    tmp_path, editor, django_capture_on_commit_callbacks
):
    path = tmp_path / "list.csv"
    path.write_bytes(registry_list({**NOVIKOV, "date": "1960"}))
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "import_registry", str(path), "--background", "--user", editor.username, stdout=out
        )

    job = ImportJob.objects.get()
    assert f"{job.pk}: /admin/awards/importjob/{job.pk}/change/" in out.getvalue()
    assert (job.model_name, job.status, job.user) == (REGISTRY_LIST, "checked", editor)
    assert not Person.objects.filter(surname_ru="Новиков").exists()
    with pytest.raises(CommandError):
        call_command("import_registry", str(path), "--background")
