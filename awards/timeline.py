"""The history as periods, and the picture of it drawn as SVG on the server.

A title with a dated establishment opens a period; the period ends where the title's
dated abolition puts it, and stays open, its end not stated, where the source does not
date the abolition (a later title does not end an earlier one: the source never says one
replaced the other). What came before the first title is the origins of the term. Each
event and act falls in the period that contains its date; when several periods may hold
it, it goes to the one whose title it concerns, else to the later one (the act founding a
title opens its period).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from awards.dates import PartialDate, format_partial_date
from awards.models import Decree, Event, Title

ORIGINS = "origins"


@dataclass(frozen=True)
class HistoryEntry:
    """An event or an act, placed on the time line by its date."""

    date: PartialDate
    record: Event | Decree
    titles: tuple[Title, ...]
    related: tuple = ()

    @property
    def kind(self) -> str:
        return self.record._meta.model_name


@dataclass
class Period:
    key: str
    title: Title | None
    start: PartialDate | None
    end: PartialDate | None
    entries: list[HistoryEntry] = field(default_factory=list)

    @property
    def end_stated(self) -> bool:
        """Whether the source dates the end of the period (the title's abolition)."""
        return self.end is not None or self.title is None

    def contains(self, date: PartialDate) -> bool:
        """Whether the date (a span of days) may fall within the period, ends included."""
        after_start = self.start is None or date.latest() >= self.start.earliest()
        before_end = self.end is None or date.earliest() <= self.end.latest()
        return after_start and before_end


def history_entries(*, events: list[Event], decrees: list[Decree]) -> list[HistoryEntry]:
    """Events and acts in chronological order; an act's titles are those it founded or ended.

    Each entry also lists the records it links to. ``events`` need their ``titles``,
    ``decrees`` and ``medals`` prefetched; ``decrees`` their ``titles_established``,
    ``titles_abolished`` and ``medals_established``.
    """
    entries = []
    for event in events:
        titles = tuple(event.titles.all())
        entries.append(
            HistoryEntry(
                date=event.date,
                record=event,
                titles=titles,
                related=(*titles, *event.decrees.all(), *event.medals.all()),
            )
        )
    for decree in decrees:
        titles = (*decree.titles_established.all(), *decree.titles_abolished.all())
        entries.append(
            HistoryEntry(
                date=decree.date,
                record=decree,
                titles=titles,
                related=(*titles, *decree.medals_established.all()),
            )
        )
    # Acts before events of the same date: an act is what the events follow from.
    return sorted(entries, key=lambda entry: (entry.date, entry.kind != "decree"))


def title_periods(*, titles: list[Title]) -> list[Period]:
    """One period per title with a dated establishment, in order of establishment.

    A period ends at the title's dated abolition; without one its end is not stated.
    """
    periods = []
    for title in sorted(
        (title for title in titles if title.established_date),
        key=lambda title: title.established_date,
    ):
        periods.append(
            Period(
                key=title.slug,
                title=title,
                start=title.established_date,
                end=title.abolished_date,
            )
        )
    return periods


def history_periods(
    *, titles: list[Title], events: list[Event], decrees: list[Decree]
) -> list[Period]:
    """The periods of the history, each with its events and acts in chronological order.

    The origins period (before the first title) appears only when something happened then.
    """
    periods = title_periods(titles=titles)
    origins = Period(key=ORIGINS, title=None, start=None, end=periods[0].start if periods else None)
    for entry in history_entries(events=events, decrees=decrees):
        _period_for(entry, periods=periods, origins=origins).entries.append(entry)
    return [origins, *periods] if origins.entries or not periods else periods


def _period_for(entry: HistoryEntry, *, periods: list[Period], origins: Period) -> Period:
    candidates = [period for period in periods if period.contains(entry.date)]
    if not candidates:
        if periods and entry.date.latest() < periods[0].start.earliest():
            return origins
        # After every period, or in a gap between them: the last one begun by then.
        begun = [period for period in periods if period.start.earliest() <= entry.date.latest()]
        return begun[-1] if begun else origins
    concerned = [period for period in candidates if period.title in entry.titles]
    return (concerned or candidates)[-1]


# The picture ---------------------------------------------------------------------------
#
# Two drawings of the same history, both laid out here so that nothing overlaps: a wide one
# (bands along a horizontal axis, each entry a point with a flag below: a pole and a label)
# and a narrow one for phones (a vertical axis, each entry a point with its label beside
# it). Text widths are estimated generously (CHARACTER_WIDTH per character), and every
# label is wrapped at word boundaries to the width it is given, never cut.

PICTURE_WIDTH = 960
NARROW_WIDTH = 360
MARGIN = 24
BAND_TOP = 34
BAND_HEIGHT = 30
BAND_LABEL_PADDING = 6
AXIS_GAP = 26
LINE_HEIGHT = 16
LABEL_ROW_HEIGHT = LINE_HEIGHT + 2
CHARACTER_WIDTH = 7.4
LABEL_GAP = 6
TICK_LENGTH = 6
TICK_LABEL_GAP = 3
MARK_RADIUS = 6
MARK_GAP = 3
FLAG_WIDTH = 178
FLAG_GAP = 8
NARROW_AXIS_X = 64
NARROW_PIXELS_PER_YEAR = 5
NARROW_HEADING_GAP = 10
ARROW_LENGTH = 10
BAND_LANE_GAP = 4
NARROW_LANE_WIDTH = 14


def wrap_text(text: str, *, width: float) -> list[str]:
    """The text in lines no wider than ``width`` (estimated), broken between words.

    A word wider than the line gets a line of its own, whole.
    """
    per_line = max(int(width // CHARACTER_WIDTH), 1)
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= per_line:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def text_width(line: str) -> float:
    return len(line) * CHARACTER_WIDTH


@dataclass(frozen=True)
class Box:
    """A rectangle of the picture: what a label, a pole or a point occupies."""

    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )


@dataclass(frozen=True)
class Band:
    """A period drawn as a band; its years as the text alternative gives them."""

    x: float
    width: float
    label: str
    label_lines: list[str]
    label_x: float
    label_y: float
    label_inside: bool
    period: Period
    index: int
    first_year: int
    last_year: int | None
    open_end: bool

    band_top: float = 0
    band_height: float = 0

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def open_end_path(self) -> str:
        """An arrowhead past the band's end: the period goes on."""
        middle = self.band_height / 2
        return (
            f"M {self.right:.1f} {self.band_top:.1f} l {ARROW_LENGTH} {middle:.1f} "
            f"l {-ARROW_LENGTH} {middle:.1f} z"
        )


@dataclass(frozen=True)
class Mark:
    """An entry: a point on the axis (``x``, ``y``), a label (``label_lines`` from
    ``label_x``, ``label_y``) and, in the wide picture, a pole from the point to the label."""

    x: float
    y: float
    date_text: str
    name: str
    label_lines: list[str]
    label_x: float
    label_y: float
    pole_end: float
    entry: HistoryEntry

    @property
    def label(self) -> str:
        return f"{self.date_text}: {self.name}"

    @property
    def url(self) -> str:
        return self.entry.record.get_absolute_url()

    def label_box(self) -> Box:
        width = max(text_width(line) for line in self.label_lines)
        top = self.label_y - LINE_HEIGHT + 4
        return Box(
            self.label_x, top, self.label_x + width, top + len(self.label_lines) * LINE_HEIGHT
        )

    def point_box(self) -> Box:
        return Box(
            self.x - MARK_RADIUS,
            self.y - MARK_RADIUS,
            self.x + MARK_RADIUS,
            self.y + MARK_RADIUS,
        )


@dataclass(frozen=True)
class Tick:
    x: float
    year: int
    y: float = 0


@dataclass(frozen=True)
class TimelinePicture:
    width: int
    height: float
    first_year: int
    last_year: int
    band_top: float
    band_height: float
    axis_y: float
    axis_start: float
    axis_end: float
    tick_top: float
    tick_label_y: float
    bands: list[Band]
    marks: list[Mark]
    ticks: list[Tick]


@dataclass(frozen=True)
class NarrowBand:
    """A period beside the vertical axis, from ``top`` to ``bottom``; its heading above
    its first entry."""

    top: float
    bottom: float
    label_lines: list[str]
    label_y: float
    period: Period
    index: int
    open_end: bool
    axis_x: float = 0
    lane: int = 0

    @property
    def x(self) -> float:
        return self.axis_x - 5 - self.lane * NARROW_LANE_WIDTH

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 2)

    @property
    def open_end_path(self) -> str:
        """An arrowhead below the bar: the period goes on."""
        return f"M {self.x:.1f} {self.bottom:.1f} l 5 {ARROW_LENGTH} l 5 {-ARROW_LENGTH} z"


@dataclass(frozen=True)
class NarrowPicture:
    width: int
    height: float
    axis_x: float
    axis_top: float
    axis_bottom: float
    label_x: float
    tick_label_x: float
    bands: list[NarrowBand]
    marks: list[Mark]
    ticks: list[Tick]


def _year_fraction(date: PartialDate) -> float:
    day_of_year = date.earliest().timetuple().tm_yday - 1
    return date.year + day_of_year / 366


def _mark_texts(entry: HistoryEntry) -> tuple[str, str]:
    return format_partial_date(entry.date), str(entry.record)


def _years(periods: list[Period]) -> tuple[int, int] | None:
    dates = [entry.date for period in periods for entry in period.entries]
    dates += [date for period in periods for date in (period.start, period.end) if date]
    if not dates:
        return None
    return min(date.year for date in dates), max(date.year for date in dates) + 1


def timeline_picture(*, periods: list[Period], labels: dict[str, str]) -> TimelinePicture | None:
    """The geometry of the wide time line: a band per period, a point per entry, decade ticks.

    The axis runs from the first band to the right margin less a label's width, ticks
    stand on it with their year above. ``labels`` names each period by its key. Dates are
    placed at their first day; an open-ended period runs to the end of the axis and is drawn
    open. A band's name is wrapped inside the band, or above it when a word does not fit.
    Points closer than their size are moved apart along the axis; each point's label hangs
    below it on a pole, at the highest place where neither the label nor the pole meets
    another label, pole or point.
    """
    years = _years(periods)
    if years is None:
        return None
    first_year, last_year = years
    span = max(last_year - first_year, 1)
    axis_end = PICTURE_WIDTH - MARGIN - FLAG_WIDTH
    inner = axis_end - MARGIN

    def x_of(value: float) -> float:
        return round(MARGIN + (value - first_year) / span * inner, 1)

    drafts = []
    for index, period in enumerate(periods):
        start = x_of(_year_fraction(period.start)) if period.start else x_of(first_year)
        end = x_of(_year_fraction(period.end)) if period.end else axis_end
        label = labels.get(period.key, period.key)
        lines = wrap_text(label, width=end - start - 2 * BAND_LABEL_PADDING)
        inside = max(text_width(line) for line in lines) + 2 * BAND_LABEL_PADDING <= end - start
        drafts.append((index, period, start, end, label, lines if inside else [label], inside))
    band_height = max(
        [BAND_HEIGHT]
        + [
            len(lines) * LINE_HEIGHT + 2 * BAND_LABEL_PADDING
            for *_, lines, inside in drafts
            if inside
        ]
    )
    occupied_rows: list[float] = []
    outside_rows = {}
    for index, _period, start, _end, label, _lines, inside in drafts:
        if not inside:
            outside_rows[index] = _free_row(occupied_rows, start=start, width=text_width(label))
    band_top = BAND_TOP + max(0, len(occupied_rows) - 1) * LABEL_ROW_HEIGHT
    lanes = _lanes([(index, start, end, period) for index, period, start, end, *_ in drafts])
    bands = []
    for index, period, start, end, label, lines, inside in drafts:
        top = band_top + lanes[index] * (band_height + BAND_LANE_GAP)
        if inside:
            label_x = start + BAND_LABEL_PADDING
            label_y = top + (band_height - len(lines) * LINE_HEIGHT) / 2 + LINE_HEIGHT - 4
        else:
            label_x = start
            label_y = band_top - 8 - outside_rows[index] * LABEL_ROW_HEIGHT
        bands.append(
            Band(
                x=start,
                width=max(end - start, 2),
                label=label,
                label_lines=lines,
                label_x=label_x,
                label_y=label_y,
                label_inside=inside,
                period=period,
                index=index,
                first_year=period.start.year if period.start else first_year,
                last_year=period.end.year if period.end else None,
                open_end=not period.end_stated,
                band_top=top,
                band_height=band_height,
            )
        )
    lane_count = max(lanes.values()) + 1
    axis_y = band_top + lane_count * (band_height + BAND_LANE_GAP) - BAND_LANE_GAP + AXIS_GAP
    marks = _flags(
        [entry for period in periods for entry in period.entries],
        x_of=lambda entry: x_of(_year_fraction(entry.date)),
        axis_y=axis_y,
    )
    ticks = [
        Tick(x=x_of(year), year=year)
        for year in range((first_year // 10 + 1) * 10, last_year + 1, 10)
    ]
    bottom = max([axis_y + MARK_RADIUS] + [mark.label_box().bottom for mark in marks])
    return TimelinePicture(
        width=PICTURE_WIDTH,
        height=round(bottom + 10, 1),
        first_year=first_year,
        last_year=last_year - 1,
        band_top=band_top,
        band_height=band_height,
        axis_y=axis_y,
        axis_start=bands[0].x,
        axis_end=axis_end,
        tick_top=axis_y - TICK_LENGTH,
        tick_label_y=axis_y - TICK_LENGTH - TICK_LABEL_GAP,
        bands=bands,
        marks=marks,
        ticks=ticks,
    )


def _flags(entries: list[HistoryEntry], *, x_of, axis_y: float) -> list[Mark]:
    """Points along the axis, each with its label on a pole below, laid out without overlap.

    Points keep their order and stand at least two radii and a gap apart. Flags are placed
    from the right: a label never covers the pole of a point to its right, because that
    flag was placed first and the new label goes below it when they would meet.
    """
    xs: list[float] = []
    for entry in entries:
        x = x_of(entry)
        if xs:
            x = max(x, round(xs[-1] + 2 * MARK_RADIUS + MARK_GAP, 1))
        xs.append(x)
    first_label_top = axis_y + MARK_RADIUS + FLAG_GAP
    placed: list[tuple[Box, Box]] = []  # (label, pole) of each flag placed
    marks: list[Mark] = []
    for entry, x in sorted(zip(entries, xs, strict=True), key=lambda pair: -pair[1]):
        date_text, name = _mark_texts(entry)
        lines = [date_text, *wrap_text(name, width=FLAG_WIDTH - LABEL_GAP)]
        width = max(text_width(line) for line in lines) + LABEL_GAP
        height = len(lines) * LINE_HEIGHT
        top = first_label_top
        while True:
            label = Box(x, top, x + width, top + height)
            pole = Box(x - 1, axis_y + MARK_RADIUS, x + 1, top)
            # A pole never meets a label placed before it: those labels start to its right.
            blocking = [
                other_label
                for other_label, other_pole in placed
                if label.overlaps(other_label) or label.overlaps(other_pole)
            ]
            if not blocking:
                break
            top = max(box.bottom for box in blocking) + FLAG_GAP
        placed.append((label, pole))
        marks.append(
            Mark(
                x=x,
                y=axis_y,
                date_text=date_text,
                name=name,
                label_lines=lines,
                label_x=x + LABEL_GAP,
                label_y=top + LINE_HEIGHT - 4,
                pole_end=top,
                entry=entry,
            )
        )
    return sorted(marks, key=lambda mark: mark.x)


def narrow_timeline_picture(
    *, periods: list[Period], labels: dict[str, str]
) -> NarrowPicture | None:
    """The geometry of the time line for a phone: time runs down a vertical axis.

    Each period's name heads it, each entry's point is on the axis at its date with its
    label to the right, in chronological order; where labels would meet, the rest of the
    line moves down (time is drawn to scale between such places), so nothing overlaps.
    Decade ticks stand left of the axis; a period is a bar beside it, open at the bottom
    when its end is not stated.
    """
    years = _years(periods)
    if years is None:
        return None
    first_year, last_year = years
    label_x = NARROW_AXIS_X + MARK_RADIUS + LABEL_GAP
    label_width = NARROW_WIDTH - label_x - MARGIN // 2
    top = MARGIN
    shift = 0.0  # how far everything from here on has moved down
    cursor = top  # the lowest point used so far
    position = {}  # year fraction -> y, where the layout pinned it

    def natural(value: float) -> float:
        return top + (value - first_year) * NARROW_PIXELS_PER_YEAR

    bands = []
    marks = []
    for index, period in enumerate(periods):
        start = _year_fraction(period.start) if period.start else float(first_year)
        heading = wrap_text(labels.get(period.key, period.key), width=label_width)
        y = max(natural(start) + shift, cursor)
        shift = y - natural(start)
        heading_y = y + LINE_HEIGHT - 4
        cursor = y + len(heading) * LINE_HEIGHT + NARROW_HEADING_GAP
        position[start] = y
        band_marks = []
        for entry in period.entries:
            value = _year_fraction(entry.date)
            date_text, name = _mark_texts(entry)
            lines = [date_text, *wrap_text(name, width=label_width)]
            y = max(natural(value) + shift, cursor + MARK_RADIUS)
            shift = y - natural(value)
            position[value] = y
            band_marks.append(
                Mark(
                    x=NARROW_AXIS_X,
                    y=y,
                    date_text=date_text,
                    name=name,
                    label_lines=lines,
                    label_x=label_x,
                    label_y=y - MARK_RADIUS + LINE_HEIGHT - 4,
                    pole_end=y,
                    entry=entry,
                )
            )
            cursor = y - MARK_RADIUS + len(lines) * LINE_HEIGHT + FLAG_GAP
        marks += band_marks
        bands.append(
            NarrowBand(
                top=position[start],
                bottom=cursor,
                label_lines=heading,
                label_y=heading_y,
                period=period,
                index=index,
                open_end=not period.end_stated,
                axis_x=NARROW_AXIS_X,
            )
        )
    # A bar runs to its period's end, or on to the end of the axis when the end is not stated;
    # bars of periods at the same time stand side by side.
    bands = [
        replace(
            band,
            bottom=(
                _y_at(_year_fraction(band.period.end), position, natural)
                if band.period.end
                else cursor
            ),
        )
        for band in bands
    ]
    lanes = _lanes([(band.index, band.top, band.bottom, band.period) for band in bands])
    bands = [replace(band, lane=lanes[band.index]) for band in bands]
    tick_label_x = NARROW_AXIS_X - 12 - max(lanes.values()) * NARROW_LANE_WIDTH
    ticks = [
        Tick(x=NARROW_AXIS_X, year=year, y=round(_y_at(year, position, natural), 1))
        for year in range((first_year // 10 + 1) * 10, last_year, 10)
    ]
    return NarrowPicture(
        width=NARROW_WIDTH,
        height=round(cursor + ARROW_LENGTH + MARGIN, 1),
        axis_x=NARROW_AXIS_X,
        axis_top=top,
        axis_bottom=cursor,
        label_x=label_x,
        tick_label_x=tick_label_x,
        bands=bands,
        marks=marks,
        ticks=ticks,
    )


def _y_at(year: float, position: dict[float, float], natural) -> float:
    """Where a year falls on the narrow axis: to scale from the last place pinned before it."""
    before = [value for value in position if value <= year]
    if not before:
        return natural(year)
    pinned = max(before)
    return position[pinned] + natural(year) - natural(pinned)


def _lanes(spans: list[tuple[int, float, float, Period]]) -> dict[int, int]:
    """A lane for each period's band, so that bands of periods that overlap in time lie one
    under another: periods with a stated end first, each in the first lane free at its
    start; a period whose end is not stated (it runs on) then takes a lane of its own."""
    lanes: dict[int, int] = {}
    ends: list[float] = []
    for index, start, end, _period in sorted(spans, key=lambda span: not span[3].end_stated):
        for lane, lane_end in enumerate(ends):
            if lane_end <= start:
                ends[lane] = end
                lanes[index] = lane
                break
        else:
            ends.append(end)
            lanes[index] = len(ends) - 1
    return lanes


def _free_row(rows: list[float], *, start: float, width: float) -> int:
    """The first row whose last label ends before ``start``; records the new end there."""
    for index, row_end in enumerate(rows):
        if row_end + LABEL_GAP <= start:
            rows[index] = start + width
            return index
    rows.append(start + width)
    return len(rows) - 1
