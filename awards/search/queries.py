"""Search over the published records, in both languages, grouped by kind.

A query is split into words the way the index splits text (``awards.search.index``); each
word is reduced to its Snowball stem (Russian for Cyrillic, English for Latin letters) and
found as the beginning of a word of the record. So any form finds the others: "медали"
(stem "меда") finds "медаль", "героя" finds "Герой", "указом" finds "Указ", "ленина" finds
"Ленина" — the Russian stemmer gives different stems to forms of one word ("медаль" →
"медал", "медали" → "меда"), so stems are matched against the words themselves, not
against each other's stems (a stem the stemmer changed a letter of, English "probny" →
"probni", by the part it shares with the word). The last word is also what a visitor may
still be typing: it is always a prefix. A record must contain every word; words of one or
two letters (except the last) must appear whole.

The match runs on the index of each database (FTS5 on SQLite, a GIN-indexed tsvector on
PostgreSQL) and is the same on both; the rank is each database's (bm25, ts_rank), names
weighing more than the rest. Whether the public may see a record is its QuerySet's
``published()``, checked for each match by its primary key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import Stemmer
from django.apps import apps
from django.db import connections
from django.db.models import Model
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from awards.search.index import (
    KIND_SPAN,
    LANGUAGES,
    SEARCHABLE_KINDS,
    TABLE,
    WORD,
    SearchableKind,
    words,
)

MAX_RESULTS_PER_KIND = 50
MAX_QUERY_WORDS = 8
SHORT_WORD = 2
SNIPPET_WORDS = 24
# bm25 weights of the FTS5 columns (names, body); ts_rank weighs them as 'A' and 'B'.
NAME_WEIGHT, BODY_WEIGHT = 10.0, 1.0
CYRILLIC = re.compile(r"[а-я]")


@cache
def _stemmer(language: str):
    return Stemmer.Stemmer(language)


def stem(word: str) -> str:
    """The Snowball stem of a lower-case word: Russian if it has Cyrillic letters, else English."""
    return _stemmer("russian" if CYRILLIC.search(word) else "english").stemWord(word)


@dataclass(frozen=True)
class Term:
    """One word of a query: what a word of the record must begin with (or be)."""

    text: str
    prefix: bool

    def matches(self, word: str) -> bool:
        return word.startswith(self.text) if self.prefix else word == self.text


def query_terms(query: str) -> list[Term]:
    """The terms of a query: each word's stem as a prefix, short words whole but the last."""
    found = words(query)[:MAX_QUERY_WORDS]
    terms = []
    for number, word in enumerate(found):
        last = number == len(found) - 1
        if len(word) <= SHORT_WORD and not last:
            terms.append(Term(word, prefix=False))
        else:
            terms.append(Term(_beginning(word), prefix=True))
    return list(dict.fromkeys(terms))


def _beginning(word: str) -> str:
    """What a word of the record must begin with to be a form of ``word``: its stem, or
    where the stemmer changed a letter (English "probny" → "probni") the part the stem
    and the word share, so that the word as typed is always found."""
    stemmed = stem(word) or word
    length = next(
        (number for number, (a, b) in enumerate(zip(stemmed, word, strict=False)) if a != b),
        min(len(stemmed), len(word)),
    )
    shared = word[:length]
    return shared if len(shared) > SHORT_WORD else word


@dataclass(frozen=True)
class Hit:
    record: Model
    snippet: SafeString
    # The language of the snippet's text, which may be the other one than the page's.
    snippet_language: str = ""


@dataclass(frozen=True)
class ResultGroup:
    model: type[Model]
    count: int
    hits: list[Hit] = field(default_factory=list)

    @property
    def records(self) -> list[Model]:
        return [hit.record for hit in self.hits]

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name_plural)

    @property
    def kind(self) -> str:
        return self.model._meta.model_name


