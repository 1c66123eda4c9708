"""Periods to draw: the fixtures' own, and crowded ones that test the layout."""

import itertools

from awards.core.dates import PartialDate
from awards.history.periods import HistoryEntry, Period, history_periods
from awards.models import Decree, Event, Title


def seeded_periods():
    """The periods of the history as the database holds them (the fixtures, as a rule)."""
    return history_periods(
        titles=list(Title.objects.for_timeline()),
        events=list(Event.objects.for_history()),
        decrees=list(Decree.objects.for_history()),
    )


class StandInRecord:
    """A stand-in for an event or an act: a name, an address, a kind."""

    class _meta:
        model_name = "event"

    def __init__(self, name, number):
        self.name, self.number = name, number

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"/events/{self.number}/"


def crowded_periods(*, entries_per_year=3):
    """Three periods; many entries, several on the same day, names long and short."""
    names = itertools.cycle(
        [
            "Появление термина «герой труда»",
            "Указ Президиума Верховного Совета СССР от 14 мая 1973 года о снятии ограничения "
            "числа повторных награждений медалью «Серп и Молот»",
            "Упразднение звания",
        ]
    )
    numbers = itertools.count()
    periods = [
        Period(key="origins", title=None, start=None, end=PartialDate(1927, 7, 27)),
        Period(key="a", title=None, start=PartialDate(1927, 7, 27), end=PartialDate(1938)),
        Period(key="b", title=None, start=PartialDate(1938, 12, 27), end=None),
    ]
    for year in (1921, 1922, 1927, 1938, 1940, 1973, 1988, 1991):
        period = periods[0 if year < 1927 else 1 if year < 1938 else 2]
        for _ in range(entries_per_year):
            period.entries.append(
                HistoryEntry(
                    date=PartialDate(year),
                    record=StandInRecord(next(names), next(numbers)),
                    titles=(),
                )
            )
    return periods


def mark_boxes(picture):
    """The label and the point of every mark of a picture, as boxes."""
    boxes = [("label", mark.label_box()) for mark in picture.marks]
    boxes += [("point", mark.point_box()) for mark in picture.marks]
    return boxes


def assert_nothing_overlaps(boxes):
    for (kind, box), (other_kind, other) in itertools.combinations(boxes, 2):
        assert not box.overlaps(other), (kind, box, other_kind, other)


# The names of the bands of crowded_periods().
CROWDED_LABELS = {
    "origins": "Истоки понятия «герой труда»",
    "a": "Герой Труда",
    "b": "Герой Социалистического Труда",
}
