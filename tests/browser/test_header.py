"""One header on every page, at a phone's width and a desktop's: the search page's header
is laid out as every other page's (the search box included, holding the words searched)."""

import pytest

PHONE, DESKTOP = 390, 1280


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_the_search_page_has_the_header_of_every_other_page(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    boxes = {}
    for path in ("/history/", "/search/?q=звание", "/titles/"):
        page.goto(path)
        header = page.locator("header.site-header")
        boxes[path] = (header.bounding_box()["height"], header.locator("input").bounding_box())
    assert len({height for height, _ in boxes.values()}) == 1, boxes
    assert len({(box["x"], box["y"], box["width"]) for _, box in boxes.values()}) == 1, boxes
    page.goto("/search/?q=звание")
    assert page.locator("header input[name=q]").input_value() == "звание"
    assert page.locator("input[name=q]").count() == 1
