"""The ledger of medal numbers (awards.registry.ledger), on plain rows and on the pages.
The people are invented."""

import pytest

from awards.core.dates import PartialDate
from awards.core.medal_numbers import medal_order_of
from awards.registry.ledger import LONG_GAP, LedgerRow, medal_ledger
from tests.support.registry_builders import confer, hero


def row(pk, number, date):
    return LedgerRow(pk, number, medal_order_of(number), PartialDate.parse(date))


@pytest.mark.parametrize(
    ("text", "number"),
    [("1234", 1234), ("№ 1234", 1234), ("12 345", 12345), ("No. 7", 7), ("12а", None), ("?", None)],
)
def test_a_medal_number_is_read_as_sources_write_it(text, number):
    assert medal_order_of(text) == number


def test_duplicates_numbers_out_of_order_gaps_and_non_numbers_are_flagged():
    rows = [
        row(1, "100", "1950-01-01"),
        row(2, "101", "1951-01-01"),
        row(3, "101", "1951-02-01"),  # given twice
        row(4, "102", "1949-06-01"),  # dated before a lower number
        row(5, "103", "1950"),  # known to the year, but wholly before February 1951
        row(6, str(103 + LONG_GAP + 2), "1960-01-01"),  # after a long gap
        row(7, "12а", "1960-01-01"),
    ]

    ledger = medal_ledger(rows=rows)

    assert [[r.pk for r in group] for group in ledger.duplicates] == [[2, 3]]
    assert [(early.pk, later.pk) for early, later in ledger.out_of_order] == [(4, 3), (5, 3)]
    assert [(gap.after.pk, gap.before.pk, gap.missing) for gap in ledger.gaps] == [
        (5, 6, LONG_GAP + 1)
    ]
    assert [r.pk for r in ledger.unreadable] == [7]
    assert [r.pk for r in ledger.numbered] == [1, 2, 3, 4, 5, 6]


def test_numbers_in_the_order_of_their_dates_are_not_flagged():
    ledger = medal_ledger(rows=[row(n, str(n), f"19{50 + n}-01-01") for n in range(1, 6)])

    assert ledger.anomalies == 0


@pytest.mark.usefixtures("seeded")
def test_the_public_ledger_shows_published_numbers_and_links_each_anomaly(client):
    early = hero(surname="Проверочный-Ранний")
    late = hero(surname="Проверочный-Поздний")
    confer(early, "1960-01-01", medal_number="200")
    confer(late, "1950-01-01", medal_number="300")
    hidden = hero(surname="Проверочный-Черновой", published=False)
    confer(hidden, "1955-01-01", medal_number="250")

    page = client.get("/registry/medals/").content.decode()

    assert "Проверочный-Поздний" in page and "Проверочный-Ранний" in page
    assert "Проверочный-Черновой" not in page
    assert page.count(late.get_absolute_url()) >= 2  # the anomaly and the list
    english = client.get("/en/registry/medals/").content.decode()
    assert "Numbers out of order with their dates" in english


@pytest.mark.usefixtures("seeded")
def test_the_editors_ledger_counts_drafts_and_links_the_admin(editor_client):
    person = hero(surname="Проверочный-Черновой", published=False)
    first = confer(person, "1960-01-01", medal_number="500")
    confer(hero(surname="Проверочный-Другой"), "1961-01-01", medal_number="500")

    page = editor_client.get("/admin/awards/conferment/ledger/").content.decode()

    assert f"/admin/awards/conferment/{first.pk}/change/" in page
    assert "Номера, выданные дважды" in page


@pytest.mark.django_db(transaction=True)
def test_the_public_ledger_is_read_once_per_content_generation(django_assert_num_queries):
    """Reading a title's whole ledger costs a query over every numbered conferment: the
    public page reads it once until a committed write renews the generation."""
    from awards.core.content_generation import invalidate_public_pages
    from awards.models import Conferment, Title
    from awards.records.seed import fixture_paths, load_fixture_records
    from awards.registry.ledger import read_public_ledger

    if not Title.objects.exists():
        load_fixture_records(paths=fixture_paths())
    confer(hero(surname="Проверочный-Первый"), "1960-01-01", medal_number="700")
    title = Title.objects.get(slug="hero-of-socialist-labour")
    public = Conferment.objects.for_registry().filter(title=title)
    first, _records = read_public_ledger(title=title, conferments=public)
    with django_assert_num_queries(0):
        again, _records = read_public_ledger(title=title, conferments=public)
    assert again is first and first.numbered == 1

    confer(hero(surname="Проверочный-Второй"), "1961-01-01", medal_number="700")
    invalidate_public_pages()
    renewed, records = read_public_ledger(title=title, conferments=public)
    assert renewed.numbered == 2 and renewed.anomalies == 1
    assert [[row.pk for row in group] for group in renewed.duplicates] == [sorted(records)]
