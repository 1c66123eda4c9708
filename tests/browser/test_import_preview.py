"""An import's preview, its errors and a version of a record, read in a browser at a laptop's
and a phone's width: the page does not scroll sideways, no word is narrower than its cell or
broken across lines, and a one-word change is marked as that word alone."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from awards import models
from tests.support.admin_pages import admin_url
from tests.support.record_files import edited_export
from tests.support.registry_lists import NOVIKOV, registry_list

WINDOWS = {"laptop": (1280, 800), "phone": (390, 844)}
SHOTS = Path("/work/shots/previews")
TITLE = "hero-of-labour"
OLD_WORD, NEW_WORD = "учреждённое", "введённое"

PAGE_FITS = "document.documentElement.scrollWidth <= window.innerWidth"
# Each cell of the selected tables: whether its content runs past it, and every word that the
# browser broke across lines (hyphens and slashes are where a word may wrap).
UNREADABLE_CELLS = """(selector) => {
  const found = [];
  for (const cell of document.querySelectorAll(selector)) {
    if (!cell.offsetParent) continue;
    if (cell.scrollWidth > cell.clientWidth + 1) {
      found.push("runs past its cell: " + cell.textContent.trim().slice(0, 60));
    }
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/[^\\s\\-\\u2010-\\u2014/]+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0)
          .map((r) => Math.round(r.top)));
        if (lines.size > 1) found.push("broken across lines: " + word[0]);
      }
    }
  }
  return found;
}"""
MARKED = "(tag) => [...document.querySelectorAll('#content ' + tag)].map((n) => n.textContent)"


def import_titles(page, content: bytes) -> None:
    page.goto("/admin/awards/title/import/")
    page.locator("#id_import_file").set_input_files(
        {"name": "titles.csv", "mimeType": "text/csv", "buffer": content}
    )
    page.locator("#id_format").select_option("0")
    page.get_by_role("button", name="Отправить").click()


def assert_readable(page, selector: str, shot: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=True)
    assert page.evaluate(PAGE_FITS), "the page scrolls sideways"
    assert page.evaluate(UNREADABLE_CELLS, selector) == []


@pytest.fixture(params=WINDOWS, ids=str)
def window(request):
    return request.param


def test_a_chief_editor_s_preview_of_a_one_word_change_reads_at_any_width(editor_page, window):
    page = editor_page("preview-chief", chief=True)
    page.set_viewport_size(dict(zip(("width", "height"), WINDOWS[window], strict=True)))

    import_titles(
        page,
        edited_export("title", slug=TITLE, column="description_ru", old=OLD_WORD, new=NEW_WORD),
    )

    expect(page.get_by_role("button", name="Подтвердить импорт")).to_be_visible()
    record = page.locator("table.import-changes tbody.import-record")
    expect(record).to_have_count(1)
    expect(record.locator(".import-record__slug")).to_have_text(TITLE)
    expect(page.locator(".import-unchanged summary")).to_have_text("Без изменений: 2 строки")
    assert page.evaluate(MARKED, "del") == [OLD_WORD]
    assert page.evaluate(MARKED, "ins") == [NEW_WORD]
    cells = "table.import-changes tbody th, table.import-changes tbody td"
    assert_readable(page, cells, f"preview-{window}")


def test_a_refused_title_file_reads_at_any_width(editor_page, window):
    page = editor_page("refused-chief", chief=True)
    page.set_viewport_size(dict(zip(("width", "height"), WINDOWS[window], strict=True)))
    established = models.Title.objects.get(slug=TITLE).established_on
    content = edited_export(
        "title", slug=TITLE, column="established_on", old=str(established), new="27 июля 1927"
    )

    import_titles(page, content)

    expect(page.get_by_role("heading", name="Ошибки: ничего не импортировано")).to_be_visible()
    expect(page.get_by_role("button", name="Подтвердить импорт")).to_have_count(0)
    record = page.locator("table.import-errors tbody.import-record")
    expect(record).to_have_count(1)
    expect(record.locator(".import-record__slug")).to_have_text(TITLE)
    expect(record.locator("tr.import-error-cell th")).to_have_text("established_on")
    expect(record.locator("tr.import-error-cell td").first).to_have_text("27 июля 1927")
    cells = "table.import-errors tbody th, table.import-errors tbody td"
    assert_readable(page, cells, f"errors-{window}")


def test_a_version_of_a_title_and_its_history_mark_the_changed_word_alone_at_any_width(
    editor_page, window
):
    page = editor_page("version-chief", chief=True)
    page.set_viewport_size(dict(zip(("width", "height"), WINDOWS[window], strict=True)))
    title = models.Title.objects.get(slug=TITLE)
    first = title.history.order_by("history_date").first()
    title.description_ru = title.description_ru.replace(OLD_WORD, NEW_WORD, 1)
    title.save()

    page.goto(admin_url(models.Title, "simple_history", title.pk, first.history_id))

    row = page.locator(".record-version table.record-history tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("td").first).to_contain_text(f"Звание, {NEW_WORD} в 1927 году")
    expect(row.locator("td").last).to_contain_text(f"Звание, {OLD_WORD} в 1927 году")
    assert page.evaluate(MARKED, "ins") == [NEW_WORD]
    assert page.evaluate(MARKED, "del") == [OLD_WORD]
    assert_readable(page, ".record-version .record-history td", f"version-{window}")

    # The history list marks the same word (awards.admin.history, one word diff).
    page.goto(admin_url(models.Title, "history", title.pk))
    assert page.evaluate(MARKED, "ins") == [NEW_WORD]
    assert page.evaluate(MARKED, "del") == [OLD_WORD]
    page.screenshot(path=str(SHOTS / f"history-{window}.png"), full_page=True)
    assert page.evaluate(PAGE_FITS), "the history list scrolls sideways"
    assert (
        page.evaluate(UNREADABLE_CELLS, "#change-history tbody th, #change-history tbody td") == []
    )


def test_a_file_that_cannot_be_read_is_refused_with_a_readable_message(editor_page, window):
    page = editor_page("unreadable-chief", chief=True)
    page.set_viewport_size(dict(zip(("width", "height"), WINDOWS[window], strict=True)))
    page.goto("/admin/awards/title/import/")
    page.locator("#id_import_file").set_input_files(
        {"name": "titles.json", "mimeType": "application/json", "buffer": b"slug,name_ru\n"}
    )
    page.locator("#id_format").select_option("3")
    page.get_by_role("button", name="Отправить").click()

    message = page.locator("ul.errorlist li").first
    expect(message).to_be_visible()
    assert_readable(page, "ul.errorlist li", f"unreadable-{window}")


def test_a_refused_registry_list_reads_at_any_width(editor_page, settings, tmp_path, window):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.IMPORT_FILES_ROOT = tmp_path
    listed = tmp_path / "list.csv"
    listed.write_bytes(registry_list({**NOVIKOV, "date": "1960", "title": "no-such-title"}))
    page = editor_page("list-editor")
    page.set_viewport_size(dict(zip(("width", "height"), WINDOWS[window], strict=True)))

    page.goto("/admin/awards/conferment/import-list/")
    page.locator("input[type=file]").set_input_files(str(listed))
    page.get_by_role("button", name="Загрузить и проверить").click()

    record = page.locator("table.import-errors tbody.import-record")
    expect(record).to_have_count(1)
    expect(record.locator(".import-record__name")).to_have_text("Новиков Пётр Ильич")
    expect(record.locator("tr.import-error-cell th")).to_have_text("title")
    cells = "table.import-errors tbody th, table.import-errors tbody td"
    assert_readable(page, cells, f"registry-list-errors-{window}")
