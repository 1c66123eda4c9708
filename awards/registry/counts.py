"""The registry's counts per title and year (``ConfermentCount``): the figures of the
chart of conferments per year.

The chart once counted the whole registry on each request: at 200,000 conferments, over
half a second. The counts are kept instead, recounted for the years a write touched, in
the write's own transaction (awards.registry.upkeep says when). A year's recount reads
that year's conferments through the index that leads with the year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Sum

from awards.core.bulk import chunks
from awards.models import Conferment, ConfermentCount, Title


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
