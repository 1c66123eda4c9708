"""The notes in a browser, on a phone (390 px) and a desktop (1280 px): a mark leads to its
note and the note's back-link returns to the mark, each in view; nothing wider than the screen."""

from pathlib import Path

import pytest

PHONE, DESKTOP = 390, 1280
PAGES = {
    "home": "/",
    "history": "/history/",
    "title": "/titles/hero-of-socialist-labour/",
    "rules": "/rules/?title=hero-of-socialist-labour&year=1989&month=&day=",
}
SHOTS = Path("/work/shots/notes")

IN_VIEW = """selector => {
    const box = document.querySelector(selector).getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
}"""
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("name", PAGES)
def test_a_mark_leads_to_its_note_and_the_note_back_to_the_mark(page, width, name):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(PAGES[name])
    assert page.evaluate(OVERFLOW) <= 0
    mark = page.locator("sup.note-ref a").last
    mark_id, note = mark.get_attribute("id"), mark.get_attribute("href")
    mark.click()
    page.wait_for_function(f"location.hash === '{note}'")
    assert page.evaluate(IN_VIEW, note)
    page.locator(f"{note} a[href='#{mark_id}']").click()
    page.wait_for_function(f"location.hash === '#{mark_id}'")
    assert page.evaluate(IN_VIEW, f"#{mark_id}")
    assert page.evaluate(OVERFLOW) <= 0


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("name", ["home", "history", "title"])
def test_screenshots_of_the_lead_and_the_notes(page, width, name):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(PAGES[name])
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.locator("section.notes").screenshot(path=str(SHOTS / f"{name}-{width}-notes.png"))
    assert page.locator("p.lead--composed").is_visible()
    assert page.evaluate(OVERFLOW) <= 0
