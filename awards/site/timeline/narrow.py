"""The narrow drawing of the time line, for phones: a vertical axis, each entry a point
with its label beside it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from awards.history.periods import Period
from awards.site.timeline.geometry import (
    ARROW_LENGTH,
    FLAG_GAP,
    LABEL_GAP,
    LINE_HEIGHT,
    MARGIN,
    MARK_RADIUS,
    NARROW_AXIS_X,
    NARROW_HEADING_GAP,
    NARROW_LANE_WIDTH,
    NARROW_PIXELS_PER_YEAR,
    NARROW_WIDTH,
    Mark,
    Tick,
    band_lanes,
    mark_texts,
    wrap_text,
    year_fraction,
    years_of,
)


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
    years = years_of(periods)
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
        start = year_fraction(period.start) if period.start else float(first_year)
        heading = wrap_text(labels.get(period.key, period.key), width=label_width)
        y = max(natural(start) + shift, cursor)
        shift = y - natural(start)
        heading_y = y + LINE_HEIGHT - 4
        cursor = y + len(heading) * LINE_HEIGHT + NARROW_HEADING_GAP
        position[start] = y
        band_marks = []
        for entry in period.entries:
            value = year_fraction(entry.date)
            date_text, name = mark_texts(entry)
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
                _y_at(year_fraction(band.period.end), position, natural)
                if band.period.end
                else cursor
            ),
        )
        for band in bands
    ]
    lanes = band_lanes([(band.index, band.top, band.bottom, band.period) for band in bands])
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
