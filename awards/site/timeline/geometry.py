"""What both drawings of the time line share: sizes, text measured and wrapped, boxes,
the marks of entries and the ticks of years.

The picture ---------------------------------------------------------------------------

Two drawings of the same history, both laid out here so that nothing overlaps: a wide one
(bands along a horizontal axis, each entry a point with a flag below: a pole and a label)
and a narrow one for phones (a vertical axis, each entry a point with its label beside
it). Text widths are estimated generously (CHARACTER_WIDTH per character), and every
label is wrapped at word boundaries to the width it is given, never cut.
"""

from __future__ import annotations

from dataclasses import dataclass

from awards.core.dates import PartialDate, format_partial_date
from awards.history.periods import HistoryEntry, Period

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


def year_fraction(date: PartialDate) -> float:
    day_of_year = date.earliest().timetuple().tm_yday - 1
    return date.year + day_of_year / 366


def mark_texts(entry: HistoryEntry) -> tuple[str, str]:
    return format_partial_date(entry.date), str(entry.record)


def years_of(periods: list[Period]) -> tuple[int, int] | None:
    dates = [entry.date for period in periods for entry in period.entries]
    dates += [date for period in periods for date in (period.start, period.end) if date]
    if not dates:
        return None
    return min(date.year for date in dates), max(date.year for date in dates) + 1


def free_row(rows: list[float], *, start: float, width: float) -> int:
    """The first row whose last label ends before ``start``; records the new end there."""
    for index, row_end in enumerate(rows):
        if row_end + LABEL_GAP <= start:
            rows[index] = start + width
            return index
    rows.append(start + width)
    return len(rows) - 1


def band_lanes(spans: list[tuple[int, float, float, Period]]) -> dict[int, int]:
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
