"""The narrow drawing of the time line, for phones: a vertical axis, each entry a point
at its date with its label in a column beside it, joined by a leader."""

from __future__ import annotations

from dataclasses import dataclass

from awards.history.periods import Period
from awards.site.timeline.geometry import (
    BAND_CHARACTER_WIDTH,
    FADE_LENGTH,
    LINE_HEIGHT,
    MARGIN,
    MARK_GAP,
    MARK_RADIUS,
    MINIMUM_SOLID,
    NARROW_AXIS_X,
    NARROW_ITEM_GAP,
    NARROW_LANE_WIDTH,
    NARROW_LEADER,
    NARROW_PIXELS_PER_YEAR,
    NARROW_WIDTH,
    NOTE_CHARACTER_WIDTH,
    Box,
    Mark,
    Tick,
    axis_years,
    decade_ticks,
    first_fit_lanes,
    mark_texts,
    period_extent,
    spread,
    stack_levels,
    text_width,
    wrap_text,
    year_fraction,
    years_of,
)

BAR_WIDTH = 10


@dataclass(frozen=True)
class NarrowBand:
    """A period as a bar beside the vertical axis, solid from ``top`` to ``bottom`` and,
    when the source does not give its end, fading over ``fade_height``; its heading and
    (open) its ``note_lines`` stand in the column of labels."""

    top: float
    bottom: float
    fade_height: float
    label_lines: list[str]
    label_y: float
    note_lines: list[str]
    note_y: float
    label_x: float
    period: Period
    index: int
    open_end: bool
    lane: int = 0

    @property
    def x(self) -> float:
        return NARROW_AXIS_X - BAR_WIDTH / 2 - self.lane * NARROW_LANE_WIDTH

    @property
    def height(self) -> float:
        return round(max(self.bottom - self.top, 2), 2)

    @property
    def fade_bottom(self) -> float:
        return self.bottom + self.fade_height

    def label_box(self) -> Box:
        return _column_box(self.label_x, self.label_y, self.label_lines, BAND_CHARACTER_WIDTH)

    def note_box(self) -> Box | None:
        if not self.note_lines:
            return None
        return _column_box(self.label_x, self.note_y, self.note_lines, NOTE_CHARACTER_WIDTH)


@dataclass(frozen=True)
class NarrowPicture:
    width: int
    height: float
    axis_x: float
    axis_top: float
    axis_bottom: float
    label_x: float
    tick_x: float
    bands: list[NarrowBand]
    marks: list[Mark]
    ticks: list[Tick]


