"""Dates known to a year, a month or a day, as the source states them.

A ``PartialDate`` never invents what the source does not say: "1921" stays a year,
"1927-07-27" a day. Its ISO form ("1921", "1927-07", "1927-07-27") sorts
chronologically as plain text, which is how it is stored and filtered in the database.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import total_ordering

from django.utils import translation
from django.utils.dates import MONTHS, MONTHS_ALT
from django.utils.translation import gettext as _

YEAR = "year"
MONTH = "month"
DAY = "day"

ISO_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


class PartialDateError(ValueError):
    """A value that is not a date known to a year, a month or a day."""


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self):
        if not 1000 <= self.year <= 9999:
            raise PartialDateError(
                _("year %(year)d is not a four-digit year") % {"year": self.year}
            )
        if self.day is not None and self.month is None:
            raise PartialDateError(_("a day cannot be given without a month"))
        if self.month is not None and not 1 <= self.month <= 12:
            raise PartialDateError(
                _("month %(month)d is not between 1 and 12") % {"month": self.month}
            )
        if self.day is not None:
            last_day = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last_day:
                raise PartialDateError(
                    _("%(month)s has no day %(day)d")
                    % {"month": f"{self.year}-{self.month:02d}", "day": self.day}
                )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read "YYYY", "YYYY-MM" or "YYYY-MM-DD"; raise PartialDateError otherwise."""
        match = ISO_PATTERN.match(str(text).strip())
        if not match:
            raise PartialDateError(
                _("“%(text)s” is not a date written as YYYY, YYYY-MM or YYYY-MM-DD")
                % {"text": text}
            )
        parts = match.groupdict()
        return cls(
            year=int(parts["year"]),
            month=int(parts["month"]) if parts["month"] else None,
            day=int(parts["day"]) if parts["day"] else None,
        )

    @classmethod
    def from_date(cls, value: datetime.date) -> PartialDate:
        return cls(year=value.year, month=value.month, day=value.day)

    @property
    def precision(self) -> str:
        if self.day is not None:
            return DAY
        if self.month is not None:
            return MONTH
        return YEAR

    def isoformat(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    __str__ = isoformat

    def earliest(self) -> datetime.date:
        """The first day the date may stand for."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> datetime.date:
        """The last day the date may stand for."""
        if self.day is not None:
            return datetime.date(self.year, self.month, self.day)
        month = self.month or 12
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def _sort_key(self) -> tuple[int, int, int]:
        # A year sorts before its months, a month before its days: the same order as the
        # ISO text in the database.
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other):
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._sort_key() < other._sort_key()


def format_partial_date(value: PartialDate | None, *, language: str | None = None) -> str:
    """Render a date with exactly what is known, in the grammar of the language.

    Russian uses the genitive month after a day ("27 июля 1927 г.") and the nominative
    without one ("июль 1927 г."); English writes "27 July 1927" and "July 1927".
    A year alone is the bare year ("1921") in both.
    """
    if value is None:
        return ""
    with translation.override(language or translation.get_language() or "ru"):
        is_russian = translation.get_language().startswith("ru")
        if value.precision == YEAR:
            return str(value.year)
        if value.precision == MONTH:
            month = str(MONTHS[value.month])
            if is_russian:
                return f"{month.lower()} {value.year} г."
            return f"{month} {value.year}"
        if is_russian:
            return f"{value.day} {MONTHS_ALT[value.month]} {value.year} г."
        return f"{value.day} {MONTHS[value.month]} {value.year}"


def format_date_phrase(value: PartialDate, *, language: str | None = None) -> str:
    """The date as what a state of things holds on: "on 22 May 1940", "in May 1940",
    "in 1940"; in Russian "на 22 мая 1940 г.", "на май 1940 г.", "на 1940 год"."""
    with translation.override(language or translation.get_language() or "ru"):
        is_russian = translation.get_language().startswith("ru")
        text = format_partial_date(value)
        if is_russian:
            return f"на {value.year} год" if value.precision == YEAR else f"на {text}"
        return f"on {text}" if value.precision == DAY else f"in {text}"


NO_BREAK_SPACE = "\u00a0"


def unbreakable(text: str) -> str:
    """A date kept on one line: its spaces become no-break spaces ("1940 г.", "22 May 1940")."""
    return text.replace(" ", NO_BREAK_SPACE)


IN = "in"
ON = "on"
BEFORE = "before"
AFTER = "after"
EARLIER_THAN = "earlier_than"
LATER_THAN = "later_than"

# Russian months after «в» («в июле»); the genitive («июля») is Django's MONTHS_ALT.
_MONTHS_PREPOSITIONAL = (
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
)
# How each frame opens in Russian, and the case of the date after it: the genitive, the
# accusative (a month, «на июль»; a year, «на 1973 год») or the prepositional («в 1955 году»).
_RUSSIAN_FRAMES = {
    IN: ("в", "prepositional"),
    ON: ("на", "accusative"),
    BEFORE: ("до", "genitive"),
    AFTER: ("после", "genitive"),
    EARLIER_THAN: ("раньше", "genitive"),
    LATER_THAN: ("позже", "genitive"),
}
_ENGLISH_FRAMES = {
    BEFORE: "before",
    AFTER: "after",
    EARLIER_THAN: "before",
    LATER_THAN: "after",
}


def date_phrase(value: PartialDate, frame: str, *, language: str | None = None) -> str:
    """A date as a sentence holds it, in the case its frame needs and with exactly what is
    known. ``frame``: IN (when something happened: «в 1955 году», «в июле 1927 года»,
    «27 июля 1927 года»; "in 1955", "in July 1927", "on 27 July 1927"), ON (what held on
    the date: «на 1973 год», «на июль 1927 года», «на 27 июля 1927 года»), BEFORE («до»),
    AFTER («после»), EARLIER_THAN («раньше»), LATER_THAN («позже 1926 года»), each with
    the genitive; in English "before"/"after" the date."""
    with translation.override(language or translation.get_language() or "ru"):
        if translation.get_language().startswith("ru"):
            return _russian_date_phrase(value, frame)
        text = format_partial_date(value)
        if frame in _ENGLISH_FRAMES:
            return f"{_ENGLISH_FRAMES[frame]} {text}"
        return f"on {text}" if value.precision == DAY else f"in {text}"


def _russian_date_phrase(value: PartialDate, frame: str) -> str:
    preposition, case = _RUSSIAN_FRAMES[frame]
    if value.precision == DAY:
        date = f"{value.day} {MONTHS_ALT[value.month]} {value.year} года"
        # A day needs no «в»: «27 июля 1927 года».
        return date if frame == IN else f"{preposition} {date}"
    if value.precision == MONTH:
        month = {
            "prepositional": _MONTHS_PREPOSITIONAL[value.month - 1],
            "accusative": str(MONTHS[value.month]).lower(),
            "genitive": str(MONTHS_ALT[value.month]),
        }[case]
        return f"{preposition} {month} {value.year} года"
    year = {"prepositional": "году", "accusative": "год", "genitive": "года"}[case]
    return f"{preposition} {value.year} {year}"
