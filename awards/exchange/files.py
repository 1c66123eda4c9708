"""Bytes ⇄ cells: exchange files as the editor's program wrote them, and as it reads them.

Reading detects the encoding (UTF-8 with or without BOM, UTF-16, Windows-1251; KOI8-R when
named) and the CSV delimiter, reads XLSX as a stream (awards.exchange.workbooks) and JSON
with bounded numbers and no key twice in a record, and refuses any file it cannot read as
a table with an ImportFileError that says why: a hostile file (a zip or XML bomb, a
nested or enormous JSON, mojibake, more rows, columns, cells or characters in a cell than
awards.exchange.limits allows) is refused as a file, never as a traceback. Texts a
spreadsheet would run as formulas are escaped here, and written out by
awards.exchange.writing. Nothing here knows about models.
"""

import csv
import io
import json
import logging
import lzma
import re
import zipfile
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from xml.parsers import expat

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from awards.exchange import limits as refusals
from awards.exchange import workbooks
from awards.exchange.limits import ImportFileError, Limits, in_record, in_sheet, is_filled

logger = logging.getLogger(__name__)

FORMATS = ("csv", "xlsx", "json")
UTF8_BOM = "\ufeff"

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# Longer numbers are no count, year or paragraph number; they are refused before Python
# spends time converting them (or refuses them itself past 4,300 digits).
MAX_NUMBER_DIGITS = 30


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


# Limits -------------------------------------------------------------------------------


