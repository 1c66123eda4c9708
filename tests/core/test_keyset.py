"""Keyset pagination (awards.core.keyset): cursors come from the address, so from anyone; none
gives a 500; pages follow one another to the last and back."""

import base64
import json
import re

import pytest

from awards.core.keyset import encode_cursor
from awards.site import registry_views
from tests.support.registry_builders import confer, hero
from tests.support.registry_pages import names_on

pytestmark = pytest.mark.usefixtures("seeded")


KEYSET_PAGES = ["/registry/", "/registry/?sort=date", "/registry/twice/", "/en/registry/thrice/"]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


HOSTILE_CURSORS = [
    _b64(b"[" * 1500),
    _b64(b"[" * 1500 + b"]" * 1500),
    _b64(b"[1, Infinity]"),
    _b64(b"[NaN, 1]"),
    _b64(b'["x", 1e400]'),
    _b64(b'["x", 99999999999999999999999999]'),
    _b64(b'["x", -1]'),
    _b64(b'["x", true]'),
    _b64(b'[["x"], 1]'),
    _b64(b'[{"a": 1}, 1]'),
    _b64(b'["x"]'),
    _b64(b'["x", 1, 2]'),
    _b64(b'"x"'),
    _b64(b"\xff\xfe\x00"),
    _b64(b'["\\u0000", 1]'),
    _b64(b'["\\ud800", 1]'),
    _b64(json.dumps(["x" * 5000, 1]).encode()),
    "!!!not-base64!!!",
    "%00",
    "a" * 100_000,
    encode_cursor([None, 1]),
]


def people_on(response) -> list[str]:
    return re.findall(r'href="(?:/en)?/people/([\w-]+)/', response.content.decode())


@pytest.fixture
def twice_and_thrice(db):
    twice = hero(surname="Дважды")
    confer(twice, "1943-03-19")
    confer(twice, "1957-01-11")
    thrice = hero(surname="Трижды")
    for date in ("1949-06-10", "1957-01-11", "1966-05-05"):
        confer(thrice, date)


@pytest.mark.parametrize("path", KEYSET_PAGES)
@pytest.mark.parametrize("direction", ["after", "before"])
def test_a_malformed_cursor_gives_the_first_page_never_an_error(
    client, twice_and_thrice, path, direction
):
    first = client.get(path)
    assert first.status_code == 200 and people_on(first)
    separator = "&" if "?" in path else "?"
    for cursor in HOSTILE_CURSORS:
        response = client.get(f"{path}{separator}{direction}={cursor}")
        assert response.status_code == 200, (path, cursor[:40])
        assert people_on(response) == people_on(first), (path, cursor[:40])


def test_a_cursor_the_site_wrote_turns_the_page(client, twice_and_thrice, monkeypatch):
    monkeypatch.setattr("awards.site.registry_views.PAGE_SIZE", 2)
    first = client.get("/registry/?sort=date")
    cursor = re.search(r"after=([\w-]+)", first.content.decode()).group(1)
    second = client.get(f"/registry/?sort=date&after={cursor}")
    assert len(people_on(first)) == len(people_on(second)) == 2
    monkeypatch.setattr("awards.site.registry_views.PAGE_SIZE", 4)
    assert people_on(client.get("/registry/?sort=date")) == people_on(first) + people_on(second)


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


def test_a_forged_cursor_gives_the_first_page(client, heroes):
    response = client.get("/registry/?after=not-a-cursor")
    assert names_on(response) == names_on(client.get("/registry/"))


def test_a_page_of_values_built_into_items_follows_the_same_keys_as_records(twice_and_thrice):
    """``keyset_page(row=...)``: the items are built from values, page after page, with the
    cursors the records' pages have."""
    from awards.core.keyset import keyset_page
    from awards.models import Conferment
    from awards.registry.lines import ConfermentLine, lines

    conferments = Conferment.objects.for_registry()
    for key in ("sort_name_ru", "date"):
        records = keyset_page(queryset=conferments, key=key, size=2)
        values = keyset_page(queryset=lines(conferments), key=key, size=2, row=ConfermentLine.of)
        while True:
            assert all(isinstance(item, ConfermentLine) for item in values.items)
            assert [item.pk for item in values.items] == [item.pk for item in records.items]
            assert (values.next_cursor, values.previous_cursor) == (
                records.next_cursor,
                records.previous_cursor,
            )
            if records.at_end:
                break
            records = keyset_page(queryset=conferments, key=key, size=2, after=records.next_cursor)
            values = keyset_page(
                queryset=lines(conferments), key=key, size=2, row=ConfermentLine.of,
                after=values.next_cursor,
            )  # fmt: skip
        last = keyset_page(queryset=lines(conferments), key=key, last=True, row=ConfermentLine.of)
        assert [item.pk for item in last.items] == [
            item.pk for item in keyset_page(queryset=conferments, key=key, last=True).items
        ]
