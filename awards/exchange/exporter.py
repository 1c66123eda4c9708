"""Writing records out as CSV, XLSX or JSON, streamed in chunks so memory stays flat.

The columns are the Resource's fields; values are read with ``values_list`` (relations as
their slugs, joined in the same query) and many-to-many slugs with one query per batch,
so an export costs a few queries per thousand rows, not one per row.
"""

from collections.abc import Iterator

from django.db import models
from django.utils.encoding import force_str
from import_export.resources import Resource

from awards.core.bulk import BATCH_SIZE, chunks
from awards.exchange.columns import Column, export_columns, related_slugs
from awards.exchange.files import write_csv, write_json, write_xlsx


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


def export_records(
    *, resource: Resource, queryset: models.QuerySet, file_format: str, delimiter: str = ","
) -> Iterator[bytes]:
    """The export file in chunks of bytes: CSV in UTF-8 with a BOM, XLSX, or JSON."""
    columns = export_columns(resource)
    headers = [column.name for column in columns]
    rows = iter_export_rows(columns=columns, queryset=queryset)
    if file_format == "csv":
        return write_csv(headers, _cells(columns, rows, "render"), delimiter=delimiter)
    if file_format == "xlsx":
        sheet_title = force_str(resource._meta.model._meta.verbose_name_plural)
        return write_xlsx(headers, _xlsx_cells(columns, rows), sheet_title=sheet_title)
    if file_format == "json":
        return write_json(headers, _cells(columns, rows, "render_native"))
    raise ValueError(f"unknown export format {file_format!r}")


def _cells(columns: list[Column], rows: Iterator[list], render) -> Iterator[list]:
    renderers = [getattr(column.widget, render) for column in columns]
    for row in rows:
        yield [render(value) for render, value in zip(renderers, row, strict=True)]


def _xlsx_cells(columns: list[Column], rows: Iterator[list]) -> Iterator[list]:
    """Numbers and booleans as such (a spreadsheet sums and filters them), the rest as text."""
    for row in rows:
        cells = []
        for column, value in zip(columns, row, strict=True):
            native = column.render_native(value)
            if native is None or isinstance(native, bool | int):
                cells.append(native)
            else:
                cells.append(column.render(value))
        yield cells
