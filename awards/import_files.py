"""Reading an exchange file into a table of cells, as the editor's program wrote it.

Encodings are detected (UTF-8 with or without BOM, UTF-16, Windows-1251), so are CSV
delimiters (comma, semicolon, tab); XLSX and JSON are read as they are. Nothing here
knows about models: the import service makes records of the cells.
"""

import csv
import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from awards.exporting import FORMATS, unescape_formula

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class ImportFileError(Exception):
    """A file that cannot be read as a table at all."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Table:
    """A file read into rows of cells, before anything is known about the model."""

    headers: list[str]
    rows: list[Sequence]
    file_format: str = "csv"
    # The number of the first data row in the file: 2 below a header row, 1 in JSON.
    first_row_number: int = 2

    @property
    def header_row_number(self) -> int | None:
        return self.first_row_number - 1 if self.first_row_number > 1 else None


def max_upload_bytes() -> int:
    return getattr(settings, "IMPORT_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def check_size(size: int, *, limit: int | None = None) -> None:
    """Refuse an upload over the configured limit (IMPORT_MAX_UPLOAD_BYTES)."""
    limit = max_upload_bytes() if limit is None else limit
    if size > limit:
        raise ImportFileError(
            _("The file is %(size)s; files of at most %(limit)s can be imported.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )


def format_from_name(file_name: str) -> str:
    extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    return extension if extension in FORMATS else "csv"


def read_table(
    data: bytes,
    *,
    file_format: str,
    encoding: str | None = None,
    max_bytes: int | None = None,
) -> Table:
    """Read a whole file into a Table; raise ImportFileError when it cannot be read."""
    if max_bytes is not None:
        check_size(len(data), limit=max_bytes)
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if file_format == "xlsx":
        table = _read_xlsx(data)
    elif file_format == "json":
        table = _read_json(decode_text(data, encoding=encoding))
    else:
        table = _read_csv(decode_text(data, encoding=encoding))
    if not table.headers or not table.rows:
        raise ImportFileError(_("The file has no rows to import."))
    return table


# Text that legitimately fills a Russian spreadsheet once decoded as Windows-1251; other
# bytes above 0x7F decode there too, but as symbols a list of records hardly contains.
_CP1251_TEXT = frozenset(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ«»–—№“”„…’‘°§"
)


def decode_text(data: bytes, *, encoding: str | None = None) -> str:
    """Decode as the editor's program wrote it: UTF-8 (with or without BOM), UTF-16 with
    its BOM (Excel's "Unicode text"), or Windows-1251 (Excel in a Russian locale)."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise ImportFileError(
                _("The file cannot be read in the encoding %(encoding)s.") % {"encoding": encoding}
            ) from error
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise _undecodable() from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError as error:
        raise _undecodable() from error
    unusual = sum(1 for char in text if ord(char) > 127 and char not in _CP1251_TEXT)
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\r\n")
    if controls or unusual > len(text) // 100:
        raise _undecodable()
    return text


def _undecodable() -> ImportFileError:
    return ImportFileError(
        _(
            "The file is not text in a known encoding (UTF-8 or Windows-1251). "
            "Save it from the spreadsheet as CSV UTF-8, or as XLSX."
        )
    )


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever separates the header row."""
    header = text.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _read_csv(text: str) -> Table:
    # A source's full text can outgrow the csv module's default limit of 128 KiB a cell;
    # the file as a whole is already bounded by the upload limit.
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text)))
    except csv.Error as error:
        raise ImportFileError(
            _("The file is not a readable CSV table: %(error)s") % {"error": error}
        ) from error
    return _table_from_rows(rows, file_format="csv", unescape=True)


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ImportFileError(_("The file is not an Excel workbook (.xlsx).")) from error
    try:
        rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
    return _table_from_rows(rows, file_format="xlsx", unescape=True)


def _table_from_rows(rows: list[list], *, file_format: str, unescape: bool) -> Table:
    while rows and not any(is_filled(cell) for cell in rows[-1]):
        rows.pop()
    if not rows:
        return Table(headers=[], rows=[], file_format=file_format)
    headers = ["" if cell is None else str(cell).strip() for cell in rows[0]]
    body = rows[1:]
    # Spreadsheets leave unnamed empty columns behind (a trailing delimiter, a cleared
    # column); only an unnamed column that holds something is the editor's mistake.
    kept = [
        index
        for index, header in enumerate(headers)
        if header or any(index < len(row) and is_filled(row[index]) for row in body)
    ]
    if len(kept) < len(headers):
        width = len(headers)
        headers = [headers[index] for index in kept]
        body = [
            [row[index] if index < len(row) else None for index in kept] + list(row[width:])
            for row in body
        ]
    if unescape:
        body = [
            [unescape_formula(cell) if isinstance(cell, str) else cell for cell in row]
            for row in body
        ]
    return Table(headers=headers, rows=body, file_format=file_format)


def _read_json(text: str) -> Table:
    try:
        records = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            _("The file is not valid JSON: %(error)s") % {"error": error}
        ) from error
    if not isinstance(records, list) or not all(isinstance(item, dict) for item in records):
        raise ImportFileError(_("A JSON file must hold a list of objects, one per record."))
    headers = list(dict.fromkeys(key for record in records for key in record))
    rows = [[record.get(header) for header in headers] for record in records]
    return Table(headers=headers, rows=rows, file_format="json", first_row_number=1)


def is_filled(cell) -> bool:
    return cell is not None and cell != "" and not (isinstance(cell, str) and not cell.strip())
