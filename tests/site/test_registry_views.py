"""The public registry (awards.site.registry_views): the list with its filters and order, the
twice and thrice honoured; its queries do not grow with the registry."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from awards.core.dates import PartialDate
from awards.exchange.kinds.registry_list import RegistryListKind
from awards.exchange.pipeline.run import import_file
from awards.models import Conferment
from awards.registry.counts import conferments_per_year
from awards.site import registry_views
from bench.registry import synthetic_csv
from tests.support.registry_builders import confer, fill_registry_in_sql, hero
from tests.support.registry_pages import names_on, text_of

pytestmark = pytest.mark.usefixtures("seeded")


def test_the_empty_registry_says_so_plainly(client):
    response = client.get("/registry/")
    assert "Реестр пуст" in response.content.decode()
    response = client.get("/en/registry/")
    assert "The registry is empty" in response.content.decode()
    assert "names no recipient" in text_of(client.get("/en/registry/years/"))


def test_registry_lists_conferments_by_surname(client, heroes):
    names = names_on(client.get("/registry/"))
    assert names[0].startswith("Абрамов")
    assert names[-1].startswith("Петров")
    assert len(names) == 6


def test_registry_filters_by_year_and_number_of_conferments(client, heroes):
    assert len(names_on(client.get("/registry/?year=1957"))) == 3
    thrice = names_on(client.get("/registry/?times=3"))
    assert thrice == ["Петров Иван Иванович"] * 3
    once = names_on(client.get("/registry/?times=1&title=hero-of-socialist-labour"))
    assert once == ["Абрамов Иван Иванович"]


def test_a_year_in_date_order_holds_its_dates_known_to_the_day_month_or_year(client, heroes):
    confer(heroes["abramov"], "1957")
    confer(hero(surname="Сидоров"), "1957-12")
    confer(hero(surname="Кузнецов"), "1958-01-01")
    by_name = names_on(client.get("/registry/?year=1957"))
    by_date = names_on(client.get("/registry/?year=1957&sort=date"))
    assert len(by_date) == 5 and sorted(by_date) == sorted(by_name)
    assert not any(name.startswith("Кузнецов") for name in by_date)


def test_registry_sorts_by_date(client, heroes):
    html = text_of(client.get("/en/registry/?sort=date"))
    assert html.index("19 March 1943") < html.index("10 June 1949") < html.index("5 May 1966")


def test_english_registry_sorts_by_transliterated_surname(client, heroes):
    with translation.override("en"):
        names = names_on(client.get("/en/registry/?times=2"))
    assert len(names) == 2


def test_filters_are_kept_from_page_to_page(client, heroes, monkeypatch):
    monkeypatch.setattr(registry_views, "PAGE_SIZE", 2)
    first = client.get("/en/registry/?year=1957").content.decode()
    next_link = re.search(r'href="\?([^"]+)"\s+rel="next"', first)[1].replace("&amp;", "&")
    assert next_link.startswith("year=1957&after=")
    assert len(names_on(client.get(f"/en/registry/?{next_link}"))) == 1


def test_twice_and_thrice_lists_are_computed_from_the_conferments(client, heroes):
    twice = text_of(client.get("/en/registry/twice/"))
    assert "Ivanov" in twice and "Petrov" not in twice and "Abramov" not in twice
    assert "19 March 1943, 11 January 1957" in twice
    thrice = client.get("/en/registry/thrice/").content.decode()
    assert "Petrov" in thrice and "Ivanov" not in thrice
    assert client.get("/en/registry/four/").status_code == 404


def test_drafts_stay_out_of_the_registry(client, heroes):
    heroes["abramov"].published = False
    heroes["abramov"].save()
    assert all(not name.startswith("Абрамов") for name in names_on(client.get("/registry/")))


def test_revoked_conferment_is_marked(client, heroes):
    conferment = Conferment.objects.get(person=heroes["abramov"])
    conferment.revoked_on = PartialDate(1960)
    conferment.save()
    html = client.get("/en/registry/?times=1").content.decode()
    assert "revoked" in html


PAGES = (
    "/registry/",
    "/registry/?page=last",
    "/en/registry/?sort=date&page=last",
    "/registry/?title=hero-of-socialist-labour&times=2&year=1960",
    "/registry/twice/",
    "/registry/thrice/?page=last",
    "/registry/years/",
)


# Every registry page, whatever the number of conferments.
QUERY_BUDGET = 8


def queries_of(client, paths) -> dict[str, int]:
    """How many queries each page runs (each answering 200)."""
    counts = {}
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        counts[path] = len(queries)
    return counts


@pytest.mark.slow
def test_pages_run_as_many_queries_on_an_empty_registry_as_on_200_000_conferments(
    client, editor_client
):
    """The registry pages, a person's page and the admin's list, at 0, 60 and 200,000
    conferments (the last generated in SQL: the real lists hold about 20,800)."""
    empty = queries_of(client, PAGES)
    assert import_file(kind=RegistryListKind(), data=synthetic_csv(60), file_name="s.csv").ok
    small = queries_of(client, PAGES)
    person = Conferment.objects.filter(times=2).select_related("person").first().person
    others = (f"/people/{person.slug}/", f"/en/people/{person.slug}/")
    admin_lists = (
        "/admin/awards/conferment/",
        "/admin/awards/conferment/?rules_uncertain__exact=0",
    )
    small_others = queries_of(client, others)
    small_admin = queries_of(editor_client, admin_lists)
    fill_registry_in_sql(once=100_000, twice=50_000)
    assert Conferment.objects.count() == 200_060
    assert sum(row.count for row in conferments_per_year()) == 200_060
    large = queries_of(client, PAGES)
    assert large == small and max(large.values()) <= QUERY_BUDGET
    assert all(empty[path] <= small[path] for path in PAGES)
    person = Conferment.objects.filter(times=2, slug__startswith="synthetic").first().person
    large_others = queries_of(client, (f"/people/{person.slug}/", f"/en/people/{person.slug}/"))
    assert list(large_others.values()) == list(small_others.values())
    assert queries_of(editor_client, admin_lists) == small_admin


def test_registry_sorts_yo_as_ye_in_russian_and_by_the_wikipedia_spelling_in_english(client):
    from tests.support.registry_lists import registry_csv

    # Invented people of a list, as researchers keep them.
    rows = [
        {"surname_ru": surname, "given_name_ru": given, "date": "1957-01-01", "born_on": "1910"}
        for surname, given in (
            ("Пробкоролевич", "Андрей"),
            ("Пробкоролёв", "Пётр"),
            ("Пробкоролев", "Яков"),
        )
    ]
    assert import_file(kind=RegistryListKind(), data=registry_csv(*rows), file_name="l.csv").ok

    russian = [name for name in names_on(client.get("/registry/")) if "Пробкорол" in name]
    assert russian == ["Пробкоролёв Пётр", "Пробкоролев Яков", "Пробкоролевич Андрей"]
    english = [name for name in names_on(client.get("/en/registry/")) if "Probkorol" in name]
    assert english == ["Probkorolev Yakov", "Probkorolevich Andrey", "Probkorolyov Pyotr"]


@pytest.fixture
def honoured_many_times(heroes):
    """Invented people honoured four and five times, the last awards after 14 May 1973, with
    a draft fifth award for the first that no list counts."""
    four = hero(surname="Многократный", surname_en="Mnogokratny", given_name_en="Ivan")
    for date in ("1950-01-01", "1960-01-01", "1970-01-01", "1975-02-02"):
        confer(four, date)
    confer(four, "1980-03-03", published=False)
    five = hero(surname="Пятикратная", given_name="Анна", patronymic="Пробовна")
    for date in ("1950-01-01", "1960-01-01", "1970-01-01", "1974-04-04", "1976-06-06"):
        confer(five, date)
    return {"four": four, "five": five}


def test_people_honoured_four_times_and_more_have_their_own_list(client, honoured_many_times):
    russian = client.get("/registry/four-and-more/")
    assert "Удостоенные четыре раза и более" in russian.content.decode()
    assert names_on(russian) == ["Многократный Иван Иванович", "Пятикратная Анна Пробовна"]
    english = text_of(client.get("/en/registry/four-and-more/"))
    assert "Honoured four times and more" in english
    # The draft fifth award of the first is not shown among the dates.
    assert "1 January 1950, 1 January 1960, 1 January 1970, 2 February 1975</p>" in english
    assert "6 June 1976" in english
    assert "four-and-more" in client.get("/registry/").content.decode()


def test_no_list_of_the_twice_or_thrice_honoured_takes_those_honoured_more(
    client, honoured_many_times
):
    assert "Многократный" not in client.get("/registry/thrice/").content.decode()
    assert "Пятикратная" not in client.get("/registry/twice/").content.decode()
    thrice = names_on(client.get("/registry/?times=3"))
    assert thrice == ["Петров Иван Иванович"] * 3


def test_the_filter_four_times_and_more_lists_every_published_award_of_them(
    client, honoured_many_times
):
    names = names_on(client.get("/registry/?times=4"))
    assert names.count("Многократный Иван Иванович") == 4
    assert names.count("Пятикратная Анна Пробовна") == 5
    assert len(names) == 9
    assert "four times and more" in client.get("/en/registry/").content.decode()


def test_the_chart_counts_a_fourth_and_fifth_award_and_no_draft(client, honoured_many_times):
    counts = {row.year: row.count for row in conferments_per_year()}
    assert (counts[1975], counts[1974], counts[1976]) == (1, 1, 1)
    assert 1980 not in counts
    html = text_of(client.get("/en/registry/years/"))
    assert re.search(r'\?year=1975">1975</a></th>\s*<td>1</td>', html)


# Each registry page's queries, pinned (they may only go down): the titles of the form,
# the title chosen, one range of an index for the list (and the dates of its people for the
# repeat lists); the ledger's numbers and flagged rows, read afresh inside a test's
# transaction (once per content generation outside one).
PINNED_QUERIES = {
    "/registry/": 2,
    "/en/registry/?page=last": 2,
    "/registry/?sort=date&page=last": 2,
    "/registry/?title=hero-of-socialist-labour&year=1957&times=2&sort=date": 3,
    "/registry/twice/": 2,
    "/en/registry/thrice/?page=last": 2,
    "/registry/four-and-more/": 1,
    "/registry/years/": 2,
    "/registry/years/?title=hero-of-socialist-labour": 3,
    "/registry/medals/": 4,
    "/en/registry/medals/?page=last": 4,
}


def test_each_registry_page_runs_its_pinned_number_of_queries(client, heroes):
    confer(hero(surname="Номерной"), "1958-01-01", medal_number="1234")
    assert queries_of(client, PINNED_QUERIES) == PINNED_QUERIES
