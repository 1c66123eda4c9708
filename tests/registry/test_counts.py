"""The registry's counts per title and year (awards.registry.counts), kept with every write."""

import pytest
from django.db.models import Count

from awards.core.dates import PartialDate
from awards.models import Conferment, ConfermentCount, Person, Title
from awards.registry.counts import conferments_per_year, recount, recount_people
from tests.support.registry_builders import confer, hero

pytestmark = pytest.mark.usefixtures("seeded")


def counted_directly() -> list[tuple[int, int]]:
    """Conferments per year counted from the conferments themselves, as the chart shows."""
    from django.db.models import Count

    rows = (
        Conferment.objects.published().values("year").annotate(number=Count("pk")).order_by("year")
    )
    return [(row["year"], row["number"]) for row in rows]


def chart_counts() -> list[tuple[int, int]]:
    from awards.registry.counts import conferments_per_year

    return [(row.year, row.count) for row in conferments_per_year()]


def test_the_counts_per_year_follow_every_kind_of_write(heroes):
    from awards.exchange.kinds.registry_list import RegistryListKind
    from awards.exchange.pipeline.run import import_file
    from bench.registry import synthetic_csv

    assert chart_counts() == counted_directly() == [(1943, 1), (1949, 1), (1957, 3), (1966, 1)]
    moved = Conferment.objects.get(person=heroes["abramov"])
    moved.date = PartialDate(1958, 2)
    moved.save()
    assert (
        chart_counts()
        == counted_directly()
        == [(1943, 1), (1949, 1), (1957, 2), (1958, 1), (1966, 1)]
    )
    heroes["petrov"].published = False
    heroes["petrov"].save()
    assert chart_counts() == counted_directly() == [(1943, 1), (1957, 1), (1958, 1)]
    heroes["petrov"].published = True
    heroes["petrov"].save()
    draft = Conferment.objects.get(person=heroes["ivanov"], date=PartialDate(1943, 3, 19))
    draft.published = False
    draft.save()
    moved.delete()
    assert chart_counts() == counted_directly() == [(1949, 1), (1957, 2), (1966, 1)]
    assert import_file(kind=RegistryListKind(), data=synthetic_csv(300), file_name="list.csv").ok
    assert chart_counts() == counted_directly()
    assert sum(count for _year, count in chart_counts()) == 304
    # A title withdrawn takes its conferments off the chart, and back when published again.
    title = moved.title
    title.published = False
    title.save()
    assert chart_counts() == counted_directly() == []


def test_the_counts_follow_record_by_record_imports_of_conferments_and_people(heroes, tmp_path):
    """The admin's and the command's import of conferments or people, by slug: a date
    moved to another year and a person withdrawn are counted again."""
    from django.core.management import call_command

    conferment = Conferment.objects.get(person=heroes["abramov"])
    path = tmp_path / "conferments.csv"
    path.write_text(
        "slug,person,title,date,citations,published\n"
        f"{conferment.slug},{heroes['abramov'].slug},hero-of-socialist-labour,1960-02-01,"
        "hsl-p4-s1,1\n"
    )
    call_command("import_records", "conferment", str(path))
    assert (
        chart_counts()
        == counted_directly()
        == [(1943, 1), (1949, 1), (1957, 2), (1960, 1), (1966, 1)]
    )
    people = tmp_path / "people.csv"
    people.write_text(
        f"slug,name_ru,citations,published\n{heroes['ivanov'].slug},Иванов Иван,hsl-p1-s1,0\n"
    )
    call_command("import_records", "person", str(people))
    assert chart_counts() == counted_directly() == [(1949, 1), (1957, 1), (1960, 1), (1966, 1)]


def kept_counts() -> set[tuple[int, int, int]]:
    """The counts the registry keeps: (title, year, count)."""
    return set(ConfermentCount.objects.values_list("title_id", "year", "count"))


def grouped_directly() -> set[tuple[int, int, int]]:
    """The published conferments of published people counted by title and year at once."""
    rows = (
        Conferment.objects.filter(published=True, person__published=True)
        .values("title", "year")
        .annotate(number=Count("pk"))
        .order_by()
    )
    return {(row["title"], row["year"], row["number"]) for row in rows}


def test_a_recount_matches_a_group_by_after_writes_made_behind_its_back(heroes):
    # Written without signals: the kept counts do not follow these.
    Conferment.objects.filter(person=heroes["abramov"]).update(date=PartialDate(1960), year=1960)
    Person.objects.filter(pk=heroes["petrov"].pk).update(published=False)
    assert kept_counts() != grouped_directly()

    recount()

    assert kept_counts() == grouped_directly()
    assert {year for _title, year, _count in kept_counts()} == {1943, 1957, 1960}


def test_a_recount_of_some_years_leaves_the_others_as_they_were(heroes, django_assert_num_queries):
    Conferment.objects.filter(person=heroes["abramov"]).update(date=PartialDate(1960), year=1960)
    Conferment.objects.filter(person=heroes["ivanov"], year=1943).update(published=False)

    recount(years=[1957, 1960])

    kept = {year: count for _title, year, count in kept_counts()}
    assert (kept[1957], kept[1960]) == (2, 1)
    # Not recounted: 1943 still counts the conferment withdrawn behind the registry's back.
    assert kept[1943] == 1
    with django_assert_num_queries(0):
        recount(years=[])


def test_the_years_of_the_people_given_are_recounted(heroes):
    Person.objects.filter(pk=heroes["ivanov"].pk).update(published=False)

    recount_people([heroes["ivanov"].pk])

    assert kept_counts() == grouped_directly()
    assert {year for _title, year, _count in kept_counts()} == {1949, 1957, 1966}


def test_the_chart_counts_one_title_or_every_published_one(heroes):
    soviet_union = Title.objects.get(slug="hero-of-the-soviet-union")
    confer(hero(surname="Громов"), "1957-05-05", title=soviet_union.slug, check=False)

    assert [(row.year, row.count) for row in conferments_per_year(title=soviet_union)] == [
        (1957, 1)
    ]
    assert dict((row.year, row.count) for row in conferments_per_year())[1957] == 4
    Title.objects.filter(pk=soviet_union.pk).update(published=False)
    assert dict((row.year, row.count) for row in conferments_per_year())[1957] == 3
