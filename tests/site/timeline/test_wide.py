"""The history's periods and the geometry of its picture."""

import itertools

from awards.core.dates import PartialDate
from awards.history.periods import ORIGINS, HistoryEntry, Period, history_periods
from awards.models import Decree, Event, Title
from awards.site.timeline.geometry import FLAG_WIDTH, MARGIN, NARROW_WIDTH, PICTURE_WIDTH
from awards.site.timeline.narrow import narrow_timeline_picture
from awards.site.timeline.wide import timeline_picture


def _periods():
    return history_periods(
        titles=list(Title.objects.for_timeline()),
        events=list(Event.objects.for_history()),
        decrees=list(Decree.objects.for_history()),
    )


def _slugs(period):
    return [entry.record.slug for entry in period.entries]


def test_the_history_has_three_periods_origins_labour_and_socialist_labour(seeded):
    periods = _periods()
    assert [period.key for period in periods] == [
        ORIGINS,
        "hero-of-labour",
        "hero-of-socialist-labour",
    ]


def test_a_period_ends_at_the_dated_abolition_and_stays_open_where_the_source_gives_none(seeded):
    _, labour, socialist_labour = _periods()
    # The source never says "Hero of Labour" ended, nor that the later title replaced it.
    assert (labour.start, labour.end, labour.end_stated) == (
        PartialDate(1927, 7, 27),
        None,
        False,
    )
    assert (socialist_labour.start, socialist_labour.end, socialist_labour.end_stated) == (
        PartialDate(1938, 12, 27),
        PartialDate(1991),
        True,
    )


def test_a_later_title_does_not_end_an_earlier_one(no_records, make_title):
    old = make_title(established_on=PartialDate(1900))
    make_title(established_on=PartialDate(1910), predecessor=old)
    first, _ = _periods()
    assert (first.end, first.end_stated) == (None, False)


def test_each_entry_falls_in_its_period_in_chronological_order(seeded):
    origins, labour, socialist_labour = _periods()
    assert _slugs(origins) == ["1921-term-hero-of-labour", "1922-red-banner-badge"]
    assert _slugs(labour) == ["1927-07-27-hero-of-labour"]
    assert _slugs(socialist_labour) == [
        "1938-12-27-hero-of-socialist-labour",
        "1940-05-22-hammer-and-sickle",
        "1973-05-14-repeat-awards",
        "1988-repeat-order-of-lenin-abolished",
        "1991-title-abolished",
    ]


def test_the_act_founding_a_title_opens_its_period_not_the_previous_one(
    no_records, make_title, make_decree
):
    old = make_title(established_on=PartialDate(1900))
    founding = make_decree(date=PartialDate(1910, 1, 1))
    make_title(established_on=PartialDate(1910, 1, 1), predecessor=old, established_by=founding)
    periods = _periods()
    assert [period.key for period in periods][-1] != ORIGINS
    assert _slugs(periods[-1]) == [founding.slug]
    assert _slugs(periods[0]) == []


def test_no_origins_period_when_nothing_came_before_the_first_title(
    no_records, make_title, make_event
):
    title = make_title(established_on=PartialDate(1950))
    make_event(date=PartialDate(1960))
    assert [period.key for period in _periods()] == [title.slug]


def test_draft_events_are_left_out_of_the_history(seeded, make_event):
    draft = make_event(date=PartialDate(1950), published=False)
    assert draft.slug not in [slug for period in _periods() for slug in _slugs(period)]


def test_the_picture_has_a_band_per_period_and_a_mark_per_entry(seeded):
    periods = _periods()
    picture = timeline_picture(
        periods=periods, labels={period.key: period.key for period in periods}
    )
    assert (picture.first_year, picture.last_year) == (1921, 1991)
    assert len(picture.bands) == 3
    assert len(picture.marks) == 8
    xs = [band.x for band in picture.bands]
    assert xs == sorted(xs)
    assert all(0 <= mark.x <= picture.width for mark in picture.marks)
    assert [tick.year for tick in picture.ticks] == [1930, 1940, 1950, 1960, 1970, 1980, 1990]


def test_labels_of_close_marks_do_not_overlap(seeded):
    periods = _periods()
    picture = timeline_picture(periods=periods, labels={})
    by_row = {}
    for mark in picture.marks:
        by_row.setdefault(mark.label_y, []).append(mark.x)
    for xs in by_row.values():
        xs.sort()
        assert all(later - earlier >= 30 for earlier, later in itertools.pairwise(xs))


def test_no_picture_without_dates():
    assert timeline_picture(periods=[], labels={}) is None


def test_the_axis_runs_from_the_first_band_to_the_right_margin(seeded):
    picture = timeline_picture(periods=_periods(), labels={})
    assert picture.axis_start == picture.bands[0].x == MARGIN
    # Right of the axis: room for the label of a point at its very end.
    assert picture.axis_end == picture.width - MARGIN - FLAG_WIDTH
    assert picture.tick_top < picture.axis_y
    assert picture.tick_label_y < picture.tick_top


def test_each_band_gives_the_years_of_its_period_the_open_start_from_the_first_year(seeded):
    picture = timeline_picture(periods=_periods(), labels={})
    years = [(band.first_year, band.last_year) for band in picture.bands]
    assert years == [(1921, 1927), (1927, None), (1938, 1991)]


