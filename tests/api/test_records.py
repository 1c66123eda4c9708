"""Every kind of public record as a list and one by one (awards.api.records)."""

import pytest

from awards.models import Citation, Conferment, Person, Title
from tests.support.api_answers import COMPUTED, HSL, LIST_TEMPLATES, answer, every_item
from tests.support.registry_builders import confer, hero


@pytest.mark.parametrize("template", LIST_TEMPLATES)
def test_every_list_and_each_of_its_records_answer_as_the_document_says(client, seeded, template):
    if template == "/api/conferments/":
        confer(hero(), "1943-03-19")
    items = answer(client, template, template=template)["items"]
    assert items
    detail = template + "{slug}/"
    for item in items:
        one = answer(client, f"{template}{item['slug']}/", template=detail)
        assert one == item


@pytest.mark.parametrize("path", COMPUTED)
def test_every_computed_answer_matches_the_document(client, seeded, path):
    answer(client, path, template=COMPUTED[path])


def test_a_record_carries_its_page_version_and_passages(client, seeded):
    Title.objects.get(slug=HSL).save()
    title = answer(client, f"/api/titles/{HSL}/")
    assert title["url"] == f"http://testserver/titles/{HSL}/"
    assert title["version"] == 2
    assert title["name"] == "Герой Социалистического Труда"
    assert title["established_on"] == "1938-12-27"
    passage = next(item for item in title["citations"] if item["slug"] == "hsl-p4-s1")
    expected = Citation.objects.get(slug="hsl-p4-s1")
    assert passage["quote"] == expected.quote_ru
    assert passage["place"] == "абзац 4, предложение 1"
    assert passage["source"]["url"] == "http://testserver/sources/hero-of-socialist-labour-ru/"


def test_english_texts_and_pages_with_lang_en(client, seeded):
    title = answer(client, f"/api/titles/{HSL}/?lang=en")
    assert title["name"] == "Hero of Socialist Labour"
    assert title["url"] == f"http://testserver/en/titles/{HSL}/"
    passage = next(item for item in title["citations"] if item["slug"] == "hsl-p4-s1")
    assert passage["place"] == "paragraph 4, sentence 1"
    assert passage["quote"].startswith("Ten years later")


def test_russian_whatever_the_browser_asks(client, seeded):
    response = client.get(f"/api/titles/{HSL}/", headers={"accept-language": "en"})
    assert response.json()["name"] == "Герой Социалистического Труда"
    assert response["Content-Language"] == "ru"


def test_an_unknown_language_is_refused(client, seeded):
    assert client.get(f"/api/titles/{HSL}/?lang=de").status_code == 422


def test_a_provision_carries_its_bases_and_boundaries(client, seeded):
    provisions = {item["slug"]: item for item in every_item(client, "/api/provisions/")}
    repeat = provisions["hero-of-socialist-labour-repeat-order-of-lenin"]
    assert repeat["title"]["slug"] == HSL
    assert repeat["start"]["basis"] == "unknown"
    assert repeat["start"]["date"] is None
    assert (repeat["end"]["basis"], repeat["end"]["date"]) == ("dated", "1988")


def test_a_persons_other_names_and_partial_dates(client, seeded, make_person):
    person = make_person(name_ru="Петров Пётр", born_on="1901-05", died_on="1970")
    person.other_names.create(name="Pyotr Petrov", kind="spelling", language="en")
    data = answer(client, f"/api/people/{person.slug}/", template="/api/people/{slug}/")
    assert data["born_on"] == "1901-05"
    assert data["died_on"] == "1970"
    assert data["other_names"] == [{"name": "Pyotr Petrov", "kind": "spelling", "language": "en"}]


def test_a_conferment_names_its_person_title_and_count(client, seeded):
    person = hero(surname="Сидоров")
    confer(person, "1943-03-19")
    second = confer(person, "1957-01-11")
    data = answer(client, f"/api/conferments/{second.slug}/")
    assert data["person"]["url"] == f"http://testserver/people/{person.slug}/"
    assert data["title"]["slug"] == HSL
    assert (data["times"], data["ordinal"], data["date"]) == (2, 2, "1957-01-11")


def test_an_unknown_slug_answers_404_as_json(client, seeded):
    response = client.get("/api/people/nobody/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_a_list_costs_the_same_queries_for_many_records(
    client, seeded, django_assert_max_num_queries
):
    for number in range(60):
        confer(hero(surname=f"Фамилия{number}"), "1950-01-01", check=False)
    with django_assert_max_num_queries(4):
        page = answer(client, "/api/conferments/")
    assert len(page["items"]) == 50
    assert Conferment.objects.count() >= 60 and Person.objects.count() >= 60
