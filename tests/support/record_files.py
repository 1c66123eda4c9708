"""Records of one kind out as a file and back in, through the exchange pipeline."""

import csv
import io

from awards.exchange.exporter import export_file
from awards.exchange.files import read_table
from awards.exchange.kinds.records import RecordKind
from awards.exchange.pipeline.run import import_table
from awards.exchange.resources import RESOURCES, resource_for

# The registry of conferments ships empty (tests/exchange/kinds/registry_list/test_export.py
# round-trips it).
DEPENDENCY_ORDER = [name for name in RESOURCES if name != "conferment"]


def export_bytes(model_name: str, file_format: str = "csv") -> bytes:
    """Every record of the model, exported as the commands and the admin export them."""
    resource = resource_for(model_name)()
    return b"".join(
        export_file(
            kind=RecordKind(resource), queryset=resource.get_queryset(), file_format=file_format
        )
    )


def import_bytes(model_name: str, data: bytes, file_format: str = "csv", **options):
    """The report of a file imported into the model (``options``: user, dry_run…)."""
    table = read_table(data, file_format=file_format)
    return import_table(kind=RecordKind(resource_for(model_name)()), table=table, **options)


def csv_file(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def import_csv(text: str, **options):
    """The report of a CSV text of people imported."""
    return import_bytes("person", text.encode(), **options)


def export_people() -> str:
    """Every person as a CSV text."""
    return export_bytes("person").decode("utf-8-sig")


def edited_export(model_name: str, *, slug: str, column: str, old: str, new: str) -> bytes:
    """Every record of the model as exported, one cell of one record edited as an editor
    would in a spreadsheet: ``old`` replaced by ``new`` in it, the other rows as they are."""
    header, *rows = csv.reader(io.StringIO(export_bytes(model_name).decode("utf-8-sig")))
    (row,) = [row for row in rows if row[0] == slug]
    index = header.index(column)
    assert old in row[index], f"{old!r} is not in {slug}'s {column}"
    row[index] = row[index].replace(old, new, 1)
    output = io.StringIO()
    csv.writer(output).writerows([header, *rows])
    return output.getvalue().encode()
