"""The registry's counts per title and year (``ConfermentCount``), kept with every write.

The chart of conferments per year once counted the whole registry on each request: at
200,000 conferments, over half a second. The counts are kept instead, recounted for the
years a write touched, in the write's own transaction:

- a conferment saved or deleted one at a time (the admin, a revert, a recovery): the year
  it had and the year it has (``pre_save``, ``post_save``, ``post_delete``);
- a person saved (published or withdrawn): the years of their conferments;
- conferments and people written in bulk: the registry import recounts the years of its
  new conferments; the record-by-record import recounts every year (it does not know the
  years the updated conferments had), its people's years; a restore recounts everything.

A year's recount reads that year's conferments through the index that leads with the year.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.signals import post_delete, post_save, pre_save

from awards.bulk import chunks
from awards.models import Conferment, ConfermentCount, Person, Title


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


def per_year(*, title: Title | None = None) -> list[tuple[int, int]]:
    """(year, count) of the published titles' conferments (or one title's), oldest first."""
    counts = ConfermentCount.objects.filter(title__published=True, count__gt=0)
    if title is not None:
        counts = counts.filter(title=title)
    return [
        (row["year"], row["total"])
        for row in counts.values("year").annotate(total=Sum("count")).order_by("year")
    ]


def _before_conferment_saved(sender, instance, using, raw, **kwargs):
    # The year the conferment had, which loses it if the date moved to another year.
    instance._counted_year = None
    if instance.pk is not None and not raw:
        instance._counted_year = (
            Conferment.objects.using(using)
            .filter(pk=instance.pk)
            .values_list("year", flat=True)
            .first()
        )


def _conferment_saved(sender, instance, using, **kwargs):
    years = {instance.year, getattr(instance, "_counted_year", None)} - {None}
    recount(years=years, using=using)


def _conferment_deleted(sender, instance, using, **kwargs):
    recount(years=[instance.year], using=using)


def _person_saved(sender, instance, using, created, **kwargs):
    if not created:
        recount_people([instance.pk], using=using)


def connect() -> None:
    uid = "awards.registry_counts"
    pre_save.connect(_before_conferment_saved, sender=Conferment, dispatch_uid=f"{uid}.pre")
    post_save.connect(_conferment_saved, sender=Conferment, dispatch_uid=f"{uid}.saved")
    post_delete.connect(_conferment_deleted, sender=Conferment, dispatch_uid=f"{uid}.deleted")
    post_save.connect(_person_saved, sender=Person, dispatch_uid=f"{uid}.person")
