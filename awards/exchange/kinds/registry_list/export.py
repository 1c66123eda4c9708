"""A registry list out: every conferment a row, the person by key and by name, in the
columns the list comes in with (awards.exchange.kinds.registry_list.clean.COLUMNS)."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import QuerySet

from awards.exchange.kinds.registry_list.other_names import format_other_names
from awards.models import Conferment


def export_rows(*, queryset: QuerySet | None = None) -> Iterator[list]:
    """Every conferment (or those of ``queryset``) as a row of a registry list, the person
    by key, in date order."""
    queryset = (
        (Conferment.objects.all() if queryset is None else queryset)
        .select_related("person", "title", "decree")
        .prefetch_related("citations", "person__other_names")
        .order_by("date", "pk")
    )
    for conferment in queryset.iterator(chunk_size=2000):
        person = conferment.person
        decree = conferment.decree
        yield [
            person.slug,
            person.surname_ru,
            # Initials stand in the given name's cell, as lists write them («В. А.»).
            person.given_name_ru or person.initials,
            person.patronymic_ru,
            person.surname_en,
            person.given_name_en,
            person.patronymic_en,
            person.name_as_written,
            other_names_cell(person),
            person.sex,
            _iso(person.born_on),
            _iso(person.born_on_old_style),
            person.birth_place_ru,
            _iso(person.died_on),
            _iso(person.died_on_old_style),
            person.death_place_ru,
            person.occupation_ru,
            person.citizenship,
            conferment.title.slug,
            conferment.date.isoformat(),
            decree.date.isoformat() if decree else "",
            decree.number if decree else "",
            conferment.medal_number,
            "1" if conferment.is_posthumous else "0",
            ",".join(sorted(citation.slug for citation in conferment.citations.all())),
            "1" if conferment.published else "0",
        ]


def _iso(date) -> str:
    return date.isoformat() if date else ""


def other_names_cell(person) -> str:
    """The person's other names in one cell, as the list's ``other_names`` column reads
    them (awards.exchange.kinds.registry_list.other_names)."""
    return format_other_names(person.other_names.all())