def max_upload_bytes() -> int:
    return getattr(settings, "IMPORT_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def check_size(size: int) -> None:
    """Refuse a file over the configured limit (IMPORT_MAX_UPLOAD_BYTES)."""
    limit = max_upload_bytes()
    if size > limit:
        raise ImportFileError(
            _("The file is %(size)s; files of at most %(limit)s can be imported.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )


# Formulas -----------------------------------------------------------------------------

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP's list: = + -
# @, tab and carriage return; line feed and the full-width forms too). The apostrophe that
# escapes it is doubled when the text itself starts with apostrophes before one of them,
# so that unescape_formula() gives back every text exactly.
FORMULA_PREFIX = re.compile(r"'*[=+\-@\t\r\n＝＋－＠]")
_FORMULA_FIRST = frozenset("=+-@\t\r\n＝＋－＠'")


def escape_formula(text: str) -> str:
    """Prefix an apostrophe to a cell that a spreadsheet would run as a formula."""
    if text and text[0] in _FORMULA_FIRST and FORMULA_PREFIX.match(text):
        return "'" + text
    return text


def unescape_formula(text: str) -> str:
    """Undo escape_formula(): drop the apostrophe it added."""
    if text and text[0] == "'" and FORMULA_PREFIX.match(text):
        return text[1:]
    return text


# Reading ------------------------------------------------------------------------------


def format_from_name(file_name: str) -> str:
    extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    return extension if extension in FORMATS else "csv"


def read_table(data: bytes, *, file_format: str, encoding: str | None = None) -> Table:
    """Read a whole file into a Table; raise ImportFileError when it cannot be read."""
    check_size(len(data))
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    limits = Limits.from_settings()
    if file_format == "xlsx":
        table = _read_xlsx(data, limits=limits)
    elif file_format == "json":
        table = _read_json(decode_text(data, encoding=encoding), limits=limits)
    else:
        table = _read_csv(decode_text(data, encoding=encoding), limits=limits)
    if not table.headers or not table.rows:
        raise ImportFileError(_("The file has no rows to import."))
    return table


def estimate_rows(data: bytes, *, file_format: str, up_to: int) -> int:
    """A quick upper bound of a file's data rows, counted no further than ``up_to + 1``:
    enough to choose between importing now and in the background. Never raises: a file
    that cannot be read counts as small, and reading it tells the editor why."""
    if file_format == "xlsx":
        try:
            return max(count_xlsx_rows(data, up_to=up_to + 1) - 1, 0)
        except Exception:
            return 0
    # Every CSV row ends in a line feed (a quoted one counts twice: an upper bound); every
    # JSON record is an object.
    marker = b"{" if file_format == "json" else b"\n"
    return min(data.count(marker), up_to + 1)


_CYRILLIC_LOWER = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_CYRILLIC_UPPER = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
# Text that legitimately fills a Russian spreadsheet once decoded as Windows-1251; other
# bytes above 0x7F decode there too, but as symbols a list of records hardly contains.
_CP1251_TEXT = _CYRILLIC_LOWER | _CYRILLIC_UPPER | frozenset("«»–—№“”„…’‘°§")


def decode_text(data: bytes, *, encoding: str | None = None) -> str:
    """Decode as the editor's program wrote it: UTF-8 (with or without BOM), UTF-16 with
    its BOM (Excel's "Unicode text"), or Windows-1251 (Excel in a Russian locale).

    Any other encoding (KOI8-R, say) must be named: its bytes decode as Windows-1251 too,
    but into mojibake, which is refused rather than stored.
    """
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
    if controls or unusual > len(text) // 100 or _looks_like_mojibake(text):
        raise _undecodable()
    return text


def _looks_like_mojibake(text: str) -> bool:
    """Russian text is mostly lower case; KOI8-R (or another Cyrillic encoding) read as
    Windows-1251 swaps the cases, so capitals outnumber small letters."""
    lower = sum(1 for char in text if char in _CYRILLIC_LOWER)
    upper = sum(1 for char in text if char in _CYRILLIC_UPPER)
    return upper + lower >= 3 and upper > lower


def _undecodable() -> ImportFileError:
    return ImportFileError(
        _(
            "The file is not text in a known encoding (UTF-8 or Windows-1251). "
            "Save it from the spreadsheet as CSV UTF-8 or as XLSX, or name its encoding "
            "(for example koi8-r)."
        )
    )


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever separates the header row."""
    # Not split(): that would copy the whole text after the header.
    line_end = text.find("\n")
    header = text if line_end == -1 else text[:line_end]
    counts = {delimiter: header.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _bounded(rows: Iterable[Sequence], *, limits: Limits) -> Iterator[Sequence]:
    """The rows of a CSV file, refused at the first that goes over the limits."""
    filled_rows = cells = 0
    for number, row in enumerate(rows, 1):
        if max(map(len, row), default=0) > limits.cell_chars:
            column = next(at for at, cell in enumerate(row, 1) if len(cell) > limits.cell_chars)
            raise refusals.cell_too_long(limits, where=in_sheet(row=number, column=column))
        beyond = enumerate(row[limits.columns :], limits.columns + 1)
        if column := next((at for at, cell in beyond if is_filled(cell)), None):
            raise refusals.too_many_columns(limits, where=in_sheet(row=number, column=column))
        cells += len(row)
        if cells > limits.cells:
            raise refusals.too_many_cells(
                limits, where=in_sheet(row=number, column=len(row) - (cells - limits.cells) + 1)
            )
        if any(is_filled(cell) for cell in row):
            filled_rows += 1
            if filled_rows > limits.rows + 1:  # the header row
                raise refusals.too_many_rows(limits)
        yield row


def _read_csv(text: str, *, limits: Limits) -> Table:
    # The csv module's own limit of a field is global to the process; it is raised to the
    # whole text (already bounded by the upload limit) so that a long cell is refused
    # below, with its row and column.
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    delimiter = sniff_delimiter(text)
    # One pass checks the limits and notes where each row ends, which columns hold
    # something and the last row that does; the cells themselves are not kept.
    read_to = 0

    def lines():
        nonlocal read_to
        for line in text_lines(text):
            read_to += len(line)
            yield line

    ends = array("q")
    headers, filled_columns, last_filled = None, set(), 0
    try:
        for row in _bounded(csv.reader(lines(), delimiter=delimiter), limits=limits):
            ends.append(read_to)
            if headers is None:
                headers = ["" if cell is None else str(cell).strip() for cell in row]
            filled = [index for index, cell in enumerate(row) if is_filled(cell)]
            if filled:
                last_filled = len(ends)
                if len(ends) > 1:
                    filled_columns.update(filled)
    except csv.Error as error:
        raise ImportFileError(
            _("The file is not a readable CSV table: %(error)s") % {"error": error}
        ) from error
    if not last_filled:
        return Table(headers=[], rows=[], file_format="csv")
    del ends[last_filled:]
    kept = _kept_columns(headers, filled_columns)
    rows = CsvRows(text=text, delimiter=delimiter, ends=ends, width=len(headers), kept=kept)
    return Table(headers=[headers[index] for index in kept], rows=rows, file_format="csv")


class CsvRows(Sequence):
    """The data rows of a CSV file, each parsed again when read: held are the file's text
    and where each row ends, not a list of every row's cells (which took ten times the
    text). Read as _table_from_rows() gives them: only the ``kept`` columns (and the cells
    beyond the header), formulas unescaped."""

    def __init__(self, *, text: str, delimiter: str, ends: array, width: int, kept: list[int]):
        self.text, self.delimiter, self.ends = text, delimiter, ends
        self.width = width
        self.kept = None if kept == list(range(width)) else kept

    def __len__(self) -> int:
        return len(self.ends) - 1

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[number] for number in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        piece = self.text[self.ends[index] : self.ends[index + 1]]
        reader = csv.reader(io.StringIO(piece, newline=""), delimiter=self.delimiter)
        return self._cells(next(reader, []))

    def __iter__(self) -> Iterator[list]:
        lines = text_lines(self.text, start=self.ends[0], end=self.ends[-1])
        for row in csv.reader(lines, delimiter=self.delimiter):
            yield self._cells(row)

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    def _cells(self, row: list[str]) -> list:
        if self.kept is not None:
            row = [row[index] if index < len(row) else None for index in self.kept] + list(
                row[self.width :]
            )
        return [unescape_formula(cell) if isinstance(cell, str) else cell for cell in row]


def text_lines(text: str, *, start: int = 0, end: int | None = None) -> Iterator[str]:
    """The lines of ``text[start:end]`` as ``io.StringIO(…, newline="")`` gives them (each
    with its ending: CR, LF or CR LF), without the copy of the text it makes (four bytes a
    character)."""
    end = len(text) if end is None else end
    next_cr, next_lf = text.find("\r", start, end), text.find("\n", start, end)
    while start < end:
        if -1 < next_cr < start:
            next_cr = text.find("\r", start, end)
        if -1 < next_lf < start:
            next_lf = text.find("\n", start, end)
        breaks = [at for at in (next_cr, next_lf) if at != -1]
        if not breaks:
            yield text[start:end]
            return
        at = min(breaks)
        if at == next_cr and at + 1 < end and text[at + 1] == "\n":
            at += 1
        yield text[start : at + 1]
        start = at + 1


def _kept_columns(headers: list[str], filled_columns: set[int]) -> list[int]:
    """Spreadsheets leave unnamed empty columns behind (a trailing delimiter, a cleared
    column); only an unnamed column that holds something is the editor's mistake."""
    return [index for index, header in enumerate(headers) if header or index in filled_columns]


def count_xlsx_rows(data: bytes, *, up_to: int) -> int:
    """The row elements of a workbook's first sheet, counted no further than ``up_to + 1``
    while its XML is unpacked as a stream, within the limits of unpacking: no cell, and no
    shared string, is read. An upper bound of the rows (a row element may be empty)."""
    return workbooks.count_rows(data, up_to=up_to, limits=Limits.from_settings())


# Whatever a workbook's reading raises (a bad zip, a DTD, a malformed part, an unknown or
# encrypted compression) means the file is unreadable.
_UNREADABLE_WORKBOOK = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    expat.ExpatError,
    EOFError,
    OSError,
    ValueError,
    LookupError,
    OverflowError,
    RuntimeError,
)


def _read_xlsx(data: bytes, *, limits: Limits) -> Table:
    try:
        rows = workbooks.read_rows(data, limits=limits)
    except _UNREADABLE_WORKBOOK as error:
        logger.info("Unreadable XLSX file: %r", error)
        raise ImportFileError(
            _("The file is not an Excel workbook (.xlsx) that can be read.")
        ) from error
    return _table_from_rows(rows, file_format="xlsx")


def _table_from_rows(rows: list[list], *, file_format: str) -> Table:
    while rows and not any(is_filled(cell) for cell in rows[-1]):
        rows.pop()
    if not rows:
        return Table(headers=[], rows=[], file_format=file_format)
    headers = ["" if cell is None else str(cell).strip() for cell in rows[0]]
    body = rows[1:]
    kept = _kept_columns(
        headers,
        {index for index in range(len(headers)) if any(
            index < len(row) and is_filled(row[index]) for row in body
        )},
    )  # fmt: skip
    if len(kept) < len(headers):
        width = len(headers)
        headers = [headers[index] for index in kept]
        body = [
            [row[index] if index < len(row) else None for index in kept] + list(row[width:])
            for row in body
        ]
    body = [
        [unescape_formula(cell) if isinstance(cell, str) else cell for cell in row] for row in body
    ]
    return Table(headers=headers, rows=body, file_format=file_format)


def _bounded_number(kind):
    def parse(text: str):
        if len(text) > MAX_NUMBER_DIGITS:
            raise ImportFileError(
                _("The file holds a number longer than %(digits)d characters.")
                % {"digits": MAX_NUMBER_DIGITS}
            )
        return kind(text)

    return parse


def _no_constant(name: str):
    raise ImportFileError(_("The file holds %(value)s, which is not a value.") % {"value": name})


class _JsonRecord(dict):
    """A JSON object, and the first key it holds twice (json.loads would keep the last)."""

    repeated_key = None


def _json_object(pairs: list[tuple]) -> _JsonRecord:
    record = _JsonRecord(pairs)
    if len(record) < len(pairs):
        seen = set()
        record.repeated_key = next(key for key, _ in pairs if key in seen or seen.add(key))
    return record


def _read_json(text: str, *, limits: Limits) -> Table:
    try:
        records = json.loads(
            text,
            object_pairs_hook=_json_object,
            parse_int=_bounded_number(int),
            parse_float=_bounded_number(float),
            parse_constant=_no_constant,
        )
    except json.JSONDecodeError as error:
        raise ImportFileError(
            _("The file is not valid JSON: %(error)s") % {"error": error}
        ) from error
    except RecursionError as error:
        raise _json_shape_error() from error
    if not isinstance(records, list) or not all(isinstance(item, dict) for item in records):
        raise _json_shape_error()
    if len(records) > limits.rows:
        raise refusals.too_many_rows(limits)
    for number, record in enumerate(records, 1):
        _check_json_record(record, number=number, limits=limits)
    headers = list(dict.fromkeys(key for record in records for key in record))
    if len(headers) > limits.columns:
        raise refusals.too_many_columns(limits)
    if len(records) * len(headers) > limits.cells:
        raise refusals.too_many_cells(limits)
    rows = [[record.get(header) for header in headers] for record in records]
    return Table(headers=headers, rows=rows, file_format="json", first_row_number=1)


def _check_json_record(record: _JsonRecord, *, number: int, limits: Limits) -> None:
    """A record holds each key once, and texts or flat lists no longer than a cell."""
    if record.repeated_key is not None:
        raise ImportFileError(
            _("Record %(number)d holds the key “%(key)s” more than once.")
            % {"number": number, "key": record.repeated_key[:100]}
        )
    for key, value in record.items():
        items = value if isinstance(value, list) else [value]
        if isinstance(value, dict) or any(isinstance(item, list | dict) for item in items):
            raise _json_shape_error()
        if len(key) > limits.cell_chars or any(
            isinstance(item, str) and len(item) > limits.cell_chars for item in items
        ):
            raise refusals.cell_too_long(limits, where=in_record(number=number, key=key))


def _json_shape_error() -> ImportFileError:
    return ImportFileError(
        _(
            "A JSON file must hold a list of objects, one per record, whose values are "
            "texts, numbers, yes/no or lists of slugs."
        )
    )
