"""Exports written as CSV, XLSX or JSON (awards.exchange.writing): Excel's BOM, formulas
escaped, characters a workbook cannot hold replaced."""

import io
import json

import pytest
from django.db import connection
from openpyxl import load_workbook

from awards.exchange.writing import WRITE_CHUNK_ROWS, write_csv, write_json, write_xlsx
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


def test_a_csv_starts_with_excel_s_bom_and_takes_the_delimiter_asked():
    data = b"".join(write_csv(["slug", "name_ru"], [["a", "Иванов"]], delimiter=";"))

    assert data == "\ufeffslug;name_ru\r\na;Иванов\r\n".encode()


def test_a_csv_of_many_rows_comes_in_chunks_of_whole_rows():
    rows = [[str(number)] for number in range(2 * WRITE_CHUNK_ROWS + 1)]

    chunks = list(write_csv(["n"], rows))

    assert len(chunks) == 3
    assert all(chunk.endswith(b"\r\n") for chunk in chunks)
    assert b"".join(chunks).decode("utf-8-sig").split() == ["n", *(row[0] for row in rows)]


def test_a_json_export_is_one_object_per_line_and_reads_back_as_written():
    rows = [["a", 1, True], ["b", None, False]]

    text = b"".join(write_json(["slug", "paragraph", "published"], rows)).decode()

    assert json.loads(text) == [
        {"slug": "a", "paragraph": 1, "published": True},
        {"slug": "b", "paragraph": None, "published": False},
    ]
    assert len(text.splitlines()) == 4
    assert json.loads(b"".join(write_json(["slug"], [])).decode()) == []


def test_a_workbook_keeps_numbers_and_names_its_sheet_as_excel_allows():
    data = b"".join(
        write_xlsx(
            ["slug", "paragraph"],
            [["a", 3], ["=1+1", 4], ["bell\x07", 5]],
            sheet_title="Положения: звания [все] / 1938* и далее",
        )
    )

    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["slug", "paragraph"],
        ["a", 3],
        ["'=1+1", 4],
        ["bell\ufffd", 5],
    ]
    # No punctuation Excel refuses in a sheet's name, and at most 31 characters.
    assert sheet.title == "Положения  звания  все    1938 "
    assert 8 <= sheet.column_dimensions["A"].width <= 60
