"""The full-text index of the records' text, kept current on every write.

One table, ``awards_searchentry``: on SQLite an FTS5 virtual table, on PostgreSQL a table
with a stored generated ``tsvector`` column and a GIN index (migration 0006). Each record
has one entry, keyed by its kind and primary key (``entry_id``), holding the words of its
names and of its other text in both languages, lower-cased, "ё" read as "е". Both
databases split that text into the same words, so the same query finds the same records.

Every record is indexed, drafts included: whether the public may see a record is decided
when searching, by its QuerySet's ``published()``, so a title published or withdrawn never
leaves stale entries for its provisions. Writers keep the index current through
``awards.records.writes``: each save or delete (admin, fixtures, revert) and each bulk write
(``revisions.record_bulk_changes``: imports, fixtures) rewrites the entries of its records,
in its own transaction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps as current_apps
from django.db import connections, router
from django.db.models import Model

from awards.core.bulk import chunks
from awards.search.hidden_names import person_hidden_names

TABLE = "awards_searchentry"
# Entry keys: the kind's number times KIND_SPAN plus the record's primary key, so the
# entries of one kind are a range of keys (searched with the full-text match on both
# databases) and the entry of a record is found by its key.
KIND_SPAN = 2**40
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchableKind:
    model_label: str
    name_fields: tuple[str, ...]
    text_fields: tuple[str, ...] = ()
    # Names found but not shown (awards.search.hidden_names): a function of (apps, rows,
    # using) giving, by record key, texts indexed with the names.
    hidden_names: Callable[..., dict[int, list[str]]] | None = None

    @property
    def fields(self) -> tuple[str, ...]:
        return (*self.name_fields, *self.text_fields)


# In the order search results are shown; each field is translated (``_ru`` and ``_en``).
SEARCHABLE_KINDS = (
    SearchableKind("awards.Title", ("name",), ("description",)),
    SearchableKind("awards.Decree", ("name",), ("summary",)),
    SearchableKind("awards.Medal", ("name",), ("description",)),
    SearchableKind("awards.Event", ("name",), ("description",)),
    SearchableKind("awards.Authority", ("name", "short_name"), ("description",)),
    # People of the registry are found by where they were born and died and by their
    # occupation as well as by name, and by name in every spelling and their other names.
    SearchableKind(
        "awards.Person",
        ("name",),
        ("description", "occupation", "birth_place", "death_place"),
        hidden_names=person_hidden_names,
    ),
    SearchableKind("awards.Provision", ("value",), ("note",)),
    SearchableKind("awards.Citation", ("quote",)),
    SearchableKind("awards.Source", ("name",)),
)
LANGUAGES = ("ru", "en")


def words(text: str) -> list[str]:
    """The words of a text as the index holds them: lower case, "ё" as "е", no punctuation."""
    return WORD.findall(text.lower().replace("ё", "е"))


def kind_number(model: type[Model]) -> int | None:
    """The position of a model among the searchable kinds (None: not searchable)."""
    label = model._meta.label
    for number, kind in enumerate(SEARCHABLE_KINDS):
        if kind.model_label == label:
            return number
    return None


def entry_id(number: int, pk: int) -> int:
    return number * KIND_SPAN + pk


def index_id_column(connection) -> str:
    """The column of the entries' keys: FTS5's rowid, or the table's primary key."""
    return "rowid" if connection.vendor == "sqlite" else "id"


def _text(values: Iterable) -> str:
    return " ".join(word for value in values if value for word in words(str(value)))


def _entries(
    number: int, kind: SearchableKind, rows: list[dict], *, apps, using: str
) -> list[tuple[int, str, str]]:
    hidden = (
        {} if kind.hidden_names is None else kind.hidden_names(apps=apps, rows=rows, using=using)
    )

    def text(row, fields):
        return _text(row.get(f"{field}_{language}") for field in fields for language in LANGUAGES)

    entries = []
    for row in rows:
        names = text(row, kind.name_fields)
        shown = set(names.split())
        unseen = dict.fromkeys(
            word for word in _text(hidden.get(row["pk"], ())).split() if word not in shown
        )
        entries.append(
            (entry_id(number, row["pk"]), " ".join((names, *unseen)), text(row, kind.text_fields))
        )
    return entries


