"""What the registry keeps beside its records, brought up to date after every write of
conferments or people: each person's awards numbered and counted
(awards.registry.numbering) and the counts per title and year (awards.registry.counts).

One path: awards.records.writes calls these for every write, whatever made it — one
record at a time (the admin's form and list actions, a revert, a recovery, a deletion) or
in bulk (both importers) — so no writer has to remember them.
"""

from __future__ import annotations

from awards.models import Conferment, Person
from awards.registry.counts import recount, recount_people
from awards.registry.numbering import renumber


def conferment_written(*, conferment: Conferment, before: tuple | None, using: str) -> None:
    """A conferment saved: its person's awards of its title, and of the person and title
    it had (``before``: person, title and year as stored before the save), numbered again;
    the years it had and has recounted."""
    pairs = {(conferment.person_id, conferment.title_id)}
    years = {conferment.year}
    if before is not None:
        person, title, year = before
        pairs.add((person, title))
        years.add(year)
    renumber(pairs=pairs)
    recount(years=years, using=using)


def conferment_deleted(*, conferment: Conferment, using: str) -> None:
    """A conferment deleted: the awards left numbered again, its year recounted."""
    renumber(pairs={(conferment.person_id, conferment.title_id)})
    recount(years=[conferment.year], using=using)


def person_written(*, person: Person, using: str) -> None:
    """A person saved (published or withdrawn, perhaps): the years of their awards."""
    recount_people([person.pk], using=using)


def written_in_bulk(*, model, records) -> None:
    """Conferments or people written in bulk: the conferments' people numbered again and
    every year recounted (the years updated conferments had are unknown), or the years of
    the people written."""
    if model is Conferment:
        renumber(pairs={(record.person_id, record.title_id) for record in records})
        recount()
    elif model is Person:
        recount_people(record.pk for record in records)
