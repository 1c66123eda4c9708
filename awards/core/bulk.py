"""Reading and writing many rows at once: one batch size, one way to read many-to-many links.

Imports, exports, fixture loading and the edit history all work on thousands of records;
each reads relations with a fixed number of queries per batch, never one per record.
"""

from collections.abc import Callable, Iterable, Iterator
from functools import cache
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
    batch (on PostgreSQL, one ``COPY``): for link and snapshot tables, whose rows need no
    model instance to be built."""
    connection = connections[router.db_for_write(model)]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            _copy_rows(cursor, model._meta.db_table, columns, rows, connection=connection)
        return
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(column) for column in columns),
        ", ".join(["%s"] * len(columns)),
    )
    with connection.cursor() as cursor:
        for chunk in chunks(rows):
            cursor.executemany(sql, chunk)


def _copy_rows(cursor, table: str, columns: list[str], rows: Iterable, *, connection) -> None:
    """PostgreSQL's ``COPY … FROM STDIN``: rows streamed to the server with no statement to
    parse per row. psycopg's client-side binding (Django's default) splits every statement
    in Python, and a multi-row ``INSERT`` of a batch is too long for its cache: it spent
    more time splitting than the server spent inserting."""
    quote = connection.ops.quote_name
    sql = "COPY {} ({}) FROM STDIN".format(
        quote(table), ", ".join(quote(column) for column in columns)
    )
    with cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


# Rows written at once beyond which the database's statistics are brought up to date.
ANALYZE_AFTER_ROWS = BATCH_SIZE


def analyze(*models_written: type[models.Model], rows: int) -> None:
    """Refresh PostgreSQL's statistics of tables that a bulk write changed much.

    Which of the registry's indexes serves a filter best depends on how many rows a value
    selects. PostgreSQL plans by its statistics, which autovacuum refreshes only some time
    after a large import: until then it would plan a 200,000-row registry as the empty one
    it analysed. SQLite is left without statistics on purpose: with them it chose to build
    a Bloom filter over every person for the unfiltered list (30 ms instead of 1 ms), and
    without them it prefers the index that matches the most equalities, which the
    registry's indexes are laid out for.
    """
    if rows < ANALYZE_AFTER_ROWS:
        return
    connection = connections[router.db_for_write(models_written[0])]
    if connection.vendor != "postgresql":
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in models_written:
            cursor.execute(f"ANALYZE {quote(model._meta.db_table)}")


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


# Building and inserting new records in bulk --------------------------------------------
#
# An import of tens of thousands of records spent most of its time not in the database but
# in building instances and preparing their values: modeltranslation rewrites every keyword
# of a keyword constructor, and ``bulk_create`` sends each value of each field through the
# query compiler. Records built and written here take the paths Django takes for rows it
# reads: positional construction, values as the columns hold them.

# Fields whose Python value is already the database value (text, numbers, booleans, keys):
# Django's own classes, not subclasses, which may convert (awards.fields.PartialDateField).
_PLAIN_FIELDS = frozenset(
    {
        models.AutoField,
        models.BigAutoField,
        models.BigIntegerField,
        models.BooleanField,
        models.CharField,
        models.IntegerField,
        models.PositiveIntegerField,
        models.PositiveSmallIntegerField,
        models.SlugField,
        models.SmallIntegerField,
        models.TextField,
    }
)


@cache
def _defaults(model: type[models.Model]) -> tuple[tuple[str, Callable | None, object], ...]:
    """Each concrete field's attname with its default: a callable to call per record
    (``timezone.now``), or a constant computed once."""
    defaults = []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            defaults.append((field.attname, None, None))
        elif field.has_default() and callable(field.default):
            defaults.append((field.attname, field.default, None))
        else:
            defaults.append((field.attname, None, field.get_default()))
    return tuple(defaults)


def build(model: type[models.Model], values: dict) -> models.Model:
    """A new, unsaved record from values by attname (``person_id``, ``name_ru``); fields
    not given take their defaults. Built positionally, as Django builds the rows it reads."""
    args = [
        values[attname]
        if attname in values
        else (make() if make is not None else constant)
        for attname, make, constant in _defaults(model)
    ]  # fmt: skip
    return model(*args)


_PREPARING = ("get_db_prep_save", "get_db_prep_value", "get_prep_value")


def _is_plain(field: models.Field) -> bool:
    """Whether a field's value is written as it is held: a key, or a field of one of the
    plain classes (a translation of one included) that prepares values as that class does."""
    if field.is_relation:
        return True
    kind = type(field)
    base = next((klass for klass in kind.__mro__ if klass in _PLAIN_FIELDS), None)
    return base is not None and all(
        getattr(kind, method) is getattr(base, method) for method in _PREPARING
    )


def _converter(field: models.Field, connection) -> Callable | None:
    """How a field's value becomes the database's: None where it already is one. A
    record's times are mostly one value (the write's), converted once."""
    if _is_plain(field):
        return None
    last = [object(), None]

    def convert(value):
        if value is not last[0]:
            last[0], last[1] = value, field.get_db_prep_save(value, connection)
        return last[1]

    return convert


def _read_through_descriptor(model: type[models.Model]) -> frozenset[str]:
    """The attnames of a model whose value is not simply what the record holds: a
    translated field's own column, which takes the current language's value (with its
    fallbacks) as ``save`` and ``bulk_create`` write it."""
    from modeltranslation.fields import TranslationFieldDescriptor

    return frozenset(
        name
        for klass in model.__mro__
        for name, attribute in vars(klass).items()
        if isinstance(attribute, TranslationFieldDescriptor)
    )


def column_values(
    fields: list[models.Field], connection, *, model: type[models.Model]
) -> Callable[[models.Model], list]:
    """A function giving the values of ``fields`` of a record of ``model`` as the database
    takes them, as ``bulk_create`` would write them: read as held, converted only where
    the field's type needs it."""
    described = _read_through_descriptor(model)
    getters = [
        (field.attname, field.attname in described, _converter(field, connection))
        for field in fields
    ]

    def values(record: models.Model) -> list:
        held = record.__dict__
        row = []
        for attname, through_descriptor, convert in getters:
            if through_descriptor or attname not in held:
                value = getattr(record, attname)
            else:
                value = held[attname]
            row.append(value if convert is None else convert(value))
        return row

    return values


