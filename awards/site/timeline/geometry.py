"""What both drawings of the time line share: sizes, text measured and wrapped, boxes,
the scale of years, the extent of a period's band, lanes, and points kept apart.

The picture ---------------------------------------------------------------------------

Two drawings of the same history on one true scale each: a wide one (bands along a
horizontal axis, each entry a point with a flag below: a pole and a label) and a narrow
one for phones (a vertical axis, each entry a point with its label beside it, joined by a
leader). A point always stands at its date (its first day) against the decade ticks;
labels move to make room, points never do. Text widths are estimated generously (a width
per character for each kind of text), and every label is wrapped at word boundaries to the
width it is given, never cut.

A period whose end the source does not give is drawn up to its last dated fact and then
fades out over a short distance, labelled as such: never as a bar running on to the end
of the axis, which would read as a title that lasted through the whole time drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from awards.core.dates import PartialDate, format_partial_date
from awards.history.periods import HistoryEntry, Period

PICTURE_WIDTH = 960
NARROW_WIDTH = 360
MARGIN = 24
BAND_TOP = 12
BAND_HEIGHT = 30
BAND_LABEL_PADDING = 6
BAND_LANE_GAP = 6
AXIS_GAP = 26
LINE_HEIGHT = 16
# Estimated widths per character, generous for the widest fonts Chromium falls back to:
CHARACTER_WIDTH = 7.4  # a label of a point (12px)
BAND_CHARACTER_WIDTH = 9.0  # a period's name (13px, bold)
NOTE_CHARACTER_WIDTH = 7.0  # the note on an open end (12px, italic)
LABEL_GAP = 6
TICK_LENGTH = 6
TICK_LABEL_GAP = 3
MARK_RADIUS = 4.5
MARK_GAP = 3
FLAG_WIDTH = 178
FLAG_GAP = 8
FADE_LENGTH = 44
MINIMUM_SOLID = 6
NARROW_AXIS_X = 64
NARROW_PIXELS_PER_YEAR = 12
NARROW_LEADER = 20
NARROW_LANE_WIDTH = 14
NARROW_ITEM_GAP = 8


def wrap_text(text: str, *, width: float, character_width: float = CHARACTER_WIDTH) -> list[str]:
    """The text in lines no wider than ``width`` (estimated), broken between words.

    A word wider than the line gets a line of its own, whole.
    """
    per_line = max(int(width // character_width), 1)
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= per_line:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def text_width(line: str, *, character_width: float = CHARACTER_WIDTH) -> float:
    return len(line) * character_width


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
class Mark:
    """An entry: a point (``x``, ``y``) at its date, a label (``label_lines`` from
    ``label_x``, ``label_y``, anchored at its ``label_anchor`` end) and what joins them: in
    the wide picture a pole down to ``pole_end``, in the narrow one a leader to ``leader``."""

    x: float
    y: float
    date_text: str
    name: str
    label_lines: list[str]
    label_x: float
    label_y: float
    pole_end: float
    entry: HistoryEntry
    label_anchor: str = "start"
    leader: tuple[float, float, float, float] | None = None

    @property
    def label(self) -> str:
        return f"{self.date_text}: {self.name}"

    @property
    def url(self) -> str:
        return self.entry.record.get_absolute_url()

    @property
    def radius(self) -> float:
        return MARK_RADIUS

    def label_box(self) -> Box:
        width = max(text_width(line) for line in self.label_lines)
        top = self.label_y - LINE_HEIGHT + 4
        left = self.label_x - width if self.label_anchor == "end" else self.label_x
        return Box(left, top, left + width, top + len(self.label_lines) * LINE_HEIGHT)

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


def year_fraction(date: PartialDate) -> float:
    """Where a date stands on the scale of years: at its first day."""
    day_of_year = date.earliest().timetuple().tm_yday - 1
    return date.year + day_of_year / 366


def mark_texts(entry: HistoryEntry) -> tuple[str, str]:
    return format_partial_date(entry.date), str(entry.record)


def years_of(periods: list[Period]) -> tuple[int, int] | None:
    """The first and the last year of anything dated in the periods."""
    dates = [entry.date for period in periods for entry in period.entries]
    dates += [date for period in periods for date in (period.start, period.end) if date]
    if not dates:
        return None
    return min(date.year for date in dates), max(date.year for date in dates)


def axis_years(first_year: int, last_year: int) -> tuple[int, float]:
    """The span the axis draws: from the decade of the first year to the end of the last."""
    return first_year // 10 * 10, last_year + 1


def decade_ticks(first_year: int, last_year: int) -> list[int]:
    start, end = axis_years(first_year, last_year)
    return list(range(start, int(end) + 1, 10))


@dataclass(frozen=True)
class Extent:
    """Where a period's band runs on the scale of years: solid from ``start`` to
    ``solid_end``; when its end is not given, a fade follows the solid part."""

    start: float | None
    solid_end: float
    fades: bool


def period_extent(period: Period) -> Extent:
    """A band runs from the period's start to its end; without a stated end, to its last
    dated fact (the source says nothing later of it), then fades."""
    start = year_fraction(period.start) if period.start else None
    if period.end:
        return Extent(start, year_fraction(period.end), False)
    last = period.last_dated
    return Extent(start, year_fraction(last) if last else (start or 0.0), not period.end_stated)


def first_fit_lanes(spans: list[tuple[int, float, float]]) -> dict[int, int]:
    """A lane for each span (index, start, end) so that spans sharing any of their
    length lie in different lanes: in order of start, each in the first lane free there."""
    lanes: dict[int, int] = {}
    ends: list[float] = []
    for index, start, end in sorted(spans, key=lambda span: (span[1], span[0])):
        for lane, lane_end in enumerate(ends):
            if lane_end <= start:
                ends[lane] = end
                lanes[index] = lane
                break
        else:
            ends.append(end)
            lanes[index] = len(ends) - 1
    return lanes


def stack_levels(positions: list[float]) -> list[int]:
    """For points at ``positions`` along the axis (in order), how far each is set off the
    axis so that no two meet: a point closer to another than its size takes the next level
    (across the axis, so that its position along it, its date, stays true)."""
    spacing = 2 * MARK_RADIUS + MARK_GAP
    last_on_level: list[float] = []
    levels = []
    for position in positions:
        for level, last in enumerate(last_on_level):
            if abs(position - last) >= spacing:
                last_on_level[level] = position
                levels.append(level)
                break
        else:
            last_on_level.append(position)
            levels.append(len(last_on_level) - 1)
    return levels


def spread(ideals: list[float], heights: list[float], *, gap: float, least: float) -> list[float]:
    """Tops for items of ``heights`` kept in order, none overlapping, each as near its
    ideal top as the others allow (items that would meet are set as one block centred on
    their ideals) and none above ``least``."""
    blocks: list[list] = []  # [first index, last index, top]
    for index, ideal in enumerate(ideals):
        blocks.append([index, index, max(ideal, least)])
        while len(blocks) > 1:
            before, after = blocks[-2], blocks[-1]
            if before[2] + _block_height(before, heights, gap) + gap <= after[2]:
                break
            merged = [before[0], after[1], 0.0]
            offsets = _offsets(merged, heights, gap)
            wanted = sum(ideals[i] - offset for i, offset in offsets) / len(offsets)
            merged[2] = max(wanted, least)
            blocks[-2:] = [merged]
    tops = [0.0] * len(ideals)
    for block in blocks:
        for index, offset in _offsets(block, heights, gap):
            tops[index] = round(block[2] + offset, 1)
    return tops


def _offsets(block: list, heights: list[float], gap: float) -> list[tuple[int, float]]:
    offsets, offset = [], 0.0
    for index in range(block[0], block[1] + 1):
        offsets.append((index, offset))
        offset += heights[index] + gap
    return offsets


def _block_height(block: list, heights: list[float], gap: float) -> float:
    return sum(heights[block[0] : block[1] + 1]) + gap * (block[1] - block[0])
