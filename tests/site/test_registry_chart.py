"""The chart of conferments per year (awards.site.registry_chart) and its table."""

import re

import pytest

from tests.support.registry_pages import text_of

pytestmark = pytest.mark.usefixtures("seeded")


def test_the_chart_table_counts_conferments_per_year(client, heroes):
    html = text_of(client.get("/en/registry/years/"))
    table = html[html.index('<table id="year-table"') :]
    rows = re.findall(r'\?year=(\d{4})">\d{4}</a></th>\s*<td>(\d+)</td>', table)
    assert rows == [("1943", "1"), ("1949", "1"), ("1957", "3"), ("1966", "1")]
    assert "6 conferments recorded; the most in 1957 (3)." in html
    # One bar for every year from the first to the last, empty years included.
    assert html.count('class="year-chart__bar"') == 1966 - 1943 + 1


def test_the_charts_figures_are_grouped_as_each_language_writes_numbers(client):
    from tests.support.registry_builders import fill_registry_in_sql

    fill_registry_in_sql(once=1200, twice=0)
    russian = client.get("/registry/years/").content.decode()
    assert "1\xa0200 присвоений в реестре" in russian
    english = client.get("/en/registry/years/").content.decode()
    assert "1,200 conferments recorded" in english
