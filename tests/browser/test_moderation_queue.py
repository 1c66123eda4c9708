"""Review of a change to a published record in two browsers, at a laptop's and a phone's
width: the editor's change waits, the chief editor reads it word by word in the queue,
approves it, and the public page shows it; nothing scrolls sideways."""

import os
import re

import pytest

from awards import models

WINDOWS = {"laptop": (1280, 800), "phone": (390, 844)}
PAGE_WIDTH = "[document.documentElement.scrollWidth, window.innerWidth]"
EVENT = "1921-term-hero-of-labour"
SHOTS = os.environ.get("MODERATION_SHOTS")


def save(page):
    page.locator('input[name="_save"]').first.click()
    page.wait_for_load_state()


def fits(page) -> bool:
    page_width, window_width = page.evaluate(PAGE_WIDTH)
    return page_width <= window_width


def shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.mark.parametrize("window", WINDOWS, ids=str)
def test_a_change_is_reviewed_word_by_word_and_published_on_approval(editor_page, window):
    width, height = WINDOWS[window]
    event = models.Event.objects.get(slug=EVENT)
    public_url = event.get_absolute_url()
    editor, chief = editor_page("queue-editor"), editor_page("queue-chief", chief=True)
    for page in (editor, chief):
        page.set_viewport_size({"width": width, "height": height})

    editor.goto(f"/admin/awards/event/{event.pk}/change/")
    description = editor.locator("#id_description_ru")
    description.fill(description.input_value().replace("сотни", "тысячи"))
    editor.locator("#id_change_reason").fill("Уточнено число")
    save(editor)
    assert (
        "Изменение отправлено на проверку главному редактору"
        in editor.locator(".messagelist").inner_text()
    )
    assert "ожидает проверки" in editor.locator("#record-revisions").inner_text()
    assert fits(editor)
    shot(editor, f"editor-form-{window}")

    chief.goto(public_url)
    assert "названы сотни" in chief.locator("main").inner_text()

    chief.goto("/admin/awards/pendingrevision/")
    shot(chief, f"queue-{window}")
    assert fits(chief), "the queue scrolls sideways"
    chief.get_by_role("link", name=event.name_ru).click()
    chief.wait_for_load_state()
    shot(chief, f"review-{window}")
    assert fits(chief), "the review page scrolls sideways"
    changes = chief.locator(".revision-review__changes")
    assert changes.locator("ins").all_inner_texts() == ["тысячи"]
    assert changes.locator("del").all_inner_texts() == ["сотни"]

    chief.get_by_role("link", name="Предпросмотр страницы сайта с этим изменением").click()
    chief.wait_for_load_state()
    assert (
        "Предпросмотр изменения, ожидающего проверки"
        in chief.locator(".revision-preview").inner_text()
    )
    assert "названы тысячи" in chief.locator("main").inner_text()
    assert fits(chief)
    shot(chief, f"preview-{window}")
    chief.go_back()

    chief.get_by_role("button", name="Одобрить и опубликовать").click()
    chief.wait_for_url(re.compile(r".*/admin/awards/pendingrevision/.*"))
    assert "одобрено и уже на сайте" in chief.locator(".messagelist").inner_text()

    editor.goto(public_url)
    assert "названы тысячи" in editor.locator("main").inner_text()


def test_a_change_sent_back_shows_the_comment_to_its_editor(editor_page):
    event = models.Event.objects.get(slug=EVENT)
    editor, chief = editor_page("back-editor"), editor_page("back-chief", chief=True)
    editor.goto(f"/admin/awards/event/{event.pk}/change/")
    editor.locator("#id_name_ru").fill("Появление термина «герой труда» (правка)")
    save(editor)

    chief.goto("/admin/awards/pendingrevision/")
    chief.get_by_role("link", name=event.name_ru).click()
    chief.locator("#id_comment").fill("Название не меняем: так в источнике.")
    chief.get_by_role("button", name="Вернуть редактору").click()
    chief.wait_for_load_state()

    editor.goto(f"/admin/awards/event/{event.pk}/change/")
    box = editor.locator("#record-revisions").inner_text()
    assert "Название не меняем: так в источнике." in box and "возвращено" in box
    shot(editor, "editor-sent-back")
