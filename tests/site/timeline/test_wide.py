"""The wide drawing of the time line (awards.site.timeline.wide)."""

import itertools
import re

from awards.history.periods import ORIGINS
from awards.site.timeline import wide as timeline
from awards.site.timeline.geometry import MARGIN, year_fraction
from awards.site.timeline.wide import timeline_picture
from tests.support.public_pages import get_page
from tests.support.timelines import (
    CROWDED_LABELS,
    assert_nothing_overlaps,
    crowded_periods,
    mark_boxes,
    seeded_periods,
)


def test_the_picture_has_a_band_per_period_and_a_mark_per_entry(seeded):
    periods = seeded_periods()
    picture = timeline_picture(
        periods=periods, labels={period.key: period.key for period in periods}
    )
    assert (picture.first_year, picture.last_year) == (1921, 1991)
    assert len(picture.bands) == 3
    assert len(picture.marks) == 8
    xs = [band.x for band in picture.bands]
    assert xs == sorted(xs)
    assert all(0 <= mark.x <= picture.width for mark in picture.marks)
    assert [tick.year for tick in picture.ticks] == [1920, 1930, 1940, 1950, 1960, 1970, 1980, 1990]


def test_every_point_stands_at_its_date_on_the_scale_of_the_ticks(seeded):
    picture = timeline_picture(periods=seeded_periods(), labels={})
    first, second = picture.ticks[:2]
    per_year = (second.x - first.x) / (second.year - first.year)
    for mark in picture.marks:
        expected = first.x + (year_fraction(mark.entry.date) - first.year) * per_year
        assert abs(mark.x - expected) < 0.05, mark.label
        assert mark.y == picture.axis_y


def test_points_of_one_date_are_set_off_the_axis_not_moved_along_it():
    picture = timeline_picture(periods=crowded_periods(), labels=CROWDED_LABELS)
    of_1938 = [mark for mark in picture.marks if mark.entry.date.year == 1938]
    assert len({mark.x for mark in of_1938}) == 1
    assert len({mark.y for mark in of_1938}) == 3


def test_labels_of_close_marks_do_not_overlap(seeded):
    periods = seeded_periods()
    picture = timeline_picture(periods=periods, labels={})
    by_row = {}
    for mark in picture.marks:
        by_row.setdefault(mark.label_y, []).append(mark.x)
    for xs in by_row.values():
        xs.sort()
        assert all(later - earlier >= 30 for earlier, later in itertools.pairwise(xs))


def test_no_picture_without_dates():
    assert timeline_picture(periods=[], labels={}) is None


def test_the_axis_runs_from_margin_to_margin(seeded):
    picture = timeline_picture(periods=seeded_periods(), labels={})
    assert picture.axis_start == picture.bands[0].x == MARGIN
    assert picture.axis_end == picture.width - MARGIN
    # Near the right edge a label hangs left of its pole, inside the picture.
    last = picture.marks[-1]
    assert last.label_anchor == "end"
    assert last.label_box().right <= last.x
    assert picture.tick_top < picture.axis_y
    assert picture.tick_label_y < picture.tick_top


def test_each_band_gives_the_years_of_its_period_the_open_start_from_the_first_year(seeded):
    picture = timeline_picture(periods=seeded_periods(), labels={})
    years = [(band.first_year, band.last_year) for band in picture.bands]
    assert years == [(1921, 1927), (1927, None), (1938, 1991)]


def test_the_wide_picture_never_overlaps_points_labels_or_poles():
    picture = timeline_picture(periods=crowded_periods(), labels=CROWDED_LABELS)
    boxes = mark_boxes(picture)
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
    assert_nothing_overlaps(boxes)
    assert all(box.left >= 0 and box.right <= picture.width for _, box in boxes)
    assert all(box.bottom <= picture.height for _, box in boxes)


def test_close_points_do_not_meet(seeded):
    picture = timeline_picture(periods=seeded_periods(), labels={})
    xs = [mark.x for mark in picture.marks]
    assert all(
        later - earlier >= 2 * mark.radius
        for earlier, later, mark in zip(xs, xs[1:], picture.marks, strict=False)
    )


def test_a_band_name_is_wrapped_inside_its_band(seeded):
    picture = timeline_picture(periods=seeded_periods(), labels={ORIGINS: "Истоки понятия"})
    origins = picture.bands[0]
    assert origins.label_inside
    assert origins.label_lines == ["Истоки", "понятия"]


def test_history_draws_the_time_line_with_a_text_alternative(client, seeded):
    html = get_page(client, "/history/").content.decode()
    assert 'aria-labelledby="timeline-title" aria-describedby="timeline-desc"' in html
    assert "Лента времени званий за труд, 1921–1991" in html
    summary = re.sub(r"<!--.*?-->", "", html, flags=re.S)
    assert re.search(
        r"Герой Труда:\s*с\s1927\sгода,\s+окончание\s+в\s+источнике\s+не\s+указано\.", summary
    )


def test_history_draws_the_axis_to_the_margin_the_time_line_sets(client, seeded, monkeypatch):
    monkeypatch.setattr(timeline, "MARGIN", 40)
    html = get_page(client, "/history/").content.decode()
    axis = re.search(r'<line class="timeline__axis"[^>]*>', html).group(0)
    x1, x2 = (float(value) for value in re.findall(r'x[12]="([0-9.]+)"', axis))
    assert (x1, x2) == (40, timeline.PICTURE_WIDTH - 40)


def test_each_point_of_the_time_line_links_to_its_record_with_a_name(client, seeded):
    html = get_page(client, "/history/").content.decode()
    wide = html.split('class="timeline__svg timeline__svg--narrow"')[0]
    links = re.findall(r'<a class="timeline__entry" href="([^"]+)" aria-label="([^"]+)"', wide)
    assert len(links) == 8
    assert ("/events/1921-term-hero-of-labour/", "1921: Появление термина «герой труда»") in links
    assert all(get_page(client, url).status_code == 200 for url, _ in links)
