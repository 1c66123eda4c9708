"""Stage 2 of a kind of record matched by slug: the header row checked, each cell made a
field value through its column (the widget, then the field's own validation)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from awards.exchange.columns import Column
from awards.exchange.files import Table, is_filled
from awards.exchange.pipeline.report import PROGRESS_EVERY, ImportReport

# The column that carries the version a row was exported from: checked, never written.
VERSION_COLUMN = "version"


# Slots: an import keeps one per row.
@dataclass(slots=True)
class CleanRow:
    number: int
    values: dict


def check_headers(*, columns: dict[str, Column], table: Table, report: ImportReport) -> None:
    """Every column known, none twice, every required one present."""
    header_row = table.header_row_number
    seen = set()
    for header in table.headers:
        if header in seen:
            report.add_error(header_row, header, _("The column appears twice in the file."))
        seen.add(header)
        if header not in columns:
            report.add_error(
                header_row,
                header,
                _("Unknown column. The columns of this kind of record are: %(columns)s.")
                % {"columns": ", ".join(columns)},
            )
    for name, column in columns.items():
        if (column.required or name == "slug") and name not in seen:
            report.add_error(header_row, name, _("This required column is missing from the file."))


def clean_rows(
    *, columns: dict[str, Column], table: Table, report: ImportReport, track=None
) -> list[CleanRow]:
    """Each non-empty row's values by column; a slug seen twice is an error. A row without
    a version (added to an exported file) is as good as a row of a file without the column."""
    present = [(index, columns[header]) for index, header in enumerate(table.headers)]
    width = len(table.headers)
    rows = []
    first_seen = {}
    for offset, cells in enumerate(table.rows):
        number = table.first_row_number + offset
        if track is not None and offset % PROGRESS_EVERY == 0 and offset:
            track(stage="clean", read=offset)
        if not any(is_filled(cell) for cell in cells):
            continue
        if len(cells) > width and any(is_filled(cell) for cell in cells[width:]):
            report.add_error(number, "", _("The row has more cells than the file has columns."))
        values = {}
        for index, column in present:
            cell = cells[index] if index < len(cells) else None
            if column.name == VERSION_COLUMN and not is_filled(cell):
                continue
            try:
                values[column.name] = column.clean(cell)
            except ValidationError as error:
                for message in error.messages:
                    report.add_error(number, column.name, message)
        slug = values.get("slug")
        if slug is None:
            continue
        if slug in first_seen:
            report.add_error(
                number,
                "slug",
                _("The slug “%(slug)s” is already used in row %(row)d of the file.")
                % {"slug": slug, "row": first_seen[slug]},
            )
            continue
        first_seen[slug] = number
        rows.append(CleanRow(number, values))
    if track is not None:
        track(stage="clean", read=len(table.rows))
    return rows
