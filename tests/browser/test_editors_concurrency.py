"""Two editors in two browsers at once, and a revert from the history: nothing is lost.

The title is a draft: an editor's change of a published record waits for review
(tests/browser/test_moderation_queue.py)."""

from awards import models
from tests.support.admin_pages import drafted


def save(page):
    page.locator('input[name="_save"]').first.click()
    page.wait_for_load_state()


def test_two_editors_at_once_keep_both_changes(editor_page):
    title = drafted(models.Title.objects.get(slug="hero-of-labour"))
    entries_before = title.history.count()
    change_url = f"/admin/awards/title/{title.pk}/change/"
    first, second = editor_page("editor-a"), editor_page("editor-b")
    first.goto(change_url)
    second.goto(change_url)

    first.locator("#id_description_ru").fill("Описание, которое сохранил редактор А.")
    save(first)
    first.wait_for_url("**/admin/awards/title/")
    second.locator("#id_name_ru").fill("Герой Труда (правка Б)")
    save(second)

    conflict = second.locator("#record-conflict")
    assert "Другой редактор сохранил эту запись" in second.locator(".errorlist").first.inner_text()
    assert "editor-a" in conflict.inner_text()
    row = conflict.locator("tr", has_text="Описание [ru]")
    assert "Описание, которое сохранил редактор А." in row.locator("td").nth(1).inner_text()
    assert "вы это поле не меняли" in row.locator("td").nth(2).inner_text()
    assert second.locator("#id_name_ru").input_value() == "Герой Труда (правка Б)"
    assert (
        second.locator("#id_description_ru").input_value()
        == "Описание, которое сохранил редактор А."
    )
    title.refresh_from_db()
    assert title.name_ru == "Герой Труда"

    save(second)
    second.wait_for_url("**/admin/awards/title/")

    title.refresh_from_db()
    assert title.name_ru == "Герой Труда (правка Б)"
    assert title.description_ru == "Описание, которое сохранил редактор А."
    newest = list(title.history.order_by("-history_date", "-history_id"))
    assert len(newest) == entries_before + 2
    assert [entry.history_user.username for entry in newest[:2]] == ["editor-b", "editor-a"]
    assert [entry.version for entry in newest[:2]] == [3, 2]


def test_a_revert_from_the_history_is_a_new_entry_with_the_citations(editor_page):
    title = drafted(models.Title.objects.get(slug="hero-of-labour"))
    original = title.description_ru
    citations = set(title.citations.values_list("slug", flat=True))
    page = editor_page("editor-a")
    page.goto(f"/admin/awards/title/{title.pk}/change/")
    page.locator("#id_description_ru").fill("Неудачная правка описания")
    save(page)

    page.goto(f"/admin/awards/title/{title.pk}/history/")
    rows = page.locator("#change-history tbody tr")
    assert "Неудачная правка" in rows.first.inner_text()
    rows.last.get_by_role("link").first.click()
    assert "Неудачная правка" in page.locator(".record-version").inner_text()
    page.get_by_role("button", name="Вернуться к этой версии").click()
    page.wait_for_url(f"**/admin/awards/title/{title.pk}/history/")

    top = page.locator("#change-history tbody tr").first.inner_text()
    assert "Возврат к версии от" in top and "editor-a" in top
    title.refresh_from_db()
    assert title.description_ru == original
    assert set(title.citations.values_list("slug", flat=True)) == citations
    latest = title.history.order_by("-history_date", "-history_id").first()
    assert latest.citations.count() == len(citations)
