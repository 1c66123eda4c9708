"""The registry list on a phone (390 px wide): filters, order and pages, without scrolling
sideways and without any script."""

import pytest

from awards.exchange.kinds.registry_list import RegistryListKind
from awards.exchange.pipeline.run import import_file
from bench.registry import synthetic_csv


@pytest.fixture
def phone(browser, live_server, seeded):
    assert import_file(
        kind=RegistryListKind(), data=synthetic_csv(130), file_name="synthetic.csv"
    ).ok
    context = browser.new_context(
        base_url=live_server.url,
        locale="en-GB",
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def fits_the_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def entry_names(page) -> list[str]:
    return page.locator(".registry-entry__name a").all_inner_texts()


def entries(page) -> list[str]:
    """Each conferment on the page: its person and its award, one text each."""
    return page.locator(".registry-entry").all_inner_texts()


def test_filters_narrow_the_list_on_a_phone(phone):
    phone.goto("/en/registry/")
    assert len(entry_names(phone)) == 50
    assert fits_the_width(phone)
    phone.select_option("#id_times", "2")
    phone.get_by_role("button", name="Show").click()
    phone.wait_for_url("**/registry/?*times=2*")
    names = entry_names(phone)
    # Each of the twice honoured appears with both awards, and no one else does.
    assert names and all(names.count(name) == 2 for name in names)
    assert fits_the_width(phone)


def test_paging_to_the_last_page_and_back_on_a_phone(phone):
    phone.goto("/en/registry/?sort=date")
    first = entry_names(phone)
    first_entries = entries(phone)
    phone.get_by_role("link", name="Next page").click()
    second_entries = entries(phone)
    assert len(second_entries) == 50 and not set(first_entries) & set(second_entries)
    phone.get_by_role("link", name="Last page").click()
    assert phone.get_by_role("link", name="Next page").count() == 0
    last = entry_names(phone)
    assert 0 < len(last) <= 50
    phone.get_by_role("link", name="First page").click()
    assert entry_names(phone) == first
    assert fits_the_width(phone)


def test_the_chart_and_its_table_fit_a_phone(phone):
    phone.goto("/en/registry/years/")
    assert phone.locator("svg.year-chart__svg rect").count() > 10
    rows = phone.locator("#year-table tbody tr").count()
    assert rows > 10
    assert fits_the_width(phone)
