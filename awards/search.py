"""Search over the published records, in both languages, grouped by kind.

On PostgreSQL the Russian text is matched with the 'russian' full-text configuration and
the English with 'english', so an inflected word finds its other forms ("ленина" finds
"орден Ленина", "герою" finds "Герой"); names also match as substrings. On SQLite (local
work) every field is matched case-insensitively as a substring, Cyrillic included, thanks
to the Unicode-aware LIKE of ``awards.sqlite_like``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import Model, Q, QuerySet

from awards.models import (
    Authority,
    Citation,
    Decree,
    Event,
    Medal,
    Person,
    Provision,
    Source,
    Title,
)

MAX_RESULTS_PER_KIND = 50


@dataclass(frozen=True)
class SearchableKind:
    model: type[Model]
    fields: tuple[str, ...]

    def queryset(self) -> QuerySet:
        return self.model.objects.published()


# In the order the results are shown; each field is translated (``_ru`` and ``_en``).
SEARCHABLE_KINDS = (
    SearchableKind(Title, ("name", "description")),
    SearchableKind(Decree, ("name", "summary")),
    SearchableKind(Medal, ("name", "description")),
    SearchableKind(Event, ("name", "description")),
    SearchableKind(Authority, ("name", "short_name", "description")),
    SearchableKind(Person, ("name", "description")),
    SearchableKind(Provision, ("value", "note")),
    SearchableKind(Citation, ("quote",)),
    SearchableKind(Source, ("name",)),
)


@dataclass(frozen=True)
class ResultGroup:
    model: type[Model]
    records: list[Model]

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name_plural)

    @property
    def kind(self) -> str:
        return self.model._meta.model_name


def _substring_match(kind: SearchableKind, text: str) -> Q:
    return reduce(
        or_,
        (
            Q(**{f"{field}_{language}__icontains": text})
            for field in kind.fields
            for language in ("ru", "en")
        ),
    )


def _full_text_matches(kind: SearchableKind, text: str) -> QuerySet:
    vector = SearchVector(*(f"{field}_ru" for field in kind.fields), config="russian")
    vector += SearchVector(*(f"{field}_en" for field in kind.fields), config="english")
    query = SearchQuery(text, config="russian") | SearchQuery(text, config="english")
    name_field = kind.fields[0]
    return (
        kind.queryset()
        .annotate(search_vector=vector, rank=SearchRank(vector, query))
        .filter(
            Q(search_vector=query)
            | Q(**{f"{name_field}_ru__icontains": text})
            | Q(**{f"{name_field}_en__icontains": text})
        )
        .order_by("-rank", "pk")
    )


def search_records(*, query: str) -> list[ResultGroup]:
    """The published records matching the query, one group per kind that has any."""
    text = " ".join(query.split())
    if not text:
        return []
    groups = []
    for kind in SEARCHABLE_KINDS:
        base = kind.queryset()
        if connections[base.db].vendor == "postgresql":
            matches = _full_text_matches(kind, text)
        else:
            matches = base.filter(_substring_match(kind, text))
        records = list(matches[:MAX_RESULTS_PER_KIND])
        if records:
            groups.append(ResultGroup(model=kind.model, records=records))
    return groups
