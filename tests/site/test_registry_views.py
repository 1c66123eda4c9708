"""The public registry: the list with its filters, order and pages, the twice and thrice
honoured, the chart of conferments per year, a person's page with each conferment."""

import re

import pytest
from django.utils import translation

from awards.core.dates import PartialDate
from awards.models import Conferment, Medal
from awards.site import registry_views
from tests.support.registry_builders import confer, hero

pytestmark = pytest.mark.usefixtures("seeded")


def text_of(response) -> str:
    """The page's HTML with its white space as a browser shows it: runs of it (no-break
    spaces, which dates are written with, included) as one space."""
    return re.sub(r"\s+", " ", response.content.decode())


def names_on(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'class="registry-entry__name">\s*<a href="[^"]+">([^<]+)</a>', html)


def test_the_empty_registry_says_so_plainly(client):
    response = client.get("/registry/")
    assert "Реестр пуст" in response.content.decode()
    response = client.get("/en/registry/")
    assert "The registry is empty" in response.content.decode()
    assert "names no recipient" in text_of(client.get("/en/registry/years/"))


@pytest.fixture
def heroes(db):
    ivanov = hero(surname="Иванов", surname_en="Ivanov", given_name_en="Ivan")
    confer(ivanov, "1943-03-19")
    confer(ivanov, "1957-01-11")
    petrov = hero(surname="Петров", surname_en="Petrov", given_name_en="Pyotr")
    for date in ("1949-06-10", "1957-01-11", "1966-05-05"):
        confer(petrov, date)
    abramov = hero(surname="Абрамов", surname_en="Abramov", given_name_en="Abram")
    confer(abramov, "1957-08-01")
    return {"ivanov": ivanov, "petrov": petrov, "abramov": abramov}


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


def test_a_bad_filter_is_a_form_error_not_a_failure(client, heroes):
    response = client.get("/en/registry/?year=abc&times=9")
    assert response.status_code == 200
    assert "Please correct the form" in response.content.decode()


def test_pages_follow_one_another_to_the_last_and_back(client, heroes, monkeypatch):
    monkeypatch.setattr(registry_views, "PAGE_SIZE", 4)
    first = client.get("/en/registry/")
    assert len(names_on(first)) == 4
    next_link = re.search(r'href="\?(after=[^"]+)"\s+rel="next"', first.content.decode())[1]
    second = client.get(f"/en/registry/?{next_link}")
    assert len(names_on(second)) == 2
    assert 'rel="next"' not in second.content.decode()
    # The last page is the last four, the end of the list as the second page ends it.
    last = client.get("/en/registry/?page=last")
    assert names_on(last) == (names_on(first) + names_on(second))[-4:]
    previous = re.search(r'href="\?(before=[^"]+)"\s+rel="prev"', last.content.decode())[1]
    assert names_on(client.get(f"/en/registry/?{previous}")) == names_on(first)[:2]


def test_filters_are_kept_from_page_to_page(client, heroes, monkeypatch):
    monkeypatch.setattr(registry_views, "PAGE_SIZE", 2)
    first = client.get("/en/registry/?year=1957").content.decode()
    next_link = re.search(r'href="\?([^"]+)"\s+rel="next"', first)[1].replace("&amp;", "&")
    assert next_link.startswith("year=1957&after=")
    assert len(names_on(client.get(f"/en/registry/?{next_link}"))) == 1


def test_a_forged_cursor_gives_the_first_page(client, heroes):
    response = client.get("/registry/?after=not-a-cursor")
    assert names_on(response) == names_on(client.get("/registry/"))


def test_twice_and_thrice_lists_are_computed_from_the_conferments(client, heroes):
    twice = text_of(client.get("/en/registry/twice/"))
    assert "Ivanov" in twice and "Petrov" not in twice and "Abramov" not in twice
    assert "19 March 1943, 11 January 1957" in twice
    thrice = client.get("/en/registry/thrice/").content.decode()
    assert "Petrov" in thrice and "Ivanov" not in thrice
    assert client.get("/en/registry/four/").status_code == 404


def test_the_chart_table_counts_conferments_per_year(client, heroes):
    html = text_of(client.get("/en/registry/years/"))
    table = html[html.index('<table id="year-table"') :]
    rows = re.findall(r'\?year=(\d{4})">\d{4}</a></th>\s*<td>(\d+)</td>', table)
    assert rows == [("1943", "1"), ("1949", "1"), ("1957", "3"), ("1966", "1")]
    assert "6 conferments recorded; the most in 1957 (3)." in html
    # One bar for every year from the first to the last, empty years included.
    assert html.count('class="year-chart__bar"') == 1966 - 1943 + 1


