"""The parts of an XLSX workbook, from their XML, as openpyxl reads them.

Each class here receives a part's XML from expat (awards.exchange.workbooks feeds it)
and keeps only what a table needs: the relationships, the workbook's sheets and calendar,
the date formats of the cell styles, the shared strings, and the rows of the worksheet.
Texts are kept no longer than a cell may be; the first cell past the last column, the
first row past the last row and the first cell past the limit of cells refuse the file.

The values are those openpyxl gives (read-only, data only): numbers as int when written
without a point or exponent, else float; booleans; inline and shared strings (rich text
runs joined, phonetic runs left out); the cached values of formulas; and numbers in a
date format as openpyxl's own from_excel() converts them, on the workbook's calendar.
"""

import posixpath

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel, from_ISO8601

from awards.exchange import limits as refusals
from awards.exchange.limits import Limits, in_sheet, is_filled

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
# Excel allows 64,000 cell formats; a workbook holds a few sheets and relationships. The
# ones past these are never read (a crafted file could hold millions).
MAX_STYLES = 65_536
MAX_LISTED = 1_000
# Element names as expat gives them (namespace, space, local name).
CELL, VALUE, INLINE, TEXT, ROW, PHONETIC, STRING = (
    f"{MAIN} {tag}" for tag in ("c", "v", "is", "t", "row", "rPh", "si")
)
SHEET, WORKBOOK_PROPERTIES, NUMBER_FORMAT, CELL_STYLES, STYLE = (
    f"{MAIN} {tag}" for tag in ("sheet", "workbookPr", "numFmt", "cellXfs", "xf")
)
RELATIONSHIP, RELATIONSHIP_ID = f"{PACKAGE} Relationship", f"{RELATIONSHIPS} id"
COLUMN_NUMBERS = {get_column_letter(number): number for number in range(1, 16_385)}


class UnreadableWorkbook(ValueError):
    """The XML of a part is not what a workbook holds (a DTD, say)."""


class Handler:
    """A part read for nothing; the parts below keep what a table needs."""

    def start(self, name: str, attributes: dict) -> None:
        pass

    def end(self, name: str) -> None:
        pass

    def text(self, data: str) -> None:
        pass


class Relationships(Handler):
    def __init__(self):
        self.relations = {}

    def start(self, name, attributes):
        if name == RELATIONSHIP and len(self.relations) < MAX_LISTED:
            self.relations[attributes.get("Id")] = (
                attributes.get("Type", ""),
                attributes.get("Target", ""),
            )

    def target_of(self, kind: str, *, base: str) -> str | None:
        for relation_type, target in self.relations.values():
            if relation_type.endswith(kind):
                return part_name(target, base=base)
        return None

    def worksheet(self, rid: str, *, base: str) -> str | None:
        relation_type, target = self.relations.get(rid, ("", ""))
        return part_name(target, base=base) if relation_type.endswith("/worksheet") else None


def part_name(target: str, *, base: str) -> str:
    """A relationship's target as a name in the archive: absolute, or beside its source."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base, target))


class WorkbookPart(Handler):
    def __init__(self):
        self.sheets = []
        self.date1904 = False

    def start(self, name, attributes):
        if name == SHEET and len(self.sheets) < MAX_LISTED:
            self.sheets.append(attributes.get(RELATIONSHIP_ID))
        elif name == WORKBOOK_PROPERTIES:
            # openpyxl's reading of a boolean attribute.
            self.date1904 = attributes.get("date1904", "") not in ("", "false", "f", "0")


class Styles(Handler):
    """The number format of each cell style, known as a date (or duration) format or not."""

    def __init__(self):
        self.custom = {}
        self.cell_formats = []
        self.in_cell_styles = False

    def start(self, name, attributes):
        if name == NUMBER_FORMAT and len(self.custom) < MAX_STYLES:
            code = attributes.get("formatCode")
            self.custom[int(attributes.get("numFmtId", 0))] = (
                is_date_format(code),
                is_timedelta_format(code),
            )
        elif name == CELL_STYLES:
            self.in_cell_styles = True
        elif name == STYLE and self.in_cell_styles and len(self.cell_formats) < MAX_STYLES:
            self.cell_formats.append(int(attributes.get("numFmtId", 0)))

    def end(self, name):
        if name == CELL_STYLES:
            self.in_cell_styles = False

    def kind(self, format_id: int) -> tuple[bool, bool]:
        # A workbook's own format replaces a built-in one of the same number, as in openpyxl.
        if format_id in self.custom:
            return self.custom[format_id]
        code = BUILTIN_FORMATS.get(format_id)
        return is_date_format(code), is_timedelta_format(code)

    def date_styles(self) -> set[int]:
        return {index for index, fmt in enumerate(self.cell_formats) if self.kind(fmt)[0]}

    def timedelta_styles(self) -> set[int]:
        return {index for index, fmt in enumerate(self.cell_formats) if self.kind(fmt)[1]}


class Texts(Handler):
    """The text of ``<t>`` elements directly in a string or in its rich-text runs (not
    in its phonetic runs), kept no longer than a cell may be: all the runs of one string
    or cell (from begin() on) together."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.parts = None
        self.length = 0
        self.in_phonetic = False

    def begin(self) -> None:
        self.length = 0

    def collect(self) -> None:
        self.parts = []

    def text(self, data):
        if self.parts is not None:
            self.length += len(data)
            if self.length > self.limits.cell_chars:
                raise self.too_long()
            self.parts.append(data)

    def collected(self) -> str:
        text = "".join(self.parts)
        self.parts = None
        return text

    def too_long(self):
        return refusals.cell_too_long(self.limits)


