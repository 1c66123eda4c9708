"""Exports written as CSV, XLSX or JSON (awards.exchange.writing): Excel's BOM, formulas
escaped, characters a workbook cannot hold replaced."""

import io

import pytest
from django.db import connection
from openpyxl import load_workbook

from tests.support.admin_imports import CSV, EXCEL_CSV, JSON, XLSX
from tests.support.record_files import export_bytes


@pytest.mark.parametrize("file_format", [CSV, EXCEL_CSV, XLSX, JSON])
def test_an_export_never_fails_on_characters_stored_before_imports_refused_them(
    editor_client, make_person, file_format
):

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


# Export ---------------------------------------------------------------------------------


def test_csv_export_opens_in_excel_with_a_bom_and_the_field_names(seeded):
    data = export_bytes("title")

    assert data.startswith(b"\xef\xbb\xbfslug,published,name_ru,name_en,")
    assert "Герой Социалистического Труда" in data.decode("utf-8-sig")


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_cells_that_a_spreadsheet_would_run_as_formulas_are_escaped(make_person, file_format):
    make_person(slug="p", name_ru='=HYPERLINK("http://evil","x")', name_en="@SUM(A1)")

    data = export_bytes("person", file_format)

    if file_format == "csv":
        text = data.decode("utf-8-sig")
        assert """'=HYPERLINK(""http://evil"",""x"")""" in text
        assert "'@SUM(A1)" in text
    else:
        sheet = load_workbook(io.BytesIO(data)).active
        values = [cell.value for cell in sheet[2]]
        assert '\'=HYPERLINK("http://evil","x")' in values
        assert all(cell.data_type != "f" for cell in sheet[2])
