"""What the admin shows of an import: the preview of its rows as a Result, and the errors
by row, each beside the row's cells as the file holds them."""

from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext as _
from import_export.results import InvalidRow, Result, RowResult

from awards.exchange.columns import export_columns
from awards.exchange.pipeline.report import ImportReport, RowError, RowOutcome

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
    columns = export_columns(resource)
    for outcome in report.outcomes[:PREVIEW_ROWS] if dry_run else report.outcomes:
        row_result = RowResult()
        row_result.import_type = outcome.import_type
        row_result.instance = outcome.instance
        row_result.add_instance_info(outcome.instance)
        row_result.diff = _preview_cells(columns, outcome) if dry_run else None
        result.append_row_result(row_result)
    return result


def _preview_cells(columns, outcome: RowOutcome) -> list:
    cells = []
    for column in columns:
        if column.name not in outcome.values:
            cells.append("")
            continue
        new = column.render(outcome.values[column.name])
        if column.name in outcome.previous:
            old = column.render(outcome.previous[column.name])
            cells.append(format_html("<del>{}</del> <ins>{}</ins>", old, new))
        else:
            cells.append(new)
    return cells


@dataclass
class ErrorCell:
    value: str
    messages: list[str] = field(default_factory=list)


@dataclass
class ErrorRow:
    """A row of the file with its errors: beside the cells they are about, or the row's."""

    number: int | None
    cells: list[ErrorCell]
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
    """The errors of an import by row, each beside the row's cells as the file holds them.

    ``errors`` are RowError or dicts with the same keys; ``cells`` the cells of
    each row with an error, by row number.
    """
    rows = {}
    for error in errors:
        if isinstance(error, dict):
            error = RowError(**error)
        row = rows.get(error.row)
        if row is None:
            values = cells.get(error.row) or cells.get(str(error.row)) or []
            row = rows[error.row] = ErrorRow(
                number=error.row,
                cells=[
                    ErrorCell(_cut(values[index] if index < len(values) else ""))
                    for index in range(len(headers))
                ],
            )
        row.conflict = row.conflict or error.conflict
        if error.column in headers and error.row is not None:
            row.cells[headers.index(error.column)].messages.append(error.message)
        elif error.column:
            row.messages.append(f"{error.column}: {error.message}")
        else:
            row.messages.append(error.message)
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