@cache
def _visible_sql(number: int, vendor: str) -> tuple[str, tuple]:
    """``EXISTS`` (the record of the entry ``matched.entry`` is published), by its
    QuerySet's rule; built once per kind and database, being the same for every query."""
    model = apps.get_model(SEARCHABLE_KINDS[number].model_label)
    visible = (
        model.objects.published()
        .filter(pk=RawSQL("matched.entry - %s", (number * KIND_SPAN,)))
        .order_by()
        .values("pk")
    )
    sql, params = visible.query.sql_with_params()
    return f"EXISTS ({sql})", params


def _matched_sql(vendor: str, terms: list[Term]) -> tuple[str, tuple]:
    """Every entry matching the terms, once: ``entry`` (its key) and ``score`` (its rank,
    lower is better)."""
    if vendor == "sqlite":
        match = " AND ".join(f'"{term.text}"' + ("*" if term.prefix else "") for term in terms)
        # bm25() is only allowed in the query that matches, not beside a window function.
        return (
            f"SELECT rowid AS entry, bm25({TABLE}, %s, %s) AS score FROM {TABLE} "
            f"WHERE {TABLE} MATCH %s",
            (NAME_WEIGHT, BODY_WEIGHT, match),
        )
    query = " & ".join(f"'{term.text}'" + (":*" if term.prefix else "") for term in terms)
    return (
        "SELECT entry.id AS entry, -ts_rank(entry.document, query) AS score "
        f"FROM {TABLE} AS entry, to_tsquery('simple', %s) AS query WHERE entry.document @@ query",
        (query,),
    )


def _connection():
    return connections[apps.get_model(SEARCHABLE_KINDS[0].model_label).objects.db]


def matches_sql(terms: list[Term]) -> tuple[str, list]:
    """The one query that finds the matches of every kind: for each kind found, a row
    (kind number, None, None, published matches of the kind) and the rows (kind number,
    primary key, rank, None) of its best MAX_RESULTS_PER_KIND.

    The index is searched once for all kinds; each match is kept if its record is
    published (the rule of its kind, asked only of the kind its key falls in); the matches
    kept are counted by kind, and the best of each kind taken by rank, without sorting
    them all.
    """
    vendor = _connection().vendor
    kinds = range(len(SEARCHABLE_KINDS))
    visible, visible_params = _visible_matches_sql(vendor, terms)
    best = " UNION ALL ".join(
        f"SELECT * FROM (SELECT kind, pk, score, CAST(NULL AS bigint) FROM visible "
        f"WHERE kind = {number} ORDER BY score, pk LIMIT %s) AS best_{number}"
        for number in kinds
    )
    sql = (
        f"WITH {visible} "
        "SELECT kind, CAST(NULL AS bigint), CAST(NULL AS double precision), count(*) "
        f"FROM visible GROUP BY kind UNION ALL {best}"
    )
    return sql, [*visible_params, *[MAX_RESULTS_PER_KIND] * len(kinds)]


def _visible_matches_sql(vendor: str, terms: list[Term]) -> tuple[str, list]:
    """The common table ``visible`` (kind, pk, score): the matches whose record is published.

    Each match is asked only the rule of its own kind. SQLite does it best in one pass,
    a ``CASE`` of the kinds; PostgreSQL by a join per kind, which it plans by the number
    of matches (a CASE of subqueries would read every published record of a kind whenever
    it expects many matches).
    """
    matched, params = _matched_sql(vendor, terms)
    rules = [_visible_sql(number, vendor) for number in range(len(SEARCHABLE_KINDS))]
    if vendor == "sqlite":
        cases = " ".join(f"WHEN {number} THEN {sql}" for number, (sql, _) in enumerate(rules))
        return (
            "visible AS MATERIALIZED ("
            "SELECT matched.entry / %s AS kind, matched.entry %% %s AS pk, "
            f"matched.score AS score FROM ({matched}) AS matched "
            f"WHERE CASE matched.entry / %s {cases} ELSE %s END)"
        ), [
            KIND_SPAN,
            KIND_SPAN,
            *params,
            KIND_SPAN,
            *(param for _, rule_params in rules for param in rule_params),
            False,
        ]
    joins = " UNION ALL ".join(
        f"SELECT {number} AS kind, matched.entry - %s AS pk, matched.score AS score "
        f"FROM matched WHERE matched.entry BETWEEN %s AND %s AND {sql}"
        for number, (sql, _) in enumerate(rules)
    )
    return f"matched AS MATERIALIZED ({matched}), visible AS MATERIALIZED ({joins})", [
        *params,
        *(
            param
            for number, (_, rule_params) in enumerate(rules)
            for param in (
                number * KIND_SPAN,
                number * KIND_SPAN,
                (number + 1) * KIND_SPAN - 1,
                *rule_params,
            )
        ),
    ]


