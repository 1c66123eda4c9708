"""The registry list's current result as CSV (awards.site.registry_views.registry_export):
its filters honoured, every page, drafts left out, the file named for its query and day."""

import csv
import io

import pytest
from django.utils import timezone

from tests.support.registry_builders import confer, hero

pytestmark = pytest.mark.usefixtures("seeded")


def rows_of(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def heroes():
    confer(hero(surname="Абрамов", slug="abramov"), "1957-01-11")
    confer(hero(surname="Петров", slug="petrov"), "1975-03-01")
    confer(hero(surname="Тайнов", slug="draft-hero"), "1975-04-01", published=False)


def test_the_csv_holds_the_filtered_result_in_the_registry_list_format(client, heroes):
    response = client.get("/registry/export.csv?year=1975")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = rows_of(response)
    assert [row["surname_ru"] for row in rows] == ["Петров"]
    assert rows[0]["person"] == "petrov"
    assert rows[0]["date"] == "1975-03-01"
    assert rows[0]["citations"] == "hsl-p4-s1"


def test_without_filters_every_published_conferment(client, heroes):
    rows = rows_of(client.get("/registry/export.csv"))
    assert sorted(row["surname_ru"] for row in rows) == ["Абрамов", "Петров"]


def test_the_file_names_its_query_and_day(client, heroes):
    day = timezone.localdate().isoformat()
    response = client.get("/registry/export.csv?year=1975&title=hero-of-socialist-labour")
    assert response["Content-Disposition"] == (
        f'attachment; filename="registry_title-hero-of-socialist-labour_year-1975_{day}.csv"'
    )
    plain = client.get("/registry/export.csv")
    assert plain["Content-Disposition"] == f'attachment; filename="registry_{day}.csv"'


def test_an_invalid_filter_is_refused(client, heroes):
    assert client.get("/registry/export.csv?year=abc").status_code == 400


def test_the_registry_page_offers_its_result_as_csv(client, heroes):
    html = client.get("/registry/?year=1975&sort=date").content.decode()
    assert 'href="/registry/export.csv?year=1975&amp;sort=date"' in html
