"""The wide drawing of the time line: bands along a horizontal axis, each entry a point
with a flag below it (a pole and a label)."""

from __future__ import annotations

from dataclasses import dataclass

from awards.history.periods import HistoryEntry, Period
from awards.site.timeline.geometry import (
    AXIS_GAP,
    BAND_CHARACTER_WIDTH,
    BAND_HEIGHT,
    BAND_LABEL_PADDING,
    BAND_LANE_GAP,
    BAND_TOP,
    FADE_LENGTH,
    FLAG_GAP,
    FLAG_WIDTH,
    LABEL_GAP,
    LINE_HEIGHT,
    MARGIN,
    MARK_GAP,
    MARK_RADIUS,
    MINIMUM_SOLID,
    NOTE_CHARACTER_WIDTH,
    PICTURE_WIDTH,
    TICK_LABEL_GAP,
    TICK_LENGTH,
    Box,
    Mark,
    Tick,
    axis_years,
    decade_ticks,
    first_fit_lanes,
    mark_texts,
    period_extent,
    stack_levels,
    text_width,
    wrap_text,
    year_fraction,
    years_of,
)


@dataclass(frozen=True)
class Band:
    """A period drawn as a band: solid from ``x`` over ``width``, then, when the source
    does not give its end, a fade over ``fade_width``. Its name is inside the band, or
    after it on one line with ``note`` (what the drawing leaves open)."""

    x: float
    width: float
    fade_width: float
    label: str
    label_lines: list[str]
    label_x: float
    label_y: float
    label_inside: bool
    note: str
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
    def fade_right(self) -> float:
        return self.right + self.fade_width

    def label_box(self) -> Box:
        top = self.label_y - LINE_HEIGHT + 4
        if self.label_inside:
            width = max(
                text_width(line, character_width=BAND_CHARACTER_WIDTH) for line in self.label_lines
            )
            return Box(
                self.label_x, top, self.label_x + width, top + len(self.label_lines) * LINE_HEIGHT
            )
        return Box(
            self.label_x,
            top,
            self.label_x + _outside_width(self.label, self.note),
            top + LINE_HEIGHT,
        )


@dataclass(frozen=True)
class TimelinePicture:
    width: int
    height: float
    first_year: int
    last_year: int
    band_height: float
    axis_y: float
    axis_start: float
    axis_end: float
    tick_top: float
    tick_label_y: float
    bands: list[Band]
    marks: list[Mark]
    ticks: list[Tick]


def timeline_picture(
    *, periods: list[Period], labels: dict[str, str], open_end_note: str = ""
) -> TimelinePicture | None:
    """The geometry of the wide time line: a band per period, a point per entry, decade ticks.

    One scale from margin to margin, from the decade of the first date to the end of the
    last year: every point stands at its date (its first day), ticks at their decades.
    ``labels`` names each period by its key. A band runs from its start to its end; one
    whose end the source does not give runs to its last dated fact and fades, its name
    and ``open_end_note`` after it. A band's name is wrapped inside the band, or set after
    it when a word does not fit; bands that would meet, names included, lie in separate
    lanes. Points too close to stand side by side are set off below the axis, never moved
    along it; each point's label hangs below it on a pole, right of the pole or, near the
    right edge, left of it, at the highest place where it meets no other label or pole.
    """
    years = years_of(periods)
    if years is None:
        return None
    first_year, last_year = years
    axis_first, axis_last = axis_years(first_year, last_year)
    axis_start, axis_end = MARGIN, PICTURE_WIDTH - MARGIN
    scale = (axis_end - axis_start) / (axis_last - axis_first)

    def x_of(value: float) -> float:
        return round(axis_start + (value - axis_first) * scale, 2)

    drafts = [
        _draft(period, index, labels.get(period.key, period.key), open_end_note, x_of, axis_start)
        for index, period in enumerate(periods)
    ]
    band_height = max(
        [BAND_HEIGHT]
        + [len(d["lines"]) * LINE_HEIGHT + 2 * BAND_LABEL_PADDING for d in drafts if d["inside"]]
    )
    lanes = first_fit_lanes([(d["index"], d["x"], d["occupied"]) for d in drafts])
    bands = [_band(draft, lanes[draft["index"]], band_height) for draft in drafts]
    lane_count = max(lanes.values()) + 1
    axis_y = BAND_TOP + lane_count * (band_height + BAND_LANE_GAP) - BAND_LANE_GAP + AXIS_GAP
    entries = sorted(
        (entry for period in periods for entry in period.entries),
        key=lambda entry: year_fraction(entry.date),
    )
    marks = _flags(entries, x_of=lambda entry: x_of(year_fraction(entry.date)), axis_y=axis_y)
    bottom = max([axis_y + MARK_RADIUS] + [mark.label_box().bottom for mark in marks])
    return TimelinePicture(
        width=PICTURE_WIDTH,
        height=round(bottom + 10, 1),
        first_year=first_year,
        last_year=last_year,
        band_height=band_height,
        axis_y=axis_y,
        axis_start=axis_start,
        axis_end=axis_end,
        tick_top=axis_y - TICK_LENGTH,
        tick_label_y=axis_y - TICK_LENGTH - TICK_LABEL_GAP,
        bands=bands,
        marks=marks,
        ticks=[Tick(x=x_of(year), year=year) for year in decade_ticks(first_year, last_year)],
    )


