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


def renumber(*, pairs: Iterable[tuple[int, int]]) -> int:
    """Number the conferments of each (person, title) by date and count them: all of them
    (``ordinal``, ``times``, as the rules count), and the published ones alone
    (``public_ordinal``, ``public_times``, as the public lists count; 0 for a draft).
    Recheck the rules of those whose number changed. Returns how many conferments changed.
    """
    by_pair = defaultdict(list)
    pairs = set(pairs)
    people = {pair[0] for pair in pairs}
    for chunk in chunks(sorted(people)):
        # Sorted here, not by the database: with ORDER BY date the planner may read the
        # whole registry in date order for each batch of people (after a bulk write, by
        # statistics not yet refreshed) instead of the people's index.
        for conferment in Conferment.objects.filter(person__in=chunk).select_related("person"):
            if (conferment.person_id, conferment.title_id) in pairs:
                by_pair[conferment.person_id, conferment.title_id].append(conferment)
    for conferments in by_pair.values():
        conferments.sort(key=lambda conferment: (conferment.date, conferment.pk))
    titles = titles_for_check(title for _person, title in pairs)
    changed = []
    for conferments in by_pair.values():
        published = [conferment for conferment in conferments if conferment.published]
        public_numbers = {id(conferment): n for n, conferment in enumerate(published, start=1)}
        for number, conferment in enumerate(conferments, start=1):
            numbers = (
                number,
                len(conferments),
                public_numbers.get(id(conferment), 0),
                len(published) if conferment.published else 0,
            )
            kept = (
                conferment.ordinal,
                conferment.times,
                conferment.public_ordinal,
                conferment.public_times,
            )
            if numbers == kept:
                continue
            renumbered = conferment.ordinal != number
            (
                conferment.ordinal,
                conferment.times,
                conferment.public_ordinal,
                conferment.public_times,
            ) = numbers
            if renumbered:
                check = check_with(conferment, title=titles[conferment.title_id], ordinal=number)
                mark(conferment, check)
            changed.append(conferment)
    Conferment.objects.bulk_update(changed, NUMBERING_FIELDS, batch_size=500)
    return len(changed)


def refresh_sort_names(person: Person) -> None:
    """Keep the registry's sort keys of a person's conferments after a change of name."""
    sort_name_ru, sort_name_en = sort_names(person)
    person.conferments.exclude(sort_name_ru=sort_name_ru, sort_name_en=sort_name_en).update(
        sort_name_ru=sort_name_ru, sort_name_en=sort_name_en
    )
