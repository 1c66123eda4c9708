"""The narrow drawing of the time line, for phones (awards.site.timeline.narrow)."""

from awards.site.timeline.geometry import NARROW_WIDTH
from awards.site.timeline.narrow import narrow_timeline_picture
from tests.support.timelines import (
    CROWDED_LABELS,
    assert_nothing_overlaps,
    crowded_periods,
    mark_boxes,
)


def test_the_narrow_picture_never_overlaps_and_fits_a_phone():
    picture = narrow_timeline_picture(periods=crowded_periods(), labels=CROWDED_LABELS)
    boxes = mark_boxes(picture)
    boxes += [("heading", _heading_box(band)) for band in picture.bands]
    assert_nothing_overlaps(boxes)
    assert picture.width == NARROW_WIDTH
    assert all(box.left >= 0 and box.right <= picture.width for _, box in boxes)
    ys = [mark.y for mark in picture.marks]
    assert ys == sorted(ys)


def _heading_box(band):
    from awards.site.timeline.geometry import LINE_HEIGHT, Box, text_width

    top = band.label_y - LINE_HEIGHT + 4
    width = max(text_width(line) for line in band.label_lines)
    return Box(76, top, 76 + width, top + len(band.label_lines) * LINE_HEIGHT)