def _matches(terms: list[Term]) -> dict[int, tuple[int, list[int]]]:
    """By kind number: the number of published matches and the best of them, best first."""
    with _connection().cursor() as cursor:
        cursor.execute(*matches_sql(terms))
        rows = cursor.fetchall()
    totals = {number: total for number, pk, _, total in rows if pk is None}
    best = sorted((number, score, pk) for number, pk, score, _ in rows if pk is not None)
    found: dict[int, tuple[int, list[int]]] = {number: (totals[number], []) for number in totals}
    for number, _score, pk in best:
        found[number][1].append(pk)
    return found


def search_records(*, query: str) -> list[ResultGroup]:
    """The published records matching the query, one group per kind that has any.

    Each group holds the number of records found and the best of them (at most
    MAX_RESULTS_PER_KIND), each with a snippet of its text, the matching words marked.
    One query finds the matches of every kind; one per kind found fetches its records.
    """
    terms = query_terms(query)
    if not terms:
        return []
    groups = []
    for number, (count, pks) in sorted(_matches(terms).items()):
        kind = SEARCHABLE_KINDS[number]
        model = apps.get_model(kind.model_label)
        records = model.objects.published().in_bulk(pks)
        hits = [
            Hit(record, *snippet(kind=kind, record=record, terms=terms))
            for pk in pks
            if (record := records.get(pk)) is not None
        ]
        groups.append(ResultGroup(model=model, count=count, hits=hits))
    return groups


def snippet(*, kind: SearchableKind, record: Model, terms: list[Term]) -> tuple[SafeString, str]:
    """A passage of the record's text around its first matching word, the matches marked,
    and the language of the passage.

    The text of the page's language first, then the other; the text is escaped, then
    each matching word wrapped in ``<mark>``.
    """
    current = get_language() or LANGUAGES[0]
    languages = sorted(LANGUAGES, key=lambda language: language != current)
    texts = [
        (str(value), language)
        for language in languages
        for name in (*kind.text_fields, *kind.name_fields)
        if (value := getattr(record, f"{name}_{language}", ""))
    ]
    for text, language in texts:
        every_word = list(WORD.finditer(text))
        found = [
            number
            for number, match in enumerate(every_word)
            if any(term.matches(words(match.group())[0]) for term in terms)
        ]
        if found:
            return _marked(text, every_word, found), language
    return mark_safe(""), ""


def _marked(text: str, every_word: list[re.Match], found: list[int]) -> SafeString:
    first_word = max(found[0] - SNIPPET_WORDS // 3, 0)
    end_word = min(first_word + SNIPPET_WORDS, len(every_word))
    start = every_word[first_word].start() if first_word else 0
    end = every_word[end_word - 1].end() if end_word < len(every_word) else len(text)
    parts = ["…" if start else ""]
    position = start
    for number in found:
        if first_word <= number < end_word:
            match = every_word[number]
            parts.append(escape(text[position : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    parts.append(escape(text[position:end]))
    parts.append("…" if end < len(text) else "")
    return mark_safe("".join(parts))