# The layout: nothing overlaps, at any number of entries --------------------------------


class _Record:
    """A stand-in for an event or an act: a name, an address, a kind."""

    class _meta:
        model_name = "event"

    def __init__(self, name, number):
        self.name, self.number = name, number

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"/events/{self.number}/"


def _crowded_periods(*, entries_per_year=3):
    """Three periods; many entries, several on the same day, names long and short."""
    names = itertools.cycle(
        [
            "Появление термина «герой труда»",
            "Указ Президиума Верховного Совета СССР от 14 мая 1973 года о снятии ограничения "
            "числа повторных награждений медалью «Серп и Молот»",
            "Упразднение звания",
        ]
    )
    numbers = itertools.count()
    periods = [
        Period(key="origins", title=None, start=None, end=PartialDate(1927, 7, 27)),
        Period(key="a", title=None, start=PartialDate(1927, 7, 27), end=PartialDate(1938)),
        Period(key="b", title=None, start=PartialDate(1938, 12, 27), end=None),
    ]
    for year in (1921, 1922, 1927, 1938, 1940, 1973, 1988, 1991):
        period = periods[0 if year < 1927 else 1 if year < 1938 else 2]
        for _ in range(entries_per_year):
            period.entries.append(
                HistoryEntry(
                    date=PartialDate(year), record=_Record(next(names), next(numbers)), titles=()
                )
            )
    return periods


def _boxes(picture):
    boxes = [("label", mark.label_box()) for mark in picture.marks]
    boxes += [("point", mark.point_box()) for mark in picture.marks]
    return boxes


def _assert_nothing_overlaps(boxes):
    for (kind, box), (other_kind, other) in itertools.combinations(boxes, 2):
        assert not box.overlaps(other), (kind, box, other_kind, other)


LABELS = {
    "origins": "Истоки понятия «герой труда»",
    "a": "Герой Труда",
    "b": "Герой Социалистического Труда",
}


def test_the_wide_picture_never_overlaps_points_labels_or_poles():
    picture = timeline_picture(periods=_crowded_periods(), labels=LABELS)
    boxes = _boxes(picture)
    for mark in picture.marks:
        pole = (mark.x - 1, mark.y + 6, mark.x + 1, mark.pole_end)
        for other in picture.marks:
            if other is not mark:
                box = other.label_box()
                assert not (
                    pole[0] < box.right
                    and box.left < pole[2]
                    and pole[1] < box.bottom
                    and box.top < pole[3]
                ), (mark.label, other.label)
    _assert_nothing_overlaps(boxes)
    assert all(box.left >= 0 and box.right <= picture.width for _, box in boxes)
    assert all(box.bottom <= picture.height for _, box in boxes)


def test_the_narrow_picture_never_overlaps_and_fits_a_phone():
    picture = narrow_timeline_picture(periods=_crowded_periods(), labels=LABELS)
    boxes = _boxes(picture)
    boxes += [("heading", _heading_box(band)) for band in picture.bands]
    _assert_nothing_overlaps(boxes)
    assert picture.width == NARROW_WIDTH
    assert all(box.left >= 0 and box.right <= picture.width for _, box in boxes)
    ys = [mark.y for mark in picture.marks]
    assert ys == sorted(ys)


def _heading_box(band):
    from awards.site.timeline.geometry import LINE_HEIGHT, Box, text_width

    top = band.label_y - LINE_HEIGHT + 4
    width = max(text_width(line) for line in band.label_lines)
    return Box(76, top, 76 + width, top + len(band.label_lines) * LINE_HEIGHT)


def test_every_point_is_labelled_with_its_date_and_record_and_links_to_it(seeded):
    for picture in (
        timeline_picture(periods=_periods(), labels={}),
        narrow_timeline_picture(periods=_periods(), labels={}),
    ):
        for mark in picture.marks:
            assert " ".join(mark.label_lines[1:]) == str(mark.entry.record)
            assert mark.label_lines[0] == mark.date_text
            assert mark.url == mark.entry.record.get_absolute_url()


def test_labels_are_wrapped_whole_never_cut():
    periods = _crowded_periods(entries_per_year=1)
    for picture in (
        timeline_picture(periods=periods, labels=LABELS),
        narrow_timeline_picture(periods=periods, labels=LABELS),
    ):
        for mark in picture.marks:
            assert " ".join(mark.label_lines[1:]) == mark.name


def test_close_points_stand_apart(seeded):
    picture = timeline_picture(periods=_periods(), labels={})
    xs = [mark.x for mark in picture.marks]
    assert all(later - earlier >= 12 for earlier, later in itertools.pairwise(xs))


def test_a_band_name_is_wrapped_inside_its_band(seeded):
    picture = timeline_picture(periods=_periods(), labels={ORIGINS: "Истоки понятия"})
    origins = picture.bands[0]
    assert origins.label_inside
    assert origins.label_lines == ["Истоки", "понятия"]


def test_an_open_ended_period_is_drawn_open(seeded):
    wide = timeline_picture(periods=_periods(), labels={})
    narrow = narrow_timeline_picture(periods=_periods(), labels={})
    assert [band.open_end for band in wide.bands] == [False, True, False]
    assert [band.open_end for band in narrow.bands] == [False, True, False]
    assert wide.bands[1].right == wide.axis_end
    assert wide.width == PICTURE_WIDTH
