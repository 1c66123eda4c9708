"""Writing records out as CSV, XLSX or JSON, streamed in chunks so memory stays flat: every
kind (awards.exchange.kinds) gives its headers and rows, ``export_file`` writes them.

The columns of a kind of record are the Resource's fields; values are read with
``values_list`` (relations as their slugs, joined in the same query) and many-to-many
slugs with one query per batch, so an export costs a few queries per thousand rows, not
one per row.
"""

from collections.abc import Iterator
from typing import Protocol

from django.db import models

from awards.core.bulk import BATCH_SIZE, chunks
from awards.exchange.columns import Column, related_slugs
from awards.exchange.writing import write_csv, write_json, write_xlsx


def iter_export_rows(*, columns: list[Column], queryset: models.QuerySet) -> Iterator[list]:
    """Each record's values in column order; many-to-many values as lists of slugs."""
    lookups = ["pk", *(column.export_lookup for column in columns if column.export_lookup)]
    many = [column for column in columns if column.export_lookup is None]
    # Where each column's value is: a position in the values_list row, or a link column.
    positions = []
    read = 1
    for column in columns:
        if column.export_lookup is None:
            positions.append(column.name)
        else:
            positions.append(read)
            read += 1
    rows = queryset.values_list(*lookups).iterator(chunk_size=BATCH_SIZE)
    for chunk in chunks(rows):
        related = {column.name: related_slugs(column, [row[0] for row in chunk]) for column in many}
        for row in chunk:
            yield [
                row[place] if isinstance(place, int) else related[place].get(row[0], [])
                for place in positions
            ]


class ExportKind(Protocol):
    """A kind of export: its sheet's title, its headers and its rows as a format's cells."""

    sheet_title: str

    def export_table(
        self, *, file_format: str, queryset: models.QuerySet | None
    ) -> tuple[list[str], Iterator[list]]: ...


def export_file(
    *,
    kind: ExportKind,
    file_format: str,
    queryset: models.QuerySet | None = None,
    delimiter: str = ",",
) -> Iterator[bytes]:
    """The export file in chunks of bytes: CSV in UTF-8 with a BOM, XLSX, or JSON; of the
    kind's every record, or of ``queryset``."""
    headers, rows = kind.export_table(file_format=file_format, queryset=queryset)
    if file_format == "csv":
        return write_csv(headers, rows, delimiter=delimiter)
    if file_format == "xlsx":
        return write_xlsx(headers, rows, sheet_title=kind.sheet_title)
    if file_format == "json":
        return write_json(headers, rows)
    raise ValueError(f"unknown export format {file_format!r}")


def record_cells(
    *, columns: list[Column], queryset: models.QuerySet, file_format: str
) -> Iterator[list]:
    """Records' rows as a format's cells: texts in CSV, native values in JSON, numbers and
    booleans as such in XLSX (a spreadsheet sums and filters them), the rest as text."""
    rows = iter_export_rows(columns=columns, queryset=queryset)
    if file_format == "xlsx":
        return _xlsx_cells(columns, rows)
    return _cells(columns, rows, "render_native" if file_format == "json" else "render")


def _cells(columns: list[Column], rows: Iterator[list], render) -> Iterator[list]:
    renderers = [getattr(column.widget, render) for column in columns]
    for row in rows:
        yield [render(value) for render, value in zip(renderers, row, strict=True)]


def _xlsx_cells(columns: list[Column], rows: Iterator[list]) -> Iterator[list]:
    for row in rows:
        cells = []
        for column, value in zip(columns, row, strict=True):
            native = column.render_native(value)
            if native is None or isinstance(native, bool | int):
                cells.append(native)
            else:
                cells.append(column.render(value))
        yield cells