def _row_of(record: Model, kind: SearchableKind) -> dict:
    row = {"pk": record.pk}
    for field in kind.fields:
        for language in LANGUAGES:
            name = f"{field}_{language}"
            row[name] = getattr(record, name, "")
    return row


def entries_of(*, model: type[Model], rows: list[dict]) -> list[tuple[int, str, str]]:
    """The entries (key, names, other text) of records of a searchable model, given as
    rows of values: ``pk`` and each indexed field in each language (``name_ru``, …)."""
    number = kind_number(model)
    kind = SEARCHABLE_KINDS[number]
    return _entries(number, kind, rows, apps=current_apps, using=router.db_for_write(model))


def index_records(*, model: type[Model], records: Iterable[Model]) -> None:
    """Write (or rewrite) the entries of the given records of one model, a batch at a
    time: an import of 100,000 records holds one batch of entries, not all of them."""
    number = kind_number(model)
    if number is None:
        return
    kind = SEARCHABLE_KINDS[number]
    for chunk in chunks(records):
        _write_entries(model, entries_of(model=model, rows=[_row_of(r, kind) for r in chunk]))


def remove_records(*, model: type[Model], pks: Iterable[int]) -> None:
    """Remove the entries of deleted records."""
    number = kind_number(model)
    if number is None:
        return
    connection = connections[router.db_for_write(model)]
    with connection.cursor() as cursor:
        for chunk in chunks(entry_id(number, pk) for pk in pks):
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE {index_id_column(connection)} IN "
                f"({', '.join(['%s'] * len(chunk))})",
                chunk,
            )


def _write_entries(model: type[Model], entries: list[tuple[int, str, str]]) -> None:
    connection = connections[router.db_for_write(model)]
    id_column = index_id_column(connection)
    with connection.cursor() as cursor:
        for chunk in chunks(entries, size=500):
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE {id_column} IN ({', '.join(['%s'] * len(chunk))})",
                [entry[0] for entry in chunk],
            )
            cursor.executemany(
                f"INSERT INTO {TABLE} ({id_column}, names, body) VALUES (%s, %s, %s)", chunk
            )


def rebuild_search_index(*, apps=None, using: str = "default") -> int:
    """Index every record again from scratch; the number of entries written.

    ``apps``: the app registry of a migration (the current models by default).
    """
    if apps is None:
        apps = current_apps
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
    written = 0
    for number, kind in enumerate(SEARCHABLE_KINDS):
        model = apps.get_model(kind.model_label)
        columns = [f"{field}_{language}" for field in kind.fields for language in LANGUAGES]
        rows = model._base_manager.using(using).values("pk", *columns).order_by().iterator(2000)
        for chunk in chunks(rows):
            entries = _entries(number, kind, chunk, apps=apps, using=using)
            _write_entries(model, entries)
            written += len(entries)
    return written


def create_index_table(connection) -> None:
    """The table of entries and its index, as the database does full-text search."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # remove_diacritics 0: "й" stays apart from "и"; words come pre-split anyway.
            cursor.execute(
                f"CREATE VIRTUAL TABLE {TABLE} USING fts5(names, body, "
                "tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4')"
            )
        elif connection.vendor == "postgresql":
            # 'simple': the words are matched as written; stems are the query's business.
            cursor.execute(
                f"CREATE TABLE {TABLE} (id bigint PRIMARY KEY, names text NOT NULL, "
                "body text NOT NULL, document tsvector GENERATED ALWAYS AS ("
                "setweight(to_tsvector('simple'::regconfig, names), 'A') || "
                "setweight(to_tsvector('simple'::regconfig, body), 'B')) STORED)"
            )
            cursor.execute(f"CREATE INDEX {TABLE}_document ON {TABLE} USING gin (document)")
        else:
            raise NotImplementedError(f"No full-text search on {connection.vendor}.")


def drop_index_table(connection) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
