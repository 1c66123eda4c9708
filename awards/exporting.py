"""Writing records out as CSV, XLSX or JSON, streamed in chunks so memory stays flat.

The columns are the Resource's fields; values are read with ``values_list`` (relations
as their slugs, joined in the same query) and many-to-many slugs with one query per
chunk, so an export costs a few queries per thousand rows, not one per row.
"""

import csv
import io
import json
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import models
from import_export.resources import Resource
from import_export.widgets import Widget

CHUNK_SIZE = 2000
FORMATS = ("csv", "xlsx", "json")
UTF8_BOM = "\ufeff"

# A spreadsheet runs a cell that starts with one of these as a formula. The apostrophe
# that escapes it is doubled when the text itself starts with apostrophes before one of
# them, so that unescape_formula() gives back every text exactly.
FORMULA_PREFIX = re.compile(r"'*[=+\-@]")


def escape_formula(text: str) -> str:
    """Prefix an apostrophe to a cell that a spreadsheet would run as a formula."""
    if text and text[0] in "=+-@'" and FORMULA_PREFIX.match(text):
        return "'" + text
    return text


def unescape_formula(text: str) -> str:
    """Undo escape_formula(): drop the apostrophe it added."""
    if text and text[0] == "'" and FORMULA_PREFIX.match(text):
        return text[1:]
    return text


@dataclass(frozen=True)
class ExportColumn:
    name: str
    widget: Widget
    lookup: str | None = None
    m2m: models.ManyToManyField | None = None


def export_columns(resource: Resource) -> list[ExportColumn]:
    """The resource's fields in export order, each with where its value is read."""
    model = resource._meta.model
    columns = []
    for field in resource.get_export_fields():
        model_field = model._meta.get_field(field.attribute)
        if model_field.many_to_many:
            columns.append(ExportColumn(field.column_name, field.widget, m2m=model_field))
        elif model_field.is_relation:
            lookup = f"{field.attribute}__slug"
            columns.append(ExportColumn(field.column_name, field.widget, lookup))
        else:
            columns.append(ExportColumn(field.column_name, field.widget, field.attribute))
    return columns


def iter_export_rows(*, resource: Resource, queryset: models.QuerySet) -> Iterator[list]:
    """Each record's values in column order; many-to-many values as lists of slugs."""
    columns = export_columns(resource)
    lookups = ["pk", *(column.lookup for column in columns if column.lookup)]
    rows = queryset.values_list(*lookups).iterator(chunk_size=CHUNK_SIZE)
    m2m_columns = [column for column in columns if column.m2m is not None]
    while True:
        chunk = [row for _, row in zip(range(CHUNK_SIZE), rows, strict=False)]
        if not chunk:
            return
        related = {
            column.name: related_slugs(column.m2m, [row[0] for row in chunk])
            for column in m2m_columns
        }
        for row in chunk:
            values = iter(row[1:])
            yield [
                related[column.name].get(row[0], []) if column.m2m else next(values)
                for column in columns
            ]


def related_slugs(field: models.ManyToManyField, pks: list[int]) -> dict[int, list[str]]:
    """The sorted slugs each record links to through a many-to-many field."""
    through = field.remote_field.through
    source = f"{field.m2m_field_name()}_id"
    links = (
        through.objects.filter(**{f"{source}__in": pks})
        .values_list(source, f"{field.m2m_reverse_field_name()}__slug")
        .order_by()
    )
    slugs = defaultdict(list)
    for pk, slug in links:
        slugs[pk].append(slug)
    return {pk: sorted(values) for pk, values in slugs.items()}


def export_records(
    *, resource: Resource, queryset: models.QuerySet, file_format: str, delimiter: str = ","
) -> Iterator[bytes]:
    """The export file in chunks of bytes: CSV in UTF-8 with a BOM, XLSX, or JSON.

    Excel in a Russian locale splits CSV at semicolons, hence the choice of delimiter.
    """
    columns = export_columns(resource)
    rows = iter_export_rows(resource=resource, queryset=queryset)
    if file_format == "csv":
        return _csv_chunks(columns, rows, delimiter=delimiter)
    if file_format == "xlsx":
        return _xlsx_chunks(columns, rows)
    if file_format == "json":
        return _json_chunks(columns, rows)
    raise ValueError(f"unknown export format {file_format!r}")


def _csv_chunks(
    columns: list[ExportColumn], rows: Iterable[list], *, delimiter: str
) -> Iterator[bytes]:
    # The BOM tells Excel the file is UTF-8; without it Cyrillic text opens garbled.
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    buffer.write(UTF8_BOM)
    writer.writerow([column.name for column in columns])
    renderers = [column.widget.render for column in columns]
    for number, row in enumerate(rows, 1):
        writer.writerow(
            [escape_formula(render(value)) for render, value in zip(renderers, row, strict=True)]
        )
        if number % CHUNK_SIZE == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def _xlsx_cell(column: ExportColumn, value):
    native = column.widget.render_native(value)
    if isinstance(native, bool | int):
        return native
    if isinstance(native, list):
        native = column.widget.render(native)
    return escape_formula(native)


def _xlsx_chunks(columns: list[ExportColumn], rows: Iterable[list]) -> Iterator[bytes]:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append([column.name for column in columns])
    for row in rows:
        sheet.append(
            [_xlsx_cell(column, value) for column, value in zip(columns, row, strict=True)]
        )
    with tempfile.TemporaryFile() as output:
        workbook.save(output)
        output.seek(0)
        while chunk := output.read(1024 * 1024):
            yield chunk


def _json_chunks(columns: list[ExportColumn], rows: Iterable[list]) -> Iterator[bytes]:
    # One record per line: diffs of two exports stay readable.
    separator = "[\n"
    records = []
    for row in rows:
        record = {
            column.name: column.widget.render_native(value)
            for column, value in zip(columns, row, strict=True)
        }
        records.append(json.dumps(record, ensure_ascii=False))
        if len(records) == CHUNK_SIZE:
            yield (separator + ",\n".join(records)).encode("utf-8")
            separator, records = ",\n", []
    if records:
        yield (separator + ",\n".join(records) + "\n]\n").encode("utf-8")
    else:
        yield ("[\n]\n" if separator == "[\n" else "\n]\n").encode("utf-8")