def create_records(model: type[models.Model], records: list[models.Model]) -> None:
    """Insert new records with one multi-row ``INSERT … RETURNING`` per batch (on
    PostgreSQL, keys from the sequence and ``COPY``) and give each its primary key, as
    ``bulk_create`` does (records related to one saved since it was assigned take its
    key), without the query compiler's work per value."""
    if not records:
        return
    alias = router.db_for_write(model)
    connection = connections[alias]
    if not connection.features.can_return_rows_from_bulk_insert:
        model._base_manager.using(alias).bulk_create(records, batch_size=BATCH_SIZE // 4)
        return
    opts = model._meta
    fields = [field for field in opts.concrete_fields if not field.primary_key]
    relations = [field for field in fields if field.is_relation]
    values = column_values(fields, connection, model=model)
    if connection.vendor == "postgresql":
        _copy_records(model, records, fields=fields, values=values, connection=connection)
        for record in records:
            record._state.adding = False
            record._state.db = alias
        return
    quote = connection.ops.quote_name
    row_marks = "({})".format(", ".join(["%s"] * len(fields)))
    size = max(1, connection.ops.bulk_batch_size(fields, records))
    sql_start = "INSERT INTO {} ({}) VALUES ".format(
        quote(opts.db_table), ", ".join(quote(field.column) for field in fields)
    )
    returning = f" RETURNING {quote(opts.pk.column)}"
    with connection.cursor() as cursor:
        for chunk in chunks(records, min(size, BATCH_SIZE // 4)):
            params = []
            for record in chunk:
                _take_related_keys(record, relations)
                params += values(record)
            cursor.execute(
                sql_start + ", ".join([row_marks] * len(chunk)) + returning,
                params,
            )
            for record, (pk,) in zip(chunk, cursor.fetchall(), strict=True):
                record.pk = pk
                record._state.adding = False
                record._state.db = alias


def _take_related_keys(record: models.Model, relations: list[models.Field]) -> None:
    """A record related to one saved since it was assigned takes its key."""
    for field in relations:
        if field.is_cached(record) and getattr(record, field.attname) is None:
            related = field.get_cached_value(record)
            if related is not None:
                setattr(record, field.attname, related.pk)


def _copy_records(model, records, *, fields, values, connection) -> None:
    """New records on PostgreSQL: their keys taken from the table's sequence, batch by
    batch, then the rows copied (``_copy_rows``) with them."""
    opts = model._meta
    quote = connection.ops.quote_name
    relations = [field for field in fields if field.is_relation]
    columns = [opts.pk.column, *(field.column for field in fields)]
    with connection.cursor() as cursor:
        for chunk in chunks(records):
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [quote(opts.db_table), opts.pk.column, len(chunk)],
            )
            for record, (pk,) in zip(chunk, cursor.fetchall(), strict=True):
                record.pk = pk
            rows = []
            for record in chunk:
                _take_related_keys(record, relations)
                rows.append((record.pk, *values(record)))
            _copy_rows(cursor, opts.db_table, columns, rows, connection=connection)
