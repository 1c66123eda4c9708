"""Reading and writing many rows at once: one batch size, one way to read many-to-many links.

Imports, exports, fixture loading and the edit history all work on thousands of records;
each reads relations with a fixed number of queries per batch, never one per record.
"""

from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import connections, models, router

# Below SQLite's limit of 32,766 parameters for the widest row written in one statement.
BATCH_SIZE = 2000


def chunks(items: Iterable, size: int = BATCH_SIZE) -> Iterator[list]:
    """The items in lists of at most ``size``."""
    items = iter(items)
    while chunk := list(islice(items, size)):
        yield chunk


def link_columns(field: models.ManyToManyField) -> tuple[type[models.Model], str, str]:
    """The through model of a many-to-many field and its two key columns (record, target)."""
    return (
        field.remote_field.through,
        f"{field.m2m_field_name()}_id",
        f"{field.m2m_reverse_field_name()}_id",
    )


def links_of(field: models.ManyToManyField, record_pks: Iterable[int], *values: str) -> Iterator:
    """The links of the given records through a many-to-many field, batch by batch.

    Each link is a tuple of ``values`` (lookups on the through model, e.g. ``"id"``, the
    record column, or ``f"{target}__slug"``).
    """
    through, source, _target = link_columns(field)
    for chunk in chunks(record_pks):
        yield from (
            through.objects.filter(**{f"{source}__in": chunk}).values_list(*values).order_by()
        )


def insert_rows(model: type[models.Model], columns: list[str], rows: Iterable[tuple]) -> None:
    """Insert rows of plain database values (keys, numbers) with one ``executemany`` per
    batch: for link and snapshot tables, whose rows need no model instance to be built."""
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(column) for column in columns),
        ", ".join(["%s"] * len(columns)),
    )
    with connection.cursor() as cursor:
        for chunk in chunks(rows):
            cursor.executemany(sql, chunk)


def delete_rows(model: type[models.Model], pks: Iterable[int]) -> None:
    """Delete rows of a link table by primary key, one statement per batch.

    ``QuerySet.delete()`` first collects what would cascade, then deletes in batches of a
    hundred on PostgreSQL: a link row has nothing to cascade to.
    """
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    table, key = quote(model._meta.db_table), quote(model._meta.pk.column)
    with connection.cursor() as cursor:
        for chunk in chunks(pks):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {table} WHERE {key} IN ({marks})", chunk)
