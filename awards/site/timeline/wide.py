"""The wide drawing of the time line: bands along a horizontal axis, each entry a point
with a flag below it (a pole and a label)."""

from __future__ import annotations

from dataclasses import dataclass

from awards.history.periods import HistoryEntry, Period
from awards.site.timeline.geometry import (
    ARROW_LENGTH,
    AXIS_GAP,
    BAND_HEIGHT,
    BAND_LABEL_PADDING,
    BAND_LANE_GAP,
    BAND_TOP,
    FLAG_GAP,
    FLAG_WIDTH,
    LABEL_GAP,
    LABEL_ROW_HEIGHT,
    LINE_HEIGHT,
    MARGIN,
    MARK_GAP,
    MARK_RADIUS,
    PICTURE_WIDTH,
    TICK_LABEL_GAP,
    TICK_LENGTH,
    Box,
    Mark,
    Tick,
    band_lanes,
    free_row,
    mark_texts,
    text_width,
    wrap_text,
    year_fraction,
    years_of,
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
    years = years_of(periods)
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
        start = x_of(year_fraction(period.start)) if period.start else x_of(first_year)
        end = x_of(year_fraction(period.end)) if period.end else axis_end
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
            outside_rows[index] = free_row(occupied_rows, start=start, width=text_width(label))
    band_top = BAND_TOP + max(0, len(occupied_rows) - 1) * LABEL_ROW_HEIGHT
    lanes = band_lanes([(index, start, end, period) for index, period, start, end, *_ in drafts])
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
        x_of=lambda entry: x_of(year_fraction(entry.date)),
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
        date_text, name = mark_texts(entry)
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