class SharedStrings(Texts):
    def __init__(self, limits: Limits):
        super().__init__(limits)
        self.strings = []
        self.string = None

    def start(self, name, attributes):
        if name == STRING:
            if len(self.strings) >= self.limits.cells:
                raise refusals.too_many_shared_strings(self.limits)
            self.string = []
            self.begin()
        elif name == TEXT and self.string is not None and not self.in_phonetic:
            self.collect()
        elif name == PHONETIC:
            self.in_phonetic = True

    def end(self, name):
        if name == TEXT and self.parts is not None:
            self.string.append(self.collected())
        elif name == PHONETIC:
            self.in_phonetic = False
        elif name == STRING:
            # openpyxl drops the escape of an underscore (x005F_) from shared strings.
            self.strings.append("".join(self.string).replace("x005F_", ""))
            self.string = None


def row_number(text: str) -> int:
    """A row's number as openpyxl reads it: an integer, possibly written as a float."""
    try:
        return int(text)
    except ValueError:
        number = float(text)
        if not number.is_integer():
            raise
        return int(number)


class Sheet(Texts):
    """The rows of a worksheet, each cell's value as openpyxl reads it."""

    def __init__(self, limits, *, strings, date_styles, timedelta_styles, epoch):
        super().__init__(limits)
        self.strings = strings
        self.date_styles = date_styles
        self.timedelta_styles = timedelta_styles
        self.epoch = epoch
        self.rows = []
        self.row = []
        self.row_number = 0
        self.column = 0
        self.row_extent = 0
        self.cells = 0
        self.kind = "n"
        self.style = None
        self.value = None
        self.inline = None

    def start(self, name, attributes):
        if name == CELL:
            reference = attributes.get("r")
            # A cell without its reference follows the one before it.
            self.column = (
                COLUMN_NUMBERS[reference.rstrip("0123456789").upper()]
                if reference
                else self.column + 1
            )
            if self.column > self.row_extent:
                # Every cell up to the row's last one counts, the empty ones too.
                self.cells += self.column - self.row_extent
                self.row_extent = self.column
                if self.cells > self.limits.cells:
                    raise refusals.too_many_cells(self.limits, where=self.where())
            self.kind = attributes.get("t", "n")
            self.style = attributes.get("s")
            self.value = self.inline = None
            self.begin()
        elif name == VALUE:
            if self.value is None and self.kind != "inlineStr":
                self.collect()
        elif name == TEXT:
            if self.inline is not None and not self.in_phonetic:
                self.collect()
        elif name == INLINE:
            self.inline = []
        elif name == PHONETIC:
            self.in_phonetic = True
        elif name == ROW:
            number = attributes.get("r")
            self.row_number = row_number(number) if number else self.row_number + 1
            self.row, self.column, self.row_extent = [], 0, 0

    def end(self, name):
        if name == VALUE:
            if self.parts is not None:
                self.value = self.collected()
        elif name == TEXT:
            if self.parts is not None:
                self.inline.append(self.collected())
        elif name == CELL:
            self.keep(self.cell_value())
        elif name == PHONETIC:
            self.in_phonetic = False
        elif name == ROW:
            self.keep_row()

    def cell_value(self):
        kind, text = self.kind, self.value or None
        if kind == "inlineStr":
            return None if self.inline is None else "".join(self.inline)
        if text is None:
            return None
        if kind == "n":
            # openpyxl's reading of a number: a float only when written as one.
            number = float(text) if "." in text or "E" in text or "e" in text else int(text)
            style = int(self.style) if self.style else 0
            if style in self.date_styles:
                try:
                    return from_excel(number, self.epoch, timedelta=style in self.timedelta_styles)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number
        if kind == "s":
            return self.strings[int(text)]
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return from_ISO8601(text)
        return text

    def keep(self, value) -> None:
        if value is None:
            return
        column = self.column
        if column > self.limits.columns:
            if is_filled(value):
                raise refusals.too_many_columns(self.limits, where=self.where())
            return
        row = self.row
        if column > len(row):
            row.extend([None] * (column - 1 - len(row)))
            row.append(value)
        else:
            row[column - 1] = value

    def keep_row(self) -> None:
        number = self.row_number
        # A row numbered before one already read is dropped, as openpyxl drops it.
        if not self.row or number <= len(self.rows) or not any(map(is_filled, self.row)):
            return
        if number > self.limits.rows + 1:
            raise refusals.too_many_rows(self.limits)
        self.rows.extend([] for _ in range(number - 1 - len(self.rows)))
        self.rows.append(self.row)

    def where(self) -> str:
        return in_sheet(row=self.row_number, column=self.column)

    def too_long(self):
        return refusals.cell_too_long(self.limits, where=self.where())