def narrow_timeline_picture(
    *, periods: list[Period], labels: dict[str, str], open_end_note: str = ""
) -> NarrowPicture | None:
    """The geometry of the time line for a phone: time runs down a vertical axis to scale.

    Every point stands on the axis at its date (its first day), against decade ticks on
    one scale from top to bottom; points too close to stand one under another are set off
    to the right, never moved along the axis. The labels (each period's name, each entry's
    date and name, the note on an end not given) stand in a column right of the axis in
    chronological order, each as near its date as the others allow, a leader joining each
    entry's label to its point. A period is a bar beside the axis from its start to its
    end, or, when the source does not give the end, to its last dated fact, then a fade.
    """
    years = years_of(periods)
    if years is None:
        return None
    first_year, last_year = years
    axis_first, axis_last = axis_years(first_year, last_year)
    top = MARGIN

    def y_of(value: float) -> float:
        return round(top + (value - axis_first) * NARROW_PIXELS_PER_YEAR, 2)

    entries = sorted(
        (entry for period in periods for entry in period.entries),
        key=lambda entry: year_fraction(entry.date),
    )
    ys = [y_of(year_fraction(entry.date)) for entry in entries]
    levels = stack_levels(ys)
    spacing = 2 * MARK_RADIUS + MARK_GAP
    label_x = NARROW_AXIS_X + MARK_RADIUS + max(levels, default=0) * spacing + NARROW_LEADER
    label_width = NARROW_WIDTH - label_x - MARGIN / 2

    bars = []
    items = []  # (ideal top, order, lines, what it is)
    for index, period in enumerate(periods):
        extent = period_extent(period)
        bar_top = y_of(extent.start) if extent.start is not None else top
        bar_bottom = max(y_of(extent.solid_end), bar_top + (MINIMUM_SOLID if extent.fades else 2))
        bars.append((index, period, bar_top, bar_bottom, FADE_LENGTH if extent.fades else 0))
        heading = wrap_text(
            labels.get(period.key, period.key),
            width=label_width,
            character_width=BAND_CHARACTER_WIDTH,
        )
        heading_at = (
            bar_top
            if extent.start is not None
            else min((y_of(year_fraction(entry.date)) for entry in period.entries), default=top)
        )
        items.append((heading_at - LINE_HEIGHT, 0, heading, ("heading", index)))
        if extent.fades and open_end_note:
            note = wrap_text(open_end_note, width=label_width, character_width=NOTE_CHARACTER_WIDTH)
            items.append((bar_bottom + FADE_LENGTH / 2 - LINE_HEIGHT / 2, 2, note, ("note", index)))
    for number, (entry, y) in enumerate(zip(entries, ys, strict=True)):
        date_text, name = mark_texts(entry)
        lines = [date_text, *wrap_text(name, width=label_width)]
        items.append((y - LINE_HEIGHT / 2, 1, lines, ("mark", number)))
    items.sort(key=lambda item: (item[0], item[1]))
    tops = spread(
        [item[0] for item in items],
        [len(item[2]) * LINE_HEIGHT for item in items],
        gap=NARROW_ITEM_GAP,
        least=MARGIN / 2,
    )
    placed = {item[3]: (item_top, item[2]) for item, item_top in zip(items, tops, strict=True)}

    marks = []
    for number, (entry, y) in enumerate(zip(entries, ys, strict=True)):
        item_top, lines = placed[("mark", number)]
        x = NARROW_AXIS_X + levels[number] * spacing
        date_text, name = mark_texts(entry)
        marks.append(
            Mark(
                x=x,
                y=y,
                date_text=date_text,
                name=name,
                label_lines=lines,
                label_x=label_x,
                label_y=item_top + LINE_HEIGHT - 4,
                pole_end=y,
                entry=entry,
                leader=(x + MARK_RADIUS, y, label_x - 3, round(item_top + LINE_HEIGHT / 2 - 1, 1)),
            )
        )
    lanes = first_fit_lanes(
        [(index, bar_top, bottom + fade) for index, _, bar_top, bottom, fade in bars]
    )
    bands = []
    for index, period, bar_top, bar_bottom, fade in bars:
        heading_top, heading = placed[("heading", index)]
        note_top, note = placed.get(("note", index), (0, []))
        bands.append(
            NarrowBand(
                top=bar_top,
                bottom=bar_bottom,
                fade_height=fade,
                label_lines=heading,
                label_y=heading_top + LINE_HEIGHT - 4,
                note_lines=note,
                note_y=note_top + LINE_HEIGHT - 4,
                label_x=label_x,
                period=period,
                index=index,
                open_end=not period.end_stated,
                lane=lanes[index],
            )
        )
    tick_x = NARROW_AXIS_X - BAR_WIDTH / 2 - max(lanes.values()) * NARROW_LANE_WIDTH - 8
    axis_bottom = y_of(axis_last)
    lowest = max(
        [axis_bottom, *(band.fade_bottom for band in bands)]
        + [item_top + len(lines) * LINE_HEIGHT for item_top, lines in placed.values()]
    )
    return NarrowPicture(
        width=NARROW_WIDTH,
        height=round(lowest + MARGIN, 1),
        axis_x=NARROW_AXIS_X,
        axis_top=top,
        axis_bottom=axis_bottom,
        label_x=label_x,
        tick_x=tick_x,
        bands=bands,
        marks=marks,
        ticks=[
            Tick(x=NARROW_AXIS_X, year=year, y=y_of(year))
            for year in decade_ticks(first_year, last_year)
        ],
    )


def _column_box(label_x: float, baseline: float, lines: list[str], character_width: float) -> Box:
    top = baseline - LINE_HEIGHT + 4
    width = max(text_width(line, character_width=character_width) for line in lines)
    return Box(label_x, top, label_x + width, top + len(lines) * LINE_HEIGHT)
