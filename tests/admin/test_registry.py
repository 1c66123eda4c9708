"""The conferments in the admin (awards.admin.registry): the filter by the number of awards
is open-ended. People invented."""

import re

import pytest

from tests.support.registry_builders import confer, hero

pytestmark = pytest.mark.usefixtures("seeded")


def test_the_number_of_awards_filter_offers_four_and_five(editor_client):
    four = hero(surname="Многократный")
    for date in ("1950-01-01", "1960-01-01", "1970-01-01", "1975-02-02"):
        confer(four, date)
    five = hero(surname="Пятикратный")
    for date in ("1950-01-01", "1960-01-01", "1970-01-01", "1974-04-04", "1976-06-06"):
        confer(five, date)

    page = editor_client.get("/admin/awards/conferment/").content.decode()
    offered = set(re.findall(r'href="\?times=(\d+)"', page))
    assert {"4", "5"} <= offered

    fourth = editor_client.get("/admin/awards/conferment/?times=4").content.decode()
    assert fourth.count("Многократный") >= 4 and "Пятикратный" not in fourth
