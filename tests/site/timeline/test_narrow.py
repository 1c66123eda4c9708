"""The narrow drawing of the time line, for phones (awards.site.timeline.narrow)."""

from awards.site.timeline.geometry import NARROW_WIDTH, year_fraction
from awards.site.timeline.narrow import narrow_timeline_picture
from tests.support.timelines import (
    CROWDED_LABELS,
    assert_nothing_overlaps,
    crowded_periods,
    mark_boxes,
    seeded_periods,
)


def test_the_narrow_picture_never_overlaps_and_fits_a_phone():
    picture = narrow_timeline_picture(
        periods=crowded_periods(), labels=CROWDED_LABELS, open_end_note="окончание не указано"
    )
    boxes = mark_boxes(picture)
    boxes += [("heading", band.label_box()) for band in picture.bands]
    boxes += [("note", band.note_box()) for band in picture.bands if band.note_box()]
    assert_nothing_overlaps(boxes)
    assert picture.width == NARROW_WIDTH
    assert all(box.left >= 0 and box.right <= picture.width for _, box in boxes)
    assert all(box.bottom <= picture.height for _, box in boxes)
    ys = [mark.y for mark in picture.marks]
    assert ys == sorted(ys)


def test_every_point_stands_at_its_date_on_the_scale_of_the_ticks(seeded):
    picture = narrow_timeline_picture(periods=seeded_periods(), labels={})
    first, second = picture.ticks[:2]
    per_year = (second.y - first.y) / (second.year - first.year)
    for mark in picture.marks:
        expected = first.y + (year_fraction(mark.entry.date) - first.year) * per_year
        assert abs(mark.y - expected) < 0.05, mark.label
    tick_at = {tick.year: tick.y for tick in picture.ticks}
    assert tick_at[1990] < picture.marks[-1].y < tick_at[1990] + per_year * 2


def test_each_label_stays_near_its_point_and_a_leader_joins_them(seeded):
    picture = narrow_timeline_picture(periods=seeded_periods(), labels={})
    for mark in picture.marks:
        x1, y1, x2, y2 = mark.leader
        assert (x1, y1) == (mark.x + mark.radius, mark.y)
        assert x2 < mark.label_x
        assert mark.label_box().top <= y2 <= mark.label_box().bottom
        assert abs(y2 - mark.y) < 160, mark.label
