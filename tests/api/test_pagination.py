"""Keyset pages both ways (awards.api.pagination over awards.core.keyset)."""

import pytest

from awards.core.keyset import PAGE_SIZE
from tests.conftest import new_person
from tests.support.api_answers import answer


@pytest.fixture
def many_people(seeded):
    for number in range(PAGE_SIZE * 2 + 7):
        new_person(slug=f"paged-{number:03d}", name_ru=f"Человек {number}")


def _slugs(page) -> list[str]:
    return [item["slug"] for item in page["items"]]


def test_next_to_the_end_then_previous_back_to_the_start(client, many_people):
    forwards, pages, address = [], [], "/api/people/?lang=en"
    while address:
        page = answer(client, address)
        pages.append(_slugs(page))
        forwards += _slugs(page)
        address = page["next"]
    assert len(pages) >= 3
    assert forwards == sorted(forwards)
    assert len(forwards) == len(set(forwards))
    backwards, address = [], answer(client, "/api/people/?page=last&lang=en")["previous"]
    backwards = _slugs(answer(client, "/api/people/?page=last&lang=en"))
    while address:
        page = answer(client, address)
        backwards = _slugs(page) + backwards
        address = page["previous"]
    assert backwards == forwards


def test_the_last_page_is_the_one_next_reaches(client, many_people):
    address, page = "/api/people/", None
    while address:
        page = answer(client, address)
        address = page["next"]
    last = answer(client, "/api/people/?page=last")
    assert _slugs(last)[-1] == _slugs(page)[-1]
    assert last["next"] is None and last["previous"]


def test_addresses_keep_the_other_parameters(client, many_people):
    page = answer(client, "/api/people/?lang=en")
    assert page["previous"] is None
    assert page["next"].startswith("http://testserver/api/people/?lang=en&after=")


@pytest.mark.parametrize("cursor", ["nonsense", "WzFd", "W10", "%00", "x" * 5000])
def test_a_tampered_cursor_gives_the_first_page(client, many_people, cursor):
    first = answer(client, "/api/people/")
    assert answer(client, f"/api/people/?after={cursor}") == first
    assert answer(client, f"/api/people/?before={cursor}") == first


def test_an_unknown_page_name_is_refused(client, many_people):
    assert client.get("/api/people/?page=2").status_code == 422
