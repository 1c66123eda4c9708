"""Import and export in the editors' admin: preview, confirmation, clear errors, no 500."""

import io
import re

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from awards import models

CSV = "0"
EXCEL_CSV = "1"
XLSX = "2"
JSON = "3"
IMPORT_URL = "/admin/awards/person/import/"
CONFIRM_URL = "/admin/awards/person/process_import/"


def upload(client, content, name="people.csv", file_format=CSV, url=IMPORT_URL):
    return client.post(
        url,
        {
            "resource": "0",
            "format": file_format,
            "import_file": SimpleUploadedFile(name, content),
        },
    )


@pytest.fixture
def citation(make_citation):
    return make_citation(slug="c1")


def test_the_import_page_lists_the_columns(editor_client):
    response = editor_client.get(IMPORT_URL)

    assert response.status_code == 200
    assert "name_ru" in response.text
    assert "citations" in response.text
    assert "1927-07-27" in response.text


def test_an_import_is_previewed_then_confirmed(no_records, editor_client, editor, citation):
    content = "slug,name_ru,name_en,citations\nivanov,Иванов,Ivanov,c1\n".encode()

    preview = upload(editor_client, content)

    assert preview.status_code == 200
    assert "Иванов" in preview.text
    assert not models.Person.objects.exists()
    confirm = preview.context["confirm_form"]
    assert confirm is not None

    done = editor_client.post(CONFIRM_URL, {**confirm.initial, "confirm": "1"})

    assert done.status_code == 302
    person = models.Person.objects.get(slug="ivanov")
    assert person.history.get().history_user == editor
    log = models.ImportLog.objects.get()
    assert (log.origin, log.user, log.file_name, log.new_count) == (
        "admin",
        editor,
        "people.csv",
        1,
    )
    assert LogEntry.objects.get(object_id=str(person.pk)).action_flag == ADDITION


def test_a_second_confirmation_of_the_same_preview_imports_nothing_again(
    no_records, editor_client, citation
):
    preview = upload(editor_client, "slug,name_ru,citations\nivanov,Иванов,c1\n".encode())
    confirmation = {**preview.context["confirm_form"].initial, "confirm": "1"}
    assert editor_client.post(CONFIRM_URL, confirmation).status_code == 302

    again = editor_client.post(CONFIRM_URL, confirmation, follow=True)

    assert again.status_code == 200
    assert "уже подтверждён" in again.text
    assert models.Person.objects.count() == 1
    assert models.ImportLog.objects.count() == 1


def test_a_preview_shows_what_an_update_changes(no_records, editor_client, make_person, citation):
    # A draft: an editor's import may change drafts only (awards.records.roles).
    make_person(slug="ivanov", name_ru="Иванов", citations=[citation], published=False)

    preview = upload(editor_client, "slug,name_ru,citations\nivanov,Иванов И. И.,c1\n".encode())

    assert "<del>Иванов</del> <ins>Иванов И. И.</ins>" in preview.text
    assert models.Person.objects.get().name_ru == "Иванов"


def test_bad_rows_are_listed_by_row_and_column_without_a_confirm_button(
    no_records, editor_client, citation
):
    content = "slug,name_ru,citations\nivanov,Иванов,c1\npetrov,Петров,nope\n".encode()

    response = upload(editor_client, content)

    assert response.status_code == 200
    assert "confirm_form" not in response.context
    invalid = response.context["result"].invalid_rows
    assert [row.number for row in invalid] == [3]
    assert list(invalid[0].field_specific_errors) == ["citations"]
    assert "nope" in response.text
    assert not models.Person.objects.exists()
    assert models.ImportLog.objects.get().status == "rejected"


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"\x00\x01\x02\xff\xfe\x00garbage\x9c\x81", "people.csv", "не является текстом"),
        ("slug,name_ru\nivanov,Иванов\n".encode("koi8-r"), "people.csv", "koi8-r"),
        (b"[" * 50_000 + b"]" * 50_000, "people.json", "список объектов"),
        (b'[{"slug": 1' + b"0" * 5000 + b"}]", "people.json", "длиннее 30 знаков"),
    ],
    ids=["binary", "koi8-r", "nested json", "long number"],
)
def test_unreadable_or_hostile_files_are_explained_and_logged(
    no_records, editor_client, content, name, message
):
    file_format = JSON if name.endswith(".json") else CSV
    response = upload(editor_client, content, name=name, file_format=file_format)

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["import_file"])
    assert message in response.text
    assert not models.Person.objects.exists()
    assert models.ImportLog.objects.get().status == "rejected"


def test_an_empty_upload_is_refused_by_the_form(no_records, editor_client):
    response = upload(editor_client, b"")

    assert "Отправленный файл пуст." in response.text
    assert not models.Person.objects.exists()


def test_a_file_with_unknown_columns_lists_them_on_the_header_row(no_records, editor_client):
    response = upload(editor_client, b"slug,colour\nx,red\n")

    invalid = response.context["result"].invalid_rows
    assert [row.number for row in invalid] == [1]
    assert "colour" in response.text
    assert not models.Person.objects.exists()


