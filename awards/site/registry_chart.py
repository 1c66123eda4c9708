"""The chart of conferments per year, drawn as SVG on the server: bars and their axis.

Every year between the first and the last with a conferment has its bar, an empty year a
bar of no height, so that the gaps show; the template draws the shapes computed here and
the same numbers as a table beside them.
"""

from __future__ import annotations

from dataclasses import dataclass

from awards.registry.counts import YearCount

BAR_WIDTH = 10
PLOT_HEIGHT = 180
AXIS_HEIGHT = 24
LEFT_MARGIN = 40
TICK_EVERY = 10


@dataclass(frozen=True)
class Bar:
    year: int
    count: int
    x: int
    y: int
    width: int
    height: int


@dataclass(frozen=True)
class Tick:
    label: str
    x: int
    y: int


@dataclass(frozen=True)
class YearChart:
    width: int
    height: int
    baseline: int
    bars: list[Bar]
    year_ticks: list[Tick]
    count_ticks: list[Tick]
    total: int
    busiest: YearCount


def year_chart(*, counts: list[YearCount]) -> YearChart | None:
    """The bars of the counts per year (oldest first), the years every ten labelled, the
    highest count on the vertical axis; None when there is nothing to draw."""
    counts = [row for row in counts if row.count]
    if not counts:
        return None
    by_year = {row.year: row.count for row in counts}
    first, last = counts[0].year, counts[-1].year
    highest = max(by_year.values())
    bars = []
    for index, year in enumerate(range(first, last + 1)):
        count = by_year.get(year, 0)
        height = round(PLOT_HEIGHT * count / highest)
        bars.append(
            Bar(
                year=year,
                count=count,
                x=LEFT_MARGIN + index * BAR_WIDTH,
                y=PLOT_HEIGHT - height,
                width=BAR_WIDTH - 2,
                height=height,
            )
        )
    year_ticks = [
        Tick(label=str(bar.year), x=bar.x + BAR_WIDTH // 2, y=PLOT_HEIGHT + AXIS_HEIGHT - 6)
        for bar in bars
        if bar.year % TICK_EVERY == 0 or bar is bars[0]
    ]
    count_ticks = [
        Tick(label=str(highest), x=LEFT_MARGIN - 4, y=12),
        Tick("0", LEFT_MARGIN - 4, PLOT_HEIGHT),
    ]
    return YearChart(
        width=LEFT_MARGIN + len(bars) * BAR_WIDTH + BAR_WIDTH,
        height=PLOT_HEIGHT + AXIS_HEIGHT,
        baseline=PLOT_HEIGHT,
        bars=bars,
        year_ticks=year_ticks,
        count_ticks=count_ticks,
        total=sum(by_year.values()),
        busiest=max(counts, key=lambda row: row.count),
    )
