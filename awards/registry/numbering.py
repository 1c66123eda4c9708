"""Each person's awards of a title numbered by date and counted, kept with every write of
conferments (awards.records.writes): all of them, as the rules count, and the published
ones alone, as the public lists count; the registry's sort keys of a person's awards.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from awards.core.bulk import chunks
from awards.models import Conferment, Person
from awards.models.registry import sort_names
from awards.registry.checks import check_with, mark, titles_for_check

# What renumber() keeps: the numbers, and what the rules say of the renumbered.
NUMBERING_FIELDS = [
    "ordinal",
    "times",
    "public_ordinal",
    "public_times",
    "rules_uncertain",
    "uncertain_rules",
]


# What renumber() reads of each conferment: values, not records, a batch of people at a
# time, so that numbering a 200,000-row list after its import holds one batch in memory.
_NUMBERED = ("pk", "person_id", "title_id", "date", "published", *NUMBERING_FIELDS[:4])


def renumber(*, pairs: Iterable[tuple[int, int]]) -> int:
    """Number the conferments of each (person, title) by date and count them: all of them
    (``ordinal``, ``times``, as the rules count), and the published ones alone
    (``public_ordinal``, ``public_times``, as the public lists count; 0 for a draft).
    Recheck the rules of those whose number changed. Returns how many conferments changed.
    """
    pairs = set(pairs)
    changed = 0
    titles = {}
    for chunk in chunks(sorted({person for person, _title in pairs})):
        numbers = _numbers(
            row
            for row in Conferment.objects.filter(person__in=chunk).values_list(*_NUMBERED)
            if (row[1], row[2]) in pairs
        )
        if not numbers:
            continue
        records = list(Conferment.objects.filter(pk__in=numbers).select_related("person"))
        missing = {record.title_id for record in records} - set(titles)
        if missing:
            titles |= titles_for_check(missing)
        for record in records:
            renumbered = record.ordinal != numbers[record.pk][0]
            record.ordinal, record.times, record.public_ordinal, record.public_times = numbers[
                record.pk
            ]
            if renumbered:
                title = titles[record.title_id]
                mark(record, check_with(record, title=title, ordinal=record.ordinal))
        Conferment.objects.bulk_update(records, NUMBERING_FIELDS, batch_size=500)
        changed += len(records)
    return changed


def _numbers(rows: Iterable[tuple]) -> dict[int, tuple[int, int, int, int]]:
    """The numbers of the conferments whose numbers change, by key, from rows of
    ``_NUMBERED``: each pair's in date order (the same date, in the order of entry)."""
    by_pair = defaultdict(list)
    for row in rows:
        by_pair[row[1], row[2]].append(row)
    numbers = {}
    for awards in by_pair.values():
        # Sorted here, not by the database: with ORDER BY date the planner may read the
        # whole registry in date order for each batch of people (after a bulk write, by
        # statistics not yet refreshed) instead of the people's index.
        awards.sort(key=lambda row: (row[3], row[0]))
        published = [row[0] for row in awards if row[4]]
        public_numbers = {pk: number for number, pk in enumerate(published, start=1)}
        for number, row in enumerate(awards, start=1):
            wanted = (
                number,
                len(awards),
                public_numbers.get(row[0], 0),
                len(published) if row[4] else 0,
            )
            if wanted != row[5:9]:
                numbers[row[0]] = wanted
    return numbers


def refresh_sort_names(person: Person) -> None:
    """Keep the registry's sort keys of a person's conferments after a change of name."""
    sort_name_ru, sort_name_en = sort_names(person)
    person.conferments.exclude(sort_name_ru=sort_name_ru, sort_name_en=sort_name_en).update(
        sort_name_ru=sort_name_ru, sort_name_en=sort_name_en
    )
