"""Cells ⇄ bytes, the other way: exports streamed as CSV, XLSX or JSON in chunks, with every
text that a spreadsheet would run as a formula escaped."""

import csv
import io
import json
import re
import tempfile
from collections.abc import Iterable, Iterator

from awards.exchange.files import _FORMULA_FIRST, FORMULA_PREFIX, UTF8_BOM, escape_formula

WRITE_CHUNK_ROWS = 2000


def write_csv(headers: list[str], rows: Iterable[list], *, delimiter: str = ",") -> Iterator[bytes]:
    """CSV in UTF-8 with a BOM, in chunks; texts that could run as formulas escaped.

    The BOM tells Excel the file is UTF-8: without it Cyrillic text opens garbled. Excel
    in a Russian locale splits CSV at semicolons, hence the choice of delimiter.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    buffer.write(UTF8_BOM)
    writer.writerow(headers)
    first, prefix = _FORMULA_FIRST, FORMULA_PREFIX
    for number, row in enumerate(rows, 1):
        # escape_formula(), inlined: this loop runs for every cell of an export.
        writer.writerow(
            [
                "'" + text if text and text[0] in first and prefix.match(text) else text
                for text in row
            ]
        )
        if number % WRITE_CHUNK_ROWS == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


# Widths of XLSX columns, in characters: wide enough to read, not a screen per cell.
XLSX_MIN_WIDTH = 8
XLSX_MAX_WIDTH = 60
XLSX_SAMPLE_ROWS = 50


def write_xlsx(
    headers: list[str], rows: Iterable[list], *, sheet_title: str = ""
) -> Iterator[bytes]:
    """An XLSX workbook of one sheet, named ``sheet_title``, with readable column widths.

    Cells are written as they come (texts, numbers, booleans); texts that could run as
    formulas are escaped. The widths are measured on the first rows.
    """
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    rows = iter(rows)
    sample = [list(row) for _, row in zip(range(XLSX_SAMPLE_ROWS), rows, strict=False)]
    workbook = Workbook(write_only=True)
    # Excel refuses sheet names over 31 characters and some punctuation.
    sheet = workbook.create_sheet(title=re.sub(r"[\[\]:*?/\\]", " ", sheet_title)[:31] or None)
    for index, header in enumerate(headers):
        longest = max(
            [len(header), *(len(str(row[index])) for row in sample if row[index] is not None)]
        )
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(
            max(longest + 2, XLSX_MIN_WIDTH), XLSX_MAX_WIDTH
        )
    sheet.append(headers)
    for row in sample:
        sheet.append(_xlsx_cells(row))
    for row in rows:
        sheet.append(_xlsx_cells(row))
    with tempfile.TemporaryFile() as output:
        workbook.save(output)
        output.seek(0)
        while chunk := output.read(1024 * 1024):
            yield chunk


# What XML 1.0, so a workbook, cannot hold: control characters but tab and line breaks,
# and unpaired surrogates. Imports refuse them now; a record stored earlier may hold one,
# and its export must not fail on it (openpyxl raises IllegalCharacterError).
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xlsx_cells(row: list) -> list:
    return [
        _NOT_IN_XML.sub("\ufffd", escape_formula(cell)) if isinstance(cell, str) else cell
        for cell in row
    ]


def write_json(headers: list[str], rows: Iterable[list]) -> Iterator[bytes]:
    """A JSON list of objects, one record per line, so that diffs of two exports read well."""
    separator = "[\n"
    records = []
    for row in rows:
        records.append(json.dumps(dict(zip(headers, row, strict=True)), ensure_ascii=False))
        if len(records) == WRITE_CHUNK_ROWS:
            yield (separator + ",\n".join(records)).encode("utf-8")
            separator, records = ",\n", []
    if records:
        yield (separator + ",\n".join(records) + "\n]\n").encode("utf-8")
    else:
        yield ("[\n]\n" if separator == "[\n" else "\n]\n").encode("utf-8")
