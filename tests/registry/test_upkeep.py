"""What the registry keeps beside its records (awards.registry.upkeep): after a write of
conferments or people, each person's awards numbered again and the years counted again."""

import pytest
from django.db.models import Count

from awards.core.dates import PartialDate
from awards.models import Conferment, ConfermentCount, Person
from awards.registry import upkeep
from tests.support.registry_builders import confer, hero

pytestmark = pytest.mark.usefixtures("seeded")


def ordinals(person) -> list[tuple[int, int]]:
    return list(
        Conferment.objects.filter(person=person).order_by("date").values_list("ordinal", "times")
    )


def kept_years() -> dict[int, int]:
    return dict(ConfermentCount.objects.values_list("year", "count"))


def counted_years() -> dict[int, int]:
    rows = (
        Conferment.objects.filter(published=True, person__published=True)
        .values("year")
        .annotate(number=Count("pk"))
        .order_by()
    )
    return {row["year"]: row["number"] for row in rows}


def test_a_conferment_moved_to_another_person_renumbers_both_and_recounts_both_years():
    ivanov, petrov = hero(surname="Иванов"), hero(surname="Петров")
    confer(ivanov, "1950-01-01")
    moved = confer(ivanov, "1955-01-01")
    confer(petrov, "1960-01-01")
    before = (moved.person_id, moved.title_id, moved.year)
    # Saved without signals, as if nothing had followed the write yet.
    Conferment.objects.filter(pk=moved.pk).update(
        person=petrov, date=PartialDate(1961, 1, 1), year=1961
    )
    moved.refresh_from_db()

    upkeep.conferment_written(conferment=moved, before=before, using="default")

    assert ordinals(ivanov) == [(1, 1)]
    assert ordinals(petrov) == [(1, 2), (2, 2)]
    assert 1955 not in kept_years() and kept_years()[1961] == 1


def test_a_deleted_conferment_leaves_the_others_numbered_and_its_year_counted_again():
    person = hero()
    confer(person, "1950-01-01")
    deleted = confer(person, "1955-01-01")
    later = confer(person, "1960-01-01")

    deleted.delete()

    later.refresh_from_db()
    assert ordinals(person) == [(1, 2), (2, 2)]
    assert later.ordinal == 2
    assert 1955 not in kept_years()


def test_a_person_withdrawn_takes_their_awards_off_the_counts(heroes):
    Person.objects.filter(pk=heroes["petrov"].pk).update(published=False)
    heroes["petrov"].refresh_from_db()

    upkeep.person_written(person=heroes["petrov"], using="default")

    assert kept_years() == counted_years() == {1943: 1, 1957: 2}


def test_conferments_written_in_bulk_are_numbered_and_every_year_counted():
    person = hero()
    title = confer(person, "1950-01-01").title
    added = Conferment.objects.bulk_create(
        [
            Conferment(
                slug=f"bulk-{year}",
                person=person,
                title=title,
                date=PartialDate(year, 1, 1),
                year=year,
                published=True,
            )
            for year in (1940, 1945)
        ]
    )

    upkeep.written_in_bulk(model=Conferment, records=added)

    assert ordinals(person) == [(1, 3), (2, 3), (3, 3)]
    assert kept_years() == counted_years()
