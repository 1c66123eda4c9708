"""schema.org descriptions of the pages as JSON-LD (awards.site.structured_data)."""

import json
import re

from tests.support.public_pages import get_page


def _json_ld(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return [json.loads(block) for block in blocks]


def test_json_ld_describes_the_act_as_legislation(client, seeded):
    data = _json_ld(get_page(client, "/decrees/1940-05-22-hammer-and-sickle/"))
    act = next(item for item in data if item["@type"] == "Legislation")
    assert act["legislationDate"] == "1940-05-22"
    assert any(item["@type"] == "BreadcrumbList" for item in data)


def test_json_ld_of_the_home_page_offers_the_search(client, seeded):
    (site,) = _json_ld(get_page(client, "/"))
    assert site["@type"] == "WebSite"
    assert site["potentialAction"]["target"] == "http://testserver/search/?q={search_term_string}"


def _person_data(client, url):
    return next(item for item in _json_ld(get_page(client, url)) if item["@type"] == "Person")


def test_json_ld_describes_a_person_with_names_dates_places_and_awards(client, seeded):
    from awards.models import OtherName
    from tests.support.registry_builders import confer, hero

    person = hero(
        surname="Стаханов",
        given_name="Алексей",
        patronymic="Григорьевич",
        born_on="1906-01",
        died_on="1977-11-05",
        birth_place_ru="Лугань",
        name_as_written="Стаханов Андрей Григорьевич",
    )
    OtherName.objects.create(person=person, name="Aleksei Stakhanov", kind="spelling")
    confer(person, "1970-12-19")
    data = _person_data(client, person.get_absolute_url())
    assert data["name"] == "Стаханов Алексей Григорьевич"
    assert data["url"] == f"http://testserver/people/{person.slug}/"
    assert data["alternateName"] == ["Стаханов Андрей Григорьевич", "Aleksei Stakhanov"]
    assert (data["birthDate"], data["deathDate"]) == ("1906-01", "1977-11-05")
    assert data["birthPlace"] == {"@type": "Place", "name": "Лугань"}
    assert data["award"] == ["Герой Социалистического Труда (19 декабря 1970 г.)"]
    assert (data["givenName"], data["familyName"]) == ("Алексей", "Стаханов")


def test_json_ld_of_a_person_in_english_and_without_what_is_not_known(client, seeded):
    from tests.support.registry_builders import hero

    person = hero(surname_en="Ivanov", given_name_en="Ivan")
    data = _person_data(client, f"/en/people/{person.slug}/")
    assert data["url"] == f"http://testserver/en/people/{person.slug}/"
    assert data["inLanguage"] == "en"
    assert not {"birthDate", "deathDate", "birthPlace", "award", "alternateName"} & data.keys()


def test_json_ld_leaves_out_a_revoked_award(client, seeded):
    from tests.support.registry_builders import confer, hero

    person = hero()
    confer(person, "1943-03-19", revoked_on="1950-01-01")
    assert "award" not in _person_data(client, person.get_absolute_url())
