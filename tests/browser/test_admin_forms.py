"""The admin's long forms and lists as an editor sees them at 1280 and 390 px: a title's
form a few screens tall, no column narrower than its longest word, every list's state or
status seen without a sideways scroll."""

import pytest

from awards import models
from tests.browser.test_admin_layout import PAGE_WIDTH, WINDOWS
from tests.support.registry_builders import confer, hero

# The title's form with its fourteen provisions stacked was 16,380 px tall at 1280 px.
TITLE_FORM_HEIGHT_BEFORE = 16_380

# Each visible cell whose longest word is wider than the cell's room for text.
NARROW_CELLS = """(selector) => {
  const context = document.createElement('canvas').getContext('2d');
  const narrow = [];
  for (const cell of document.querySelectorAll(selector)) {
    if (!cell.offsetParent) continue;
    const style = getComputedStyle(cell);
    context.font = style.font;
    const words = cell.innerText.split(/\\s+/).filter(Boolean);
    if (!words.length) continue;
    const widths = words.map((word) => context.measureText(word).width);
    const longest = Math.max(...widths);
    const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (longest > room + 1) narrow.push([words[widths.indexOf(longest)], Math.round(room)]);
  }
  return narrow;
}"""

# Where a list's column ends, and where the part of the list seen without scrolling ends.
COLUMN_EDGE = """(selector) => {
  const cell = document.querySelector(selector);
  const box = cell.closest('.results') || document.documentElement;
  return [cell.getBoundingClientRect().right, Math.min(box.getBoundingClientRect().right,
          window.innerWidth)];
}"""


@pytest.fixture
def chief_editors_window(editor_page):
    return editor_page("forms-chief", chief=True)


@pytest.mark.parametrize("window", WINDOWS, ids=str)
def test_the_title_form_is_a_few_screens_and_fits_the_window(chief_editors_window, window):
    page = chief_editors_window
    width, height = WINDOWS[window]
    page.set_viewport_size({"width": width, "height": height})
    title = models.Title.objects.get(slug="hero-of-socialist-labour")

    page.goto(f"/admin/awards/title/{title.pk}/change/")
    page.wait_for_load_state("networkidle")

    page_width, window_width = page.evaluate(PAGE_WIDTH)
    assert page_width <= window_width
    items = page.locator(".provision-list__item")
    assert items.count() == title.provisions.count()
    if width == 1280:
        form_height = page.evaluate("document.body.scrollHeight")
        assert form_height < TITLE_FORM_HEIGHT_BEFORE / 4
    # Django's tabular inline keeps a row's name in a cell of no width, above the row.
    cells = ".inline-group td:not(.original), .inline-group th, .inline-group td.original p"
    assert page.evaluate(NARROW_CELLS, cells) == []
    inline_width, inline_room = page.evaluate(
        "() => { const t = document.querySelector('.inline-group .tabular');"
        " return [t.scrollWidth, t.clientWidth]; }"
    )
    assert inline_width <= inline_room
    # The passages' full text, wrapped; each row named by its passage.
    assert page.locator("td.original p").first.inner_text().startswith("абзац ")


def import_entries():
    models.ImportLog.objects.create(
        model_name="title",
        file_name="звания-после-сверки-с-источниками.csv",
        file_format="csv",
        origin="admin",
        status="imported",
        new_count=1,
        updated_count=3,
    )
    models.ImportJob.objects.create(
        model_name="registry_list", file_name="реестр-1939-1945.xlsx", file_format="xlsx"
    )
    confer(hero(), "1943-03-19")


def admin_lists():
    lists = {
        model._meta.model_name: ("th.column-publication_state", "td.field-publication_state")
        for model in (*models.RECORD_MODELS, *models.REGISTRY_MODELS)
        if model.objects.exists()
    }
    lists["importlog"] = lists["importjob"] = ("th.column-status", "td.field-status")
    return lists


@pytest.mark.parametrize("window", WINDOWS, ids=str)
def test_every_list_shows_its_state_without_a_sideways_scroll(chief_editors_window, window):
    page = chief_editors_window
    width, height = WINDOWS[window]
    page.set_viewport_size({"width": width, "height": height})
    import_entries()
    hidden, too_wide = {}, {}

    for name, (header, cell) in admin_lists().items():
        page.goto(f"/admin/awards/{name}/")
        page.wait_for_load_state("networkidle")
        page_width, window_width = page.evaluate(PAGE_WIDTH)
        if page_width > window_width:
            too_wide[name] = page_width
        # On a phone the header row is gone: each row is a card, its state second.
        right, seen = page.evaluate(COLUMN_EDGE, header if width == 1280 else cell)
        if right > seen + 1:
            hidden[name] = (round(right), round(seen))

    assert too_wide == {}
    assert hidden == {}