def test_drafts_stay_out_of_the_registry(client, heroes):
    heroes["abramov"].published = False
    heroes["abramov"].save()
    assert all(not name.startswith("Абрамов") for name in names_on(client.get("/registry/")))


def test_person_page_shows_each_conferment_with_its_insignia_and_source(client, heroes):
    petrov = heroes["petrov"]
    conferment = petrov.conferments.order_by("date").first()
    conferment.medal_number = "1234"
    conferment.save()
    conferment.insignia.set([Medal.objects.get(slug="hammer-and-sickle")])
    html = text_of(client.get(f"/en/people/{petrov.slug}/"))
    assert html.count('class="conferment"') == 3
    assert "medal No. 1234" in html
    assert "Gold medal" in html  # due by the rules of 1949
    assert "Order of Lenin on a repeat award" in html
    assert "paragraph 4, sentence 1" in html  # the conferment's source


def test_person_page_warns_where_the_rules_are_uncertain(client):
    person = hero(surname_en="Sidorov")
    confer(person, "1938")
    html = text_of(client.get(f"/en/people/{person.slug}/"))
    assert "may fall before it" in html


def test_revoked_conferment_is_marked(client, heroes):
    conferment = Conferment.objects.get(person=heroes["abramov"])
    conferment.revoked_on = PartialDate(1960)
    conferment.save()
    html = client.get("/en/registry/?times=1").content.decode()
    assert "revoked" in html


def counted_directly() -> list[tuple[int, int]]:
    """Conferments per year counted from the conferments themselves, as the chart shows."""
    from django.db.models import Count

    rows = (
        Conferment.objects.published().values("year").annotate(number=Count("pk")).order_by("year")
    )
    return [(row["year"], row["number"]) for row in rows]


def test_a_draft_award_never_makes_anyone_twice_honoured_in_public(
    client, chief_editor_client, heroes
):
    abramov = heroes["abramov"]
    draft = Conferment(
        slug="abramov-draft",
        person=abramov,
        title=Conferment.objects.get(person=abramov).title,
        date=PartialDate(1960, 2, 1),
        published=False,
    )
    draft.full_clean()
    draft.save()

    def twice():
        return names_on(client.get("/registry/?times=2")), client.get("/registry/twice/").text

    names, page = twice()
    assert not any(name.startswith("Абрамов") for name in names)
    assert "Абрамов" not in page
    assert "Абрамов" in " ".join(names_on(client.get("/registry/?times=1")))

    chief_editor_client.post(
        "/admin/awards/conferment/",
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    names, page = twice()
    assert [name for name in names if name.startswith("Абрамов")] == ["Абрамов Иван Иванович"] * 2
    assert "Абрамов" in page and "1 февраля 1960" in text_of(client.get("/registry/twice/"))

    chief_editor_client.post(f"/admin/awards/conferment/{draft.pk}/delete/", {"post": "yes"})
    names, page = twice()
    assert "Абрамов" not in page and not any(name.startswith("Абрамов") for name in names)


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


@pytest.mark.django_db(transaction=True)
def test_a_person_page_reads_the_titles_rules_once_per_content_generation(editor_client):
    """The rules a person's page checks conferments against are kept until a committed
    write renews the content generation. (An editor's session: past the page cache.)"""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from awards.models import Provision

    person = hero(surname_en="Gromov")
    confer(person, "1949-06-10")
    path = f"/en/people/{person.slug}/"

    def visit():
        with CaptureQueriesContext(connection) as queries:
            html = text_of(editor_client.get(path))
        return html, len(queries)

    first, cold = visit()
    again, warm = visit()
    assert "Gold medal" in first and again == first
    assert warm == cold - 5  # the title, its provisions, and their passages
    for provision in Provision.objects.filter(
        title__slug="hero-of-socialist-labour", aspect=Provision.Aspect.GOLD_MEDAL
    ):
        provision.published = False
        provision.save()
    after, queries_after = visit()
    assert "Gold medal" not in after and queries_after == cold


def test_the_charts_figures_are_grouped_as_each_language_writes_numbers(client):
    from tests.support.registry_builders import fill_registry_in_sql

    fill_registry_in_sql(once=1200, twice=0)
    russian = client.get("/registry/years/").content.decode()
    assert "1\xa0200 присвоений в реестре" in russian
    english = client.get("/en/registry/years/").content.decode()
    assert "1,200 conferments recorded" in english