def test_an_oversized_upload_is_refused(no_records, editor_client, settings, citation):
    settings.IMPORT_MAX_UPLOAD_BYTES = 20

    response = upload(editor_client, "slug,name_ru,citations\nivanov,Иванов,c1\n".encode())

    assert response.status_code == 200
    assert response.context["form"].errors["import_file"]
    assert not models.Person.objects.exists()


def test_windows_1251_semicolon_file_through_the_admin(editor_client, citation):
    content = "slug;name_ru;citations\r\nivanov;Иванов;c1\r\n".encode("cp1251")

    preview = upload(editor_client, content)

    assert preview.context["confirm_form"] is not None
    assert "Иванов" in preview.text


def test_export_of_a_filtered_list_as_csv(editor_client, make_person):
    make_person(slug="published-one", name_ru="Опубликован", published=True)
    make_person(slug="draft-one", name_ru="Черновик", published=False)

    response = editor_client.post(
        "/admin/awards/person/export/?published__exact=1", {"format": CSV}
    )

    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert text.startswith("slug,published,name_ru")
    assert "published-one" in text
    assert "draft-one" not in text


def test_export_of_selected_rows_through_the_action(editor_client, make_person):
    chosen = make_person(slug="chosen")
    make_person(slug="other")

    form = editor_client.post(
        "/admin/awards/person/",
        {"action": "export_admin_action", "_selected_action": [chosen.pk]},
    )
    assert form.status_code == 200
    response = editor_client.post(
        "/admin/awards/person/export/", {"format": CSV, "export_items": [chosen.pk]}
    )

    text = response.content.decode("utf-8-sig")
    assert "chosen" in text
    assert "other" not in text


def test_the_import_log_is_readable_in_the_admin(editor_client, editor, citation):
    upload(editor_client, b"slug,name_ru,citations\nivanov,X,zz\n", name="broken.csv")

    response = editor_client.get("/admin/awards/importlog/")

    assert response.status_code == 200
    assert "broken.csv" in response.text
    log = models.ImportLog.objects.get()
    detail = editor_client.get(f"/admin/awards/importlog/{log.pk}/change/")
    assert detail.status_code == 200
    assert re.search(r"zz", detail.text)
    assert editor_client.get("/admin/awards/importlog/add/").status_code == 403


@pytest.mark.parametrize(
    ("file_format", "magic"),
    [(XLSX, b"PK"), (JSON, b"[\n{"), (EXCEL_CSV, b"\xef\xbb\xbfslug;published;name_ru;")],
)
def test_export_as_xlsx_json_or_csv_for_russian_excel(
    editor_client, make_person, file_format, magic
):
    make_person(slug="ivanov", name_ru="Иванов")

    response = editor_client.post("/admin/awards/person/export/", {"format": file_format})

    assert response.status_code == 200
    assert response.content.startswith(magic)


@pytest.mark.parametrize("file_format", [CSV, EXCEL_CSV, XLSX, JSON])
def test_an_export_never_fails_on_characters_stored_before_imports_refused_them(
    editor_client, make_person, file_format
):
    from django.db import connection

    # PostgreSQL never stored NUL; SQLite did, before imports refused control characters.
    nul = "\x00" if connection.vendor == "sqlite" else ""
    make_person(slug="bell", name_ru=f"Звонок\x07{nul}Эскейп\x1b")

    response = editor_client.post("/admin/awards/person/export/", {"format": file_format})

    assert response.status_code == 200
    if file_format == XLSX:
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(response.content), read_only=True).worksheets[0]
        names = [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell]
        assert any(name.startswith("Звонок\ufffd") for name in names)


def test_an_xlsx_file_is_imported_through_the_admin(no_records, editor_client, citation):
    workbook = Workbook()
    workbook.active.append(["slug", "name_ru", "citations"])
    workbook.active.append(["ivanov", "Иванов", "c1"])
    content = io.BytesIO()
    workbook.save(content)

    preview = upload(editor_client, content.getvalue(), name="people.xlsx", file_format=XLSX)
    editor_client.post(CONFIRM_URL, {**preview.context["confirm_form"].initial, "confirm": "1"})

    assert models.Person.objects.get().name_ru == "Иванов"


def test_a_confirmation_that_no_longer_passes_the_checks_imports_nothing(
    no_records, editor_client, citation
):
    preview = upload(editor_client, b"slug,name_ru,citations\nivanov,X,c1\n")
    citation.delete()

    done = editor_client.post(
        CONFIRM_URL, {**preview.context["confirm_form"].initial, "confirm": "1"}
    )

    # The import page again, with the errors and the same file ready to be checked again.
    assert done.status_code == 200
    assert not models.Person.objects.exists()
    assert [message.level_tag for message in done.context["messages"]] == ["error"]
    assert "c1" in done.text
    assert done.context["stored_file"]
