"""What the admin shows of an import: the preview of its rows as a Result, and the errors
by row, each beside the row's cells as the file holds them."""

from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from import_export.results import InvalidRow, Result, RowResult

from awards.exchange.admin.changes import changes_preview, record_key, record_name
from awards.exchange.columns import export_columns
from awards.exchange.pipeline.report import ImportReport, RowError

# Rows shown in the admin's preview; the import itself takes every row.
PREVIEW_ROWS = 500
# Cell texts are cut to this length in the table of errors (the failing cells too: the
# message says what is wrong; the file holds the whole text).
ERROR_CELL_CHARS = 200


def result_from_report(resource, report: ImportReport, *, dry_run: bool) -> Result:
    """The admin's view of an import: errors by row and column, or a preview."""
    result = Result()
    result.diff_headers = resource.get_diff_headers()
    result.versions = report.versions
    result.notes = list(report.notes)
    result.error_table = error_table(
        headers=report.headers,
        errors=report.errors,
        cells=report.error_cells,
        more_errors=report.more_errors,
    )
    result.numbering = numbering_note(report.file_format)
    result.total_rows = report.new + report.updated + report.unchanged + report.failed
    result.totals[RowResult.IMPORT_TYPE_NEW] = report.new
    result.totals[RowResult.IMPORT_TYPE_UPDATE] = report.updated
    result.totals[RowResult.IMPORT_TYPE_SKIP] = report.unchanged
    result.totals[RowResult.IMPORT_TYPE_INVALID] = report.failed
    by_row = {}
    for error in report.errors:
        by_row.setdefault(error.row, {}).setdefault(error.column or NON_FIELD_ERRORS, []).append(
            error.message
        )
    if report.more_errors:
        by_row.setdefault(None, {}).setdefault(NON_FIELD_ERRORS, []).append(
            _("… and %(count)d more errors.") % {"count": report.more_errors}
        )
    for number, message_dict in by_row.items():
        result.invalid_rows.append(
            InvalidRow(
                number=number or "—",
                validation_error=ValidationError(message_dict),
                values=report.error_cells.get(number, ()),
            )
        )
    result.changes = (
        changes_preview(export_columns(resource), report, limit=PREVIEW_ROWS) if dry_run else None
    )
    for outcome in report.outcomes[:PREVIEW_ROWS] if dry_run else report.outcomes:
        row_result = RowResult()
        row_result.import_type = outcome.import_type
        row_result.instance = outcome.instance
        row_result.add_instance_info(outcome.instance)
        result.append_row_result(row_result)
    return result


@dataclass
class ErrorCell:
    """A cell with an error: its column, its value as the file holds it, what is wrong."""

    column: str
    value: str
    messages: list[str] = field(default_factory=list)


@dataclass
class ErrorRow:
    """A row of the file with its errors, named by its record (slug and name): each error
    beside the cell it is about, or the row's own."""

    number: int | None
    slug: str = ""
    name: str = ""
    cells: list[ErrorCell] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    conflict: bool = False


@dataclass
class ErrorTable:
    headers: list[str]
    rows: list[ErrorRow]
    more_errors: int = 0

    @property
    def conflicts(self) -> list[ErrorRow]:
        return [row for row in self.rows if row.conflict]


def error_table(*, headers, errors, cells, more_errors: int = 0) -> ErrorTable:
    """The errors of an import by row, each beside the cell it is about as the file holds it.

    ``errors`` are RowError or dicts with the same keys; ``cells`` the cells of
    each row with an error, by row number.
    """
    rows = {}
    for error in errors:
        if isinstance(error, dict):
            error = RowError(**error)
        typed = cells.get(error.row) or cells.get(str(error.row)) or []
        values = dict(zip(headers, typed, strict=False))
        row = rows.get(error.row)
        if row is None:
            row = rows[error.row] = ErrorRow(
                number=error.row, slug=_cut(record_key(values)), name=_cut(record_name(values))
            )
        row.conflict = row.conflict or error.conflict
        if error.column and error.row is not None:
            cell = next((cell for cell in row.cells if cell.column == error.column), None)
            if cell is None:
                cell = ErrorCell(column=error.column, value=_cut(values.get(error.column, "")))
                row.cells.append(cell)
            cell.messages.append(error.message)
        elif error.column:
            row.messages.append(f"{error.column}: {error.message}")
        else:
            row.messages.append(error.message)
    for row in rows.values():
        order = {column: index for index, column in enumerate(headers)}
        row.cells.sort(key=lambda cell: order.get(cell.column, len(order)))
    return ErrorTable(headers=list(headers), rows=list(rows.values()), more_errors=more_errors)


def _cut(text: str) -> str:
    text = str(text)
    return text if len(text) <= ERROR_CELL_CHARS else text[: ERROR_CELL_CHARS - 1] + "…"


def numbering_note(file_format: str) -> str:
    """How the rows are numbered, said on every page that names rows."""
    if file_format == "json":
        return _("Records are numbered from 1, in the order of the file.")
    return _(
        "Rows are numbered as the spreadsheet numbers them: the header is row 1, "
        "the first record row 2."
    )
