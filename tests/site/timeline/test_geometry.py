"""What both drawings of the time line share (awards.site.timeline.geometry): each point
labelled with its date and record, labels wrapped whole, open periods drawn open."""

from awards.core.dates import PartialDate
from awards.history.periods import HistoryEntry, Period
from awards.site.timeline.geometry import FADE_LENGTH, period_extent, spread, stack_levels
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


def test_an_end_not_given_fades_out_after_the_last_dated_fact_and_says_so(seeded):
    wide = timeline_picture(periods=seeded_periods(), labels={}, open_end_note="end not given")
    narrow = narrow_timeline_picture(
        periods=seeded_periods(), labels={}, open_end_note="end not given"
    )
    assert [band.open_end for band in wide.bands] == [False, True, False]
    assert [band.open_end for band in narrow.bands] == [False, True, False]
    hero_of_labour = wide.bands[1]
    assert hero_of_labour.fade_width == FADE_LENGTH
    assert [band.fade_width for band in wide.bands] == [0, FADE_LENGTH, 0]
    tick_1940 = next(tick for tick in wide.ticks if tick.year == 1940)
    assert hero_of_labour.fade_right < tick_1940.x < wide.axis_end
    assert hero_of_labour.note == "end not given"
    assert not hero_of_labour.label_inside
    narrow_tick = next(tick for tick in narrow.ticks if tick.year == 1940)
    assert narrow.bands[1].fade_bottom < narrow_tick.y
    assert narrow.bands[1].note_lines == ["end not given"]


def test_a_period_without_an_end_runs_to_its_last_dated_fact():
    period = Period(key="a", title="a title", start=PartialDate(1927, 7, 27), end=None)
    period.entries.append(HistoryEntry(date=PartialDate(1935), record=None, titles=()))
    extent = period_extent(period)
    assert (extent.solid_end, extent.fades) == (1935.0, True)
    period.end = PartialDate(1938)
    assert period_extent(period).fades is False


def test_points_too_close_take_the_next_level_and_keep_their_place():
    assert stack_levels([0, 5, 20, 21, 22]) == [0, 1, 0, 1, 2]


def test_items_spread_in_order_near_their_ideals_and_never_meet():
    tops = spread([100, 100, 100, 300], [20, 20, 20, 20], gap=10, least=0)
    assert tops == [70, 100, 130, 300]
    assert spread([5, 5], [20, 20], gap=10, least=0) == [0, 30]
