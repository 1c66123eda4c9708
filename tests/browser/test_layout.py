"""Every page right on a phone (390 px) and a desktop (1280 px): nothing wider than the
screen, nothing cut; comparisons as cards on the phone; a time line that can be read and
used at both widths, and printed."""

import pytest

from tests.support.public_pages import LANGUAGES, public_page_paths

PHONE, DESKTOP = 390, 1280

# Elements wider than the viewport or sticking out of it, and boxes whose content is cut
# (scrolled or clipped inside a box that hides or scrolls what overflows).
MEASURE_OVERFLOW = """
() => {
  const width = window.innerWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width) {
    problems.push(`page ${document.documentElement.scrollWidth}px wide`);
  }
  const name = (element) =>
    element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") +
    (element.className && element.className.baseVal === undefined && element.className
      ? "." + String(element.className).trim().split(/\\s+/).join(".") : "");
  for (const element of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(element);
    if (style.display === "none" || style.visibility === "hidden") continue;
    if (element.closest(".skip-link, svg title, svg desc, head")) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (style.position === "absolute" && style.clipPath.startsWith("inset")) continue;
    if (box.right > width + 0.5 || box.left < -0.5) {
      problems.push(`${name(element)} spans ${Math.round(box.left)}..${Math.round(box.right)}`);
    }
    const hides = ["hidden", "auto", "scroll", "clip"];
    if ((hides.includes(style.overflowX) || style.textOverflow === "ellipsis") &&
        element.scrollWidth > element.clientWidth + 1) {
      problems.push(`${name(element)} cuts ${element.scrollWidth - element.clientWidth}px`);
    }
  }
  return problems;
}
"""


@pytest.fixture
def every_page_path(seeded):
    return [path for language in LANGUAGES for path in public_page_paths(language=language)]


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_no_page_is_wider_than_the_screen_or_cuts_its_text(page, every_page_path, width):
    page.set_viewport_size({"width": width, "height": 900})
    problems = {}
    for path in every_page_path:
        page.goto(path)
        found = page.evaluate(MEASURE_OVERFLOW)
        if found:
            problems[path] = found[:5]
    assert not problems, "\n".join(f"{path}: {found}" for path, found in problems.items())


def test_on_a_phone_a_comparison_is_a_card_per_aspect(page):
    page.set_viewport_size({"width": PHONE, "height": 900})
    page.goto("/compare/heroes/")

    rows = page.locator("table.comparison tbody tr")
    assert rows.count() > 3
    first_row = rows.first
    assert first_row.evaluate("row => getComputedStyle(row).display") == "block"
    box = first_row.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE
    labels = first_row.locator("td").evaluate_all(
        "cells => cells.map(cell => getComputedStyle(cell, '::before').content)"
    )
    assert labels[:2] == ['"Герой Социалистического Труда"', '"Герой Советского Союза"']


def test_on_a_desktop_a_comparison_is_a_table(page):
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    page.goto("/compare/heroes/")
    row = page.locator("table.comparison tbody tr").first
    assert row.evaluate("row => getComputedStyle(row).display") == "table-row"


def _visible_timeline_boxes(page):
    return page.evaluate(
        """
        () => {
          const svg = [...document.querySelectorAll(".timeline__svg")]
            .find((element) => getComputedStyle(element).display !== "none");
          const boxes = [];
          for (const element of svg.querySelectorAll(
              ".timeline__mark-label, .timeline__mark, .timeline__band-label")) {
            const box = element.getBoundingClientRect();
            boxes.push({kind: element.getAttribute("class"), text: element.textContent.trim(),
                        left: box.left, right: box.right, top: box.top, bottom: box.bottom});
          }
          return {wide: svg.classList.contains("timeline__svg--wide"), boxes};
        }
        """
    )


def _overlapping(boxes):
    return [
        (first["text"][:30], second["text"][:30])
        for index, first in enumerate(boxes)
        for second in boxes[index + 1 :]
        if first["left"] < second["right"] - 0.5
        and second["left"] < first["right"] - 0.5
        and first["top"] < second["bottom"] - 0.5
        and second["top"] < first["bottom"] - 0.5
    ]


@pytest.mark.parametrize(("width", "wide"), [(PHONE, False), (800, False), (DESKTOP, True)])
@pytest.mark.parametrize("language", ["", "/en"])
def test_the_time_line_has_nothing_overlapping_at_any_width(page, width, wide, language):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{language}/history/")

    drawn = _visible_timeline_boxes(page)

    assert drawn["wide"] is wide
    marks = [box for box in drawn["boxes"] if "timeline__mark-label" in box["kind"]]
    assert len(marks) == 8
    assert _overlapping(drawn["boxes"]) == []
    # Legible: the text is drawn about as high as it is written (12 px), never shrunk.
    heights = page.locator(".timeline__mark-label tspan:visible").evaluate_all(
        "spans => spans.map(span => span.getBoundingClientRect().height)"
    )
    assert min(heights) >= 10.5


def test_each_point_of_the_time_line_is_a_named_link_to_its_record(page):
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    page.goto("/history/")

    point = page.get_by_role("link", name="1921: Появление термина «герой труда»")
    assert point.count() == 1
    point.locator("circle").click()

    page.wait_for_url("**/events/1921-term-hero-of-labour/")
    assert "Появление термина" in page.locator("h1").inner_text()


def test_the_time_line_prints_whole(page):
    page.set_viewport_size({"width": PHONE, "height": 900})
    page.goto("/history/")
    page.emulate_media(media="print")

    drawn = _visible_timeline_boxes(page)

    assert drawn["wide"] is True
    assert _overlapping(drawn["boxes"]) == []


def test_a_date_is_never_split_across_lines(page):
    page.set_viewport_size({"width": PHONE, "height": 900})
    page.goto("/history/")
    dates = page.locator("time").evaluate_all(
        "times => times.map(time => [time.textContent, time.getClientRects().length])"
    )
    assert dates
    assert [text for text, lines in dates if lines > 1] == []
