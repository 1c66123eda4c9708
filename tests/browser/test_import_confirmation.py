"""An import whose records another editor changes between its preview and its confirmation."""

import csv
import io
import re

from playwright.sync_api import expect

from awards import models
from awards.exchange.exporter import export_file
from awards.exchange.kinds.records import RecordKind
from awards.exchange.resources import resource_for

SLUGS = ("hero-of-labour", "hero-of-socialist-labour")


def titles_with_new_names() -> tuple[bytes, int]:
    """The two titles as an export gives them but without its version column (a file made
    by hand), each renamed; and the spreadsheet row of the second."""
    resource = resource_for("title")()
    queryset = resource.get_queryset().filter(slug__in=SLUGS)
    text = b"".join(export_file(kind=RecordKind(resource), queryset=queryset, file_format="csv"))
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


def test_an_edit_between_preview_and_confirmation_is_a_conflict_not_overwritten(editor_page):
    content, row = titles_with_new_names()
    changed = models.Title.objects.get(slug=SLUGS[1])
    entries_before = changed.history.count()
    # The other is a chief editor too: an editor's change of a published title would wait
    # for review (awards.records.moderation) and change nothing.
    importer, other = (
        editor_page("importing-chief", chief=True),
        editor_page("editor-b", chief=True),
    )

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
    conflict = importer.locator("table.import-errors tbody.import-conflict")
    expect(conflict).to_have_count(1)
    expect(conflict.locator(".import-record__number")).to_have_text(f"Строка {row}")
    expect(conflict.locator(".import-record__slug")).to_have_text(SLUGS[1])
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
