"""The formats and the stored file of the admin's import screens (awards.exchange.admin.formats):
encodings, workbooks, Excel's CSV, the size limit, the file kept for a retry."""

import io

import pytest
from openpyxl import Workbook

from awards import models
from tests.support.admin_imports import CONFIRM_URL, EXCEL_CSV, IMPORT_URL, JSON, XLSX, upload


def test_a_refused_file_can_be_checked_again_after_the_records_it_names_are_fixed(
    no_records, editor_client, make_citation
):
    refused = upload(editor_client, "slug,name_ru,citations\nivanov,Иванов,c9\n".encode())
    assert "Проверить тот же файл ещё раз" in refused.text
    make_citation(slug="c9")

    again = editor_client.post(IMPORT_URL, {"stored_file": refused.context["stored_file"]})

    assert again.context["confirm_form"] is not None
    assert again.context["confirm_form"].initial["original_file_name"] == "people.csv"
    assert "Иванов" in again.text


def test_a_tampered_stored_file_is_not_read(no_records, editor_client):
    response = editor_client.post(IMPORT_URL, {"stored_file": "../../etc/passwd"}, follow=True)

    assert "Сохранённого файла больше нет" in response.text


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


def test_an_xlsx_file_is_imported_through_the_admin(no_records, editor_client, citation):
    workbook = Workbook()
    workbook.active.append(["slug", "name_ru", "citations"])
    workbook.active.append(["ivanov", "Иванов", "c1"])
    content = io.BytesIO()
    workbook.save(content)

    preview = upload(editor_client, content.getvalue(), name="people.xlsx", file_format=XLSX)
    editor_client.post(CONFIRM_URL, {**preview.context["confirm_form"].initial, "confirm": "1"})

    assert models.Person.objects.get().name_ru == "Иванов"
