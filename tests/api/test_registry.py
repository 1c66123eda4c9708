"""The registry's filters and orders as query parameters (awards.api.registry)."""

import pytest

from awards.models import Title
from tests.support.api_answers import HSL, answer, every_item
from tests.support.registry_builders import confer, hero


@pytest.fixture
def registry(seeded):
    twice = hero(surname="Яковлев", surname_en="Yakovlev", given_name_en="Ivan")
    confer(twice, "1943-03-19")
    confer(twice, "1957-01-11")
    once = hero(surname="Абрамов", surname_en="Abramov", given_name_en="Ivan")
    confer(once, "1957-06-01")
    later = hero(surname="Борисов", surname_en="Borisov", given_name_en="Ivan")
    confer(later, "1975-05-14")
    return {"twice": twice, "once": once, "later": later}


def _surnames(items) -> list[str]:
    return [item["person"]["name"].split()[0] for item in items]


def test_by_surname_in_the_language_asked_for(client, registry):
    assert _surnames(every_item(client, "/api/conferments/")) == [
        "Абрамов",
        "Борисов",
        "Яковлев",
        "Яковлев",
    ]
    english = every_item(client, "/api/conferments/?lang=en")
    assert [item["person"]["slug"] for item in english][:2] == [
        registry["once"].slug,
        registry["later"].slug,
    ]


def test_by_date(client, registry):
    dates = [item["date"] for item in every_item(client, "/api/conferments/?sort=date")]
    assert dates == ["1943-03-19", "1957-01-11", "1957-06-01", "1975-05-14"]


def test_a_year(client, registry):
    for sort in ("surname", "date"):
        items = every_item(client, f"/api/conferments/?year=1957&sort={sort}")
        assert sorted(item["date"] for item in items) == ["1957-01-11", "1957-06-01"]


def test_the_twice_honoured(client, registry):
    items = every_item(client, "/api/conferments/?times=2")
    assert {item["person"]["slug"] for item in items} == {registry["twice"].slug}
    assert every_item(client, "/api/conferments/?times=4") == []


def test_a_title(client, registry, make_title):
    other = make_title(slug="other-title")
    assert len(every_item(client, f"/api/conferments/?title={HSL}")) == 4
    assert every_item(client, f"/api/conferments/?title={other.slug}") == []


def test_an_unknown_or_draft_title_answers_404(client, registry, make_title):
    make_title(slug="draft-title", published=False)
    for slug in ("no-such-title", "draft-title"):
        response = client.get(f"/api/conferments/?title={slug}")
        assert response.status_code == 404
        assert response.json() == {"detail": "No published title has this slug."}


@pytest.mark.parametrize("query", ["year=99", "times=5", "sort=name", "year=abc"])
def test_bad_filters_are_refused(client, registry, query):
    assert client.get(f"/api/conferments/?{query}").status_code == 422


def test_counts_per_year(client, registry):
    counts = answer(client, f"/api/registry/years/?title={HSL}", template="/api/registry/years/")
    assert {row["year"]: row["count"] for row in counts} == {1943: 1, 1957: 2, 1975: 1}
    assert Title.objects.filter(slug=HSL).exists()
