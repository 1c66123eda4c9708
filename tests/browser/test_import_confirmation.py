"""An import whose records another editor changes between its preview and its confirmation."""

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from awards import models
from awards.editors import reset_demo_editor
from awards.exchange.exporter import export_records
from awards.exchange.resources import resource_for

SLUGS = ("hero-of-labour", "hero-of-socialist-labour")


@pytest.fixture
def open_as(browser, live_server, seeded):
    """A logged-in browser of its own for each user; CSP violations fail the test."""
    contexts, violations = [], []

    def login(username, *, chief=False):
        context = browser.new_context(base_url=live_server.url, locale="ru-RU")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on(
            "console",
            lambda message: (
                violations.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        _, password = reset_demo_editor(username=username, chief=chief)
        page.goto("/admin/login/")
        page.get_by_label("Имя пользователя").fill(username)
        page.get_by_label("Пароль").fill(password)
        page.get_by_role("button", name="Войти").click()
        page.wait_for_url("**/admin/")
        return page

    yield login
    for context in contexts:
        context.close()
    assert violations == []


def titles_with_new_names() -> tuple[bytes, int]:
    """The two titles as an export gives them but without its version column (a file made
    by hand), each renamed; and the spreadsheet row of the second."""
    resource = resource_for("title")()
    queryset = resource.get_queryset().filter(slug__in=SLUGS)
    text = b"".join(export_records(resource=resource, queryset=queryset, file_format="csv"))
    header, *rows = csv.reader(io.StringIO(text.decode("utf-8-sig")))
    name = header.index("name_ru")
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(header[:-1])
    for cells in rows:
        cells[name] += " (из файла)"
        writer.writerow(cells[:-1])
    row = 2 + [cells[0] for cells in rows].index(SLUGS[1])
    return output.getvalue().encode(), row


def test_an_edit_between_preview_and_confirmation_is_a_conflict_not_overwritten(open_as):
    content, row = titles_with_new_names()
    changed = models.Title.objects.get(slug=SLUGS[1])
    entries_before = changed.history.count()
    importer, other = open_as("importing-chief", chief=True), open_as("editor-b")

    importer.goto("/admin/awards/title/import/")
    importer.locator("#id_import_file").set_input_files(
        {"name": "titles.csv", "mimeType": "text/csv", "buffer": content}
    )
    importer.locator("#id_format").select_option("0")
    importer.get_by_role("button", name="Отправить").click()
    expect(importer.get_by_role("button", name="Подтвердить импорт")).to_be_visible()

    other.goto(f"/admin/awards/title/{changed.pk}/change/")
    other.locator("#id_description_ru").fill("Описание, которое сохранил редактор Б.")
    other.locator('input[name="_save"]').first.click()
    other.wait_for_url("**/admin/awards/title/")

    importer.get_by_role("button", name="Подтвердить импорт").click()

    expect(importer.locator(".errornote").first).to_contain_text("ничего не записано")
    conflict = importer.locator("table.import-errors tr.import-conflict")
    expect(conflict).to_have_count(1)
    expect(conflict.locator("th")).to_have_text(str(row))
    expect(conflict).to_contain_text("изменил кто-то другой после проверки файла")
    expect(importer.get_by_role("button", name="Проверить тот же файл ещё раз")).to_be_visible()
    page_width = importer.evaluate("document.documentElement.scrollWidth")
    assert page_width <= importer.viewport_size["width"]

    changed.refresh_from_db()
    assert changed.description_ru == "Описание, которое сохранил редактор Б."
    assert not changed.name_ru.endswith("(из файла)")
    assert not models.Title.objects.get(slug=SLUGS[0]).name_ru.endswith("(из файла)")
    new_entries = list(changed.history.order_by("-history_date", "-history_id"))[
        : changed.history.count() - entries_before
    ]
    assert [entry.history_user.username for entry in new_entries] == ["editor-b"]
    assert re.search("редактор Б", new_entries[0].description_ru)
