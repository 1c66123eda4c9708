"""What the registry keeps beside its records, kept with every write of conferments and
people: each person's awards numbered and counted (``awards.registry.renumber``), and the
counts per title and year (``ConfermentCount``) the chart reads.

The chart of conferments per year once counted the whole registry on each request: at
200,000 conferments, over half a second. The counts are kept instead, recounted for the
years a write touched, in the write's own transaction. Every write arrives here by one of
two paths, whatever wrote it:

- one record at a time (the admin's form and list actions, a revert, a recovery, a
  deletion): a conferment's old and new person, title and year (``pre_save``,
  ``post_save``, ``post_delete``); a person published or withdrawn: their years;
- in bulk (both importers, through ``awards.record_writes.records_written_in_bulk``):
  ``written_in_bulk``, which renumbers the conferments' people and recounts every year
  (the years updated conferments had are unknown), or the years of the people written.

A restore from a backup recounts everything (``recount``). A year's recount reads that
year's conferments through the index that leads with the year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.signals import post_delete, post_save, pre_save

from awards.bulk import chunks
from awards.models import Conferment, ConfermentCount, Person, Title
from awards.registry import renumber


def recount(*, years: Iterable[int] | None = None, using: str = "default") -> None:
    """Count the published conferments of published people again, for ``years`` (all
    years when None)."""
    conferments = Conferment.objects.using(using).filter(published=True, person__published=True)
    kept = ConfermentCount.objects.using(using)
    if years is not None:
        years = sorted(set(years))
        if not years:
            return
        conferments = conferments.filter(year__in=years)
        kept = kept.filter(year__in=years)
    counted = conferments.values("title", "year").annotate(number=Count("pk")).order_by()
    with transaction.atomic(using=using):
        kept.delete()
        ConfermentCount.objects.using(using).bulk_create(
            ConfermentCount(title_id=row["title"], year=row["year"], count=row["number"])
            for row in counted
        )


def recount_people(person_pks: Iterable[int], *, using: str = "default") -> None:
    """Recount the years in which these people received titles."""
    years = set()
    for chunk in chunks(sorted(set(person_pks))):
        years.update(
            Conferment.objects.using(using)
            .filter(person__in=chunk)
            .values_list("year", flat=True)
            .distinct()
            .order_by()
        )
    recount(years=years, using=using)


@dataclass(frozen=True)
class YearCount:
    year: int
    count: int


def conferments_per_year(*, title: Title | None = None) -> list[YearCount]:
    """How many published conferments of the published titles (or of one title) each year
    has, oldest first."""
    counts = ConfermentCount.objects.filter(title__published=True, count__gt=0)
    if title is not None:
        counts = counts.filter(title=title)
    return [
        YearCount(year=row["year"], count=row["total"])
        for row in counts.values("year").annotate(total=Sum("count")).order_by("year")
    ]


def written_in_bulk(*, model, records) -> None:
    """Keep the numbering and the counts after conferments or people were written in bulk."""
    if model is Conferment:
        renumber(pairs={(record.person_id, record.title_id) for record in records})
        recount()
    elif model is Person:
        recount_people(record.pk for record in records)


def _before_conferment_saved(sender, instance, using, raw, **kwargs):
    # The person, title and year the conferment had: moved, it leaves them.
    instance._numbered_as = None
    if instance.pk is not None and not raw:
        instance._numbered_as = (
            Conferment.objects.using(using)
            .filter(pk=instance.pk)
            .values_list("person_id", "title_id", "year")
            .first()
        )


def _conferment_saved(sender, instance, using, raw, **kwargs):
    if raw:
        return
    pairs = {(instance.person_id, instance.title_id)}
    years = {instance.year}
    if getattr(instance, "_numbered_as", None) is not None:
        person, title, year = instance._numbered_as
        pairs.add((person, title))
        years.add(year)
    renumber(pairs=pairs)
    recount(years=years, using=using)


def _conferment_deleted(sender, instance, using, **kwargs):
    renumber(pairs={(instance.person_id, instance.title_id)})
    recount(years=[instance.year], using=using)


def _person_saved(sender, instance, using, created, raw, **kwargs):
    if not created and not raw:
        recount_people([instance.pk], using=using)


def connect() -> None:
    uid = "awards.registry_counts"
    pre_save.connect(_before_conferment_saved, sender=Conferment, dispatch_uid=f"{uid}.pre")
    post_save.connect(_conferment_saved, sender=Conferment, dispatch_uid=f"{uid}.saved")
    post_delete.connect(_conferment_deleted, sender=Conferment, dispatch_uid=f"{uid}.deleted")
    post_save.connect(_person_saved, sender=Person, dispatch_uid=f"{uid}.person")
