"""The history as periods: the titles' lives, and the events and acts in each.

A title with a dated establishment opens a period; the period ends where the title's
dated abolition puts it, and stays open, its end not stated, where the source does not
date the abolition (a later title does not end an earlier one: the source never says one
replaced the other). What came before the first title is the origins of the term. Each
event and act falls in the period that contains its date; when several periods may hold
it, it goes to the one whose title it concerns, else to the later one (the act founding a
title opens its period).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from awards.core.dates import PartialDate
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

    @property
    def last_dated(self) -> PartialDate | None:
        """The latest date the period records: its last entry's, else its start."""
        dates = [entry.date for entry in self.entries] + ([self.start] if self.start else [])
        return max(dates, key=lambda date: date.earliest()) if dates else None

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