def _outside_width(label: str, note: str) -> float:
    width = text_width(label, character_width=BAND_CHARACTER_WIDTH)
    return width + (text_width(f" — {note}", character_width=NOTE_CHARACTER_WIDTH) if note else 0)


def _draft(period: Period, index: int, label: str, open_end_note: str, x_of, axis_start) -> dict:
    extent = period_extent(period)
    start = x_of(extent.start) if extent.start is not None else axis_start
    width = max(x_of(extent.solid_end) - start, MINIMUM_SOLID if extent.fades else 2)
    fade = FADE_LENGTH if extent.fades else 0
    note = open_end_note if extent.fades else ""
    lines = wrap_text(
        label, width=width - 2 * BAND_LABEL_PADDING, character_width=BAND_CHARACTER_WIDTH
    )
    widest = max(text_width(line, character_width=BAND_CHARACTER_WIDTH) for line in lines)
    inside = not extent.fades and widest + 2 * BAND_LABEL_PADDING <= width
    label_x = start + BAND_LABEL_PADDING if inside else start + width + fade + LABEL_GAP
    occupied = start + width + fade if inside else label_x + _outside_width(label, note)
    return {
        "period": period,
        "index": index,
        "x": start,
        "width": width,
        "fade": fade,
        "label": label,
        "note": note,
        "lines": lines if inside else [label],
        "inside": inside,
        "label_x": label_x,
        "occupied": occupied + LABEL_GAP,
    }


def _band(draft: dict, lane: int, band_height: float) -> Band:
    period = draft["period"]
    top = BAND_TOP + lane * (band_height + BAND_LANE_GAP)
    lines = draft["lines"]
    return Band(
        x=draft["x"],
        width=round(draft["width"], 2),
        fade_width=draft["fade"],
        label=draft["label"],
        label_lines=lines,
        label_x=round(draft["label_x"], 2),
        label_y=round(top + (band_height - len(lines) * LINE_HEIGHT) / 2 + LINE_HEIGHT - 4, 2),
        label_inside=draft["inside"],
        note=draft["note"],
        period=period,
        index=draft["index"],
        first_year=period.start.year if period.start else period.entries[0].date.year,
        last_year=period.end.year if period.end else None,
        open_end=not period.end_stated,
        band_top=top,
        band_height=band_height,
    )


def _flags(entries: list[HistoryEntry], *, x_of, axis_y: float) -> list[Mark]:
    """Points on the axis at their dates, each with its label on a pole below, laid out
    without overlap.

    Points too close to stand side by side take levels below the axis (stack_levels).
    A label that would pass the right edge hangs left of its pole. Flags right of their
    poles are placed from the right: such a label never covers the pole of a point to its
    right, because that flag was placed first and the new label goes below it when they
    would meet; flags left of their poles then from the left, the same way mirrored.
    """
    xs = [x_of(entry) for entry in entries]
    levels = stack_levels(xs)
    spacing = 2 * MARK_RADIUS + MARK_GAP
    first_label_top = axis_y + max(levels, default=0) * spacing + MARK_RADIUS + FLAG_GAP
    placed: list[tuple[Box, Box]] = []  # (label, pole) of each flag placed
    marks: list[Mark] = []
    drafts = []
    for i, entry in enumerate(entries):
        date_text, name = mark_texts(entry)
        lines = [date_text, *wrap_text(name, width=FLAG_WIDTH - LABEL_GAP)]
        width = max(text_width(line) for line in lines) + LABEL_GAP
        on_left = xs[i] + width > PICTURE_WIDTH - MARGIN / 2
        drafts.append((i, date_text, name, lines, width, on_left))
    # Flags right of their poles from the right, then those left of their poles from the left:
    # each kind then never covers a pole placed after it.
    right = sorted((d for d in drafts if not d[5]), key=lambda d: (-xs[d[0]], -levels[d[0]]))
    left = sorted((d for d in drafts if d[5]), key=lambda d: (xs[d[0]], levels[d[0]]))
    for i, date_text, name, lines, width, on_left in right + left:
        entry, x, y = entries[i], xs[i], axis_y + levels[i] * spacing
        height = len(lines) * LINE_HEIGHT
        top = first_label_top
        while True:
            left_edge = x - width if on_left else x
            label = Box(left_edge, top, left_edge + width, top + height)
            pole = Box(x - 1, y + MARK_RADIUS, x + 1, top)
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
                y=y,
                date_text=date_text,
                name=name,
                label_lines=lines,
                label_x=x - LABEL_GAP if on_left else x + LABEL_GAP,
                label_y=top + LINE_HEIGHT - 4,
                pole_end=top,
                entry=entry,
                label_anchor="end" if on_left else "start",
            )
        )
    return sorted(marks, key=lambda mark: (mark.x, mark.y))
