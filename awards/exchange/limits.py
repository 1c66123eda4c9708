"""What an import file may hold, and the refusal of a file that holds more.

Every reader (awards.exchange.files for CSV and JSON, awards.exchange.workbooks for XLSX)
checks these limits while it reads, so that a small file crafted to unpack, or to parse,
into gigabytes is refused before it takes the memory or the time: the rows and columns a
table may have, its cells, a cell's length, and for a workbook the bytes its parts unpack
to and how much more than their compressed size. Each refusal is an ImportFileError whose
message names the limit, with its value, and the cell where the file went over it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from openpyxl.utils import get_column_letter

DEFAULT_MAX_ROWS = 200_000
DEFAULT_MAX_COLUMNS = 200
# A registry list of 200,000 rows and its 20 columns is 4,000,000 cells.
DEFAULT_MAX_CELLS = 5_000_000
# A source's full text is one cell (tests hold one of 300,000 characters); far beyond,
# a cell is an attack on the memory, not a text.
DEFAULT_MAX_CELL_CHARS = 1_000_000
DEFAULT_MAX_UNPACKED_BYTES = 256 * 1024 * 1024
# Apache POI's ZipSecureFile refuses a part that unpacks to more than 100 times its
# compressed size (its minimum inflate ratio of 0.01); spreadsheets compress 5 to 30 times.
DEFAULT_MAX_INFLATE_RATIO = 100


class ImportFileError(Exception):
    """A file that cannot be read as a table at all."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Limits:
    """The limits of one reading, from the settings (IMPORT_MAX_*) with their defaults."""

    rows: int = DEFAULT_MAX_ROWS
    columns: int = DEFAULT_MAX_COLUMNS
    cells: int = DEFAULT_MAX_CELLS
    cell_chars: int = DEFAULT_MAX_CELL_CHARS
    unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES
    inflate_ratio: int = DEFAULT_MAX_INFLATE_RATIO

    @classmethod
    def from_settings(cls) -> "Limits":
        return cls(
            rows=getattr(settings, "IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS),
            cells=getattr(settings, "IMPORT_MAX_CELLS", DEFAULT_MAX_CELLS),
            cell_chars=getattr(settings, "IMPORT_MAX_CELL_CHARS", DEFAULT_MAX_CELL_CHARS),
            unpacked_bytes=getattr(
                settings, "IMPORT_MAX_UNPACKED_BYTES", DEFAULT_MAX_UNPACKED_BYTES
            ),
            inflate_ratio=getattr(settings, "IMPORT_MAX_INFLATE_RATIO", DEFAULT_MAX_INFLATE_RATIO),
        )


def is_filled(cell) -> bool:
    """Whether a cell holds something: rows and columns are counted by their filled cells."""
    return cell is not None and cell != "" and not (isinstance(cell, str) and not cell.strip())


# Where a file went over a limit --------------------------------------------------------


def in_sheet(*, row: int, column: int) -> str:
    """A cell of a spreadsheet (or of a CSV file), as the spreadsheet names it."""
    return _("row %(row)d, column %(column)s") % {"row": row, "column": get_column_letter(column)}


def in_record(*, number: int, key: str) -> str:
    """A value of a JSON record."""
    return _("record %(number)d, key “%(key)s”") % {"number": number, "key": key[:100]}


# Refusals -------------------------------------------------------------------------------


def too_many_rows(limits: Limits) -> ImportFileError:
    return ImportFileError(
        _("The file has more than %(limit)d rows; split it into smaller files.")
        % {"limit": limits.rows}
    )


def too_many_columns(limits: Limits, *, where: str | None = None) -> ImportFileError:
    if where is None:
        return ImportFileError(
            _("The file has more than %(limit)d columns.") % {"limit": limits.columns}
        )
    return ImportFileError(
        _("The file has more than %(limit)d columns (%(where)s).")
        % {"limit": limits.columns, "where": where}
    )


def too_many_cells(limits: Limits, *, where: str | None = None) -> ImportFileError:
    if where is None:
        message = ngettext(
            "The file has more than %(limit)d cell; split it into smaller files.",
            "The file has more than %(limit)d cells; split it into smaller files.",
            limits.cells,
        )
    else:
        message = ngettext(
            "The file has more than %(limit)d cell (%(where)s); split it into smaller files.",
            "The file has more than %(limit)d cells (%(where)s); split it into smaller files.",
            limits.cells,
        )
    return ImportFileError(message % {"limit": limits.cells, "where": where})


def too_many_shared_strings(limits: Limits) -> ImportFileError:
    return ImportFileError(
        ngettext(
            "The workbook holds more than %(limit)d shared string, the limit of cells.",
            "The workbook holds more than %(limit)d shared strings, the limit of cells.",
            limits.cells,
        )
        % {"limit": limits.cells}
    )


def cell_too_long(limits: Limits, *, where: str | None = None) -> ImportFileError:
    if where is None:
        message = ngettext(
            "The file holds a text longer than %(limit)d character.",
            "The file holds a text longer than %(limit)d characters.",
            limits.cell_chars,
        )
    else:
        message = ngettext(
            "The cell at %(where)s is longer than %(limit)d character.",
            "The cell at %(where)s is longer than %(limit)d characters.",
            limits.cell_chars,
        )
    return ImportFileError(message % {"limit": limits.cell_chars, "where": where})


def unpacks_too_large(limits: Limits) -> ImportFileError:
    return ImportFileError(
        _("The workbook unpacks to more than %(limit)s, the limit of an imported workbook.")
        % {"limit": filesizeformat(limits.unpacked_bytes)}
    )


def inflates_too_much(limits: Limits) -> ImportFileError:
    return ImportFileError(
        ngettext(
            "A part of the workbook unpacks to more than %(ratio)d time its compressed size: "
            "the file is a zip bomb, not a spreadsheet.",
            "A part of the workbook unpacks to more than %(ratio)d times its compressed size: "
            "the file is a zip bomb, not a spreadsheet.",
            limits.inflate_ratio,
        )
        % {"ratio": limits.inflate_ratio}
    )
