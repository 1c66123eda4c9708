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

from awards.dates import PartialDate
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

PICTURE_WIDTH = 960
MARGIN = 24
BAND_TOP = 34
BAND_HEIGHT = 30
AXIS_GAP = 26
LABEL_ROW_HEIGHT = 18
CHARACTER_WIDTH = 7.2
LABEL_GAP = 6
TICK_LENGTH = 6
TICK_LABEL_GAP = 3


@dataclass(frozen=True)
class Band:
    """A period drawn as a band; its years as the text alternative gives them."""

    x: float
    width: float
    label: str
    label_x: float
    label_y: float
    label_inside: bool
    period: Period
    index: int
    first_year: int
    last_year: int | None


@dataclass(frozen=True)
class Mark:
    x: float
    label: str
    label_y: float
    entry: HistoryEntry


@dataclass(frozen=True)
class Tick:
    x: float
    year: int


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


def _year_fraction(date: PartialDate) -> float:
    day_of_year = date.earliest().timetuple().tm_yday - 1
    return date.year + day_of_year / 366


def timeline_picture(*, periods: list[Period], labels: dict[str, str]) -> TimelinePicture | None:
    """The geometry of the time line: a band per period, a mark per entry, decade ticks.

    The axis runs from the first band to the right margin, ticks stand on it with their
    year above. ``labels`` names each period by its key. Dates are placed at their first day; an
    open-ended period runs to the last entry. Labels that would not fit in their band
    or would overlap go on a lower row.
    """
    dates = [entry.date for period in periods for entry in period.entries]
    dates += [date for period in periods for date in (period.start, period.end) if date]
    if not dates:
        return None
    first_year = min(date.year for date in dates)
    last_year = max(date.year for date in dates) + 1
    span = max(last_year - first_year, 1)
    inner = PICTURE_WIDTH - 2 * MARGIN

    def x_of(value: float) -> float:
        return round(MARGIN + (value - first_year) / span * inner, 1)

    bands = []
    occupied_rows: list[float] = []
    for index, period in enumerate(periods):
        start = x_of(_year_fraction(period.start)) if period.start else x_of(first_year)
        end = x_of(_year_fraction(period.end)) if period.end else x_of(last_year)
        label = labels.get(period.key, period.key)
        label_width = len(label) * CHARACTER_WIDTH
        inside = label_width + 2 * LABEL_GAP <= end - start
        if inside:
            label_x, label_y = start + LABEL_GAP, BAND_TOP + BAND_HEIGHT / 2 + 4
        else:
            label_x = start
            row = _free_row(occupied_rows, start=label_x, width=label_width)
            label_y = BAND_TOP - 8 - row * LABEL_ROW_HEIGHT
        bands.append(
            Band(
                x=start,
                width=max(end - start, 2),
                label=label,
                label_x=label_x,
                label_y=label_y,
                label_inside=inside,
                period=period,
                index=index,
                first_year=period.start.year if period.start else first_year,
                last_year=period.end.year if period.end else None,
            )
        )
    # Labels above the bands grow upwards: shift everything down by the rows used.
    shift = max(0, len(occupied_rows) - 1) * LABEL_ROW_HEIGHT
    band_top = BAND_TOP + shift
    bands = [replace(band, label_y=band.label_y + shift) for band in bands]
    axis_y = band_top + BAND_HEIGHT + AXIS_GAP
    marks = []
    mark_rows: list[float] = []
    for period in periods:
        for entry in period.entries:
            x = x_of(_year_fraction(entry.date))
            label = str(entry.date.year)
            row = _free_row(
                mark_rows,
                start=x - len(label) * CHARACTER_WIDTH / 2,
                width=len(label) * CHARACTER_WIDTH,
            )
            marks.append(
                Mark(x=x, label=label, label_y=axis_y + 22 + row * LABEL_ROW_HEIGHT, entry=entry)
            )
    ticks = [
        Tick(x=x_of(year), year=year)
        for year in range((first_year // 10 + 1) * 10, last_year + 1, 10)
    ]
    height = axis_y + 22 + max(len(mark_rows), 1) * LABEL_ROW_HEIGHT + 10
    return TimelinePicture(
        width=PICTURE_WIDTH,
        height=height,
        first_year=first_year,
        last_year=last_year - 1,
        band_top=band_top,
        band_height=BAND_HEIGHT,
        axis_y=axis_y,
        axis_start=bands[0].x,
        axis_end=x_of(last_year),
        tick_top=axis_y - TICK_LENGTH,
        tick_label_y=axis_y - TICK_LENGTH - TICK_LABEL_GAP,
        bands=bands,
        marks=marks,
        ticks=ticks,
    )


def _free_row(rows: list[float], *, start: float, width: float) -> int:
    """The first row whose last label ends before ``start``; records the new end there."""
    for index, row_end in enumerate(rows):
        if row_end + LABEL_GAP <= start:
            rows[index] = start + width
            return index
    rows.append(start + width)
    return len(rows) - 1
