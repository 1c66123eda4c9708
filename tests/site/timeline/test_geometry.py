"""What both drawings of the time line share (awards.site.timeline.geometry): each point
labelled with its date and record, labels wrapped whole, open periods drawn open."""

from awards.site.timeline.geometry import PICTURE_WIDTH
from awards.site.timeline.narrow import narrow_timeline_picture
from awards.site.timeline.wide import timeline_picture
from tests.support.timelines import CROWDED_LABELS, crowded_periods, seeded_periods


def test_every_point_is_labelled_with_its_date_and_record_and_links_to_it(seeded):
    for picture in (
        timeline_picture(periods=seeded_periods(), labels={}),
        narrow_timeline_picture(periods=seeded_periods(), labels={}),
    ):
        for mark in picture.marks:
            assert " ".join(mark.label_lines[1:]) == str(mark.entry.record)
            assert mark.label_lines[0] == mark.date_text
            assert mark.url == mark.entry.record.get_absolute_url()


def test_labels_are_wrapped_whole_never_cut():
    periods = crowded_periods(entries_per_year=1)
    for picture in (
        timeline_picture(periods=periods, labels=CROWDED_LABELS),
        narrow_timeline_picture(periods=periods, labels=CROWDED_LABELS),
    ):
        for mark in picture.marks:
            assert " ".join(mark.label_lines[1:]) == mark.name


def test_an_open_ended_period_is_drawn_open(seeded):
    wide = timeline_picture(periods=seeded_periods(), labels={})
    narrow = narrow_timeline_picture(periods=seeded_periods(), labels={})
    assert [band.open_end for band in wide.bands] == [False, True, False]
    assert [band.open_end for band in narrow.bands] == [False, True, False]
    assert wide.bands[1].right == wide.axis_end
    assert wide.width == PICTURE_WIDTH
