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
from functools import lru_cache, total_ordering

from django.utils import translation
from django.utils.dates import MONTHS, MONTHS_ALT
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
    active = translation.get_language()
    wanted = language or active or "ru"
    if wanted == active:
        return _formatted(value, wanted)
    with translation.override(wanted):
        return _formatted(value, wanted)


# A page of the registry writes a hundred dates, most of them the same few decree days:
# each written once per language (the month names come from the catalogues, fixed while
# the process runs).
@lru_cache(maxsize=8192)
def _formatted(value: PartialDate, language: str) -> str:
    is_russian = language.startswith("ru")
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


# Two calendars. Before 1918 Russian sources write a day in the Julian calendar (Old
# Style) with the Gregorian one (New Style) in brackets: «30.12.1902 (12.1.1903)»,
# «29.10(10.11).1888», «6 (18) декабря 1878». The registry stores the New Style date, the
# one every other date of it is in, and keeps the Old Style beside it.

# The months as a day is written with them: the Russian genitive, the English name.
# The months after a day in Russian: «3 декабря».
RUSSIAN_GENITIVE_MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)

_MONTH_WORDS = {
    **{word: number for number, word in enumerate(RUSSIAN_GENITIVE_MONTHS, start=1)},
    **{calendar.month_name[number].lower(): number for number in range(1, 13)},
}
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DOTTED_DAY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_WORDED_DAY = re.compile(r"^(\d{1,2}) ([^\W\d_]+) (\d{4})$")
# One date, then a date in brackets, then what the two share («декабря 1878», «.1888»).
_TWO_STYLES = re.compile(r"^(?P<first>[^()]*?)\s*\((?P<second>[^()]+)\)(?P<shared>[^()]*)$")
# «г.», «года» after the year: how Russian sources end a date.
_YEAR_WORD = re.compile(r"\s*(?:г\.?|года?)$")


@dataclass(frozen=True)
class StyledDate:
    """A date with the Old Style day a source gives beside it (None when it gives none)."""

    new_style: PartialDate
    old_style: PartialDate | None = None


def calendar_gap(old_style: PartialDate) -> int:
    """How many days the New Style is ahead of the Old on an Old Style day.

    The Julian calendar keeps 29 February of the century years the Gregorian drops (1700,
    1800, 1900, 2100…): after each, the gap grows by a day — 10 days from 1582 to
    28 February 1700, 11 to 1800, 12 to 1900, 13 from 1 March 1900 (Old Style) to 2100.
    """
    year = old_style.year if (old_style.month or 1) > 2 else old_style.year - 1
    return year // 100 - year // 400 - 2


def julian_to_gregorian(old_style: PartialDate) -> PartialDate:
    """The New Style day of an Old Style (Julian) day."""
    if old_style.precision != DAY:
        raise PartialDateError(_("Only a day can be read from one calendar into the other."))
    return PartialDate.from_date(
        datetime.date(old_style.year, old_style.month, old_style.day)
        + datetime.timedelta(days=calendar_gap(old_style))
    )


def parse_styled(text: str) -> StyledDate:
    """Read a date as the registry stores it ("YYYY", "YYYY-MM", "YYYY-MM-DD"), or a day in
    both calendars, the Old Style first and the New in brackets: «30.12.1902 (12.1.1903)»,
    «29.10(10.11).1888», «6 (18) декабря 1878», "1902-12-30 (1903-01-12)".

    The two must be the same day: the New Style the Old plus the calendars' gap on it
    (``calendar_gap``); otherwise PartialDateError says which is which and by how much
    they differ.
    """
    text = " ".join(str(text).split())
    match = _TWO_STYLES.match(text)
    if match is None:
        return StyledDate(PartialDate.parse(text))
    shared = match["shared"]
    old_style = _read_day(match["first"] + shared, text=text)
    new_style = _read_day(match["second"] + shared, text=text)
    check_styles(new_style=new_style, old_style=old_style)
    return StyledDate(new_style, old_style)


def check_styles(*, new_style: PartialDate, old_style: PartialDate) -> None:
    """Raise PartialDateError unless both are days and the New Style is the Old plus the
    calendars' gap on it."""
    if old_style.precision != DAY or new_style.precision != DAY:
        raise PartialDateError(
            _(
                "A date in two calendars must be a day in each: the Old Style %(old)s, the "
                "New Style %(new)s."
            )
            % {"old": format_partial_date(old_style), "new": format_partial_date(new_style)}
        )
    expected = julian_to_gregorian(old_style)
    if expected == new_style:
        return
    if julian_to_gregorian(new_style) == old_style:
        raise PartialDateError(
            _(
                "The date in brackets, %(second)s, is the earlier one: write the Old Style "
                "first and the New Style in brackets, as %(old)s (%(new)s)."
            )
            % {
                "second": format_partial_date(new_style),
                "old": format_partial_date(new_style),
                "new": format_partial_date(old_style),
            }
        )
    difference = (new_style.earliest() - old_style.earliest()).days
    raise PartialDateError(
        _(
            "The Old Style date %(old)s and the New Style date %(new)s differ by "
            "%(difference)s, but the calendars differ by %(gap)s on that date: "
            "%(old)s Old Style is %(expected)s New Style."
        )
        % {
            "old": format_partial_date(old_style),
            "new": format_partial_date(new_style),
            "difference": _days(difference),
            "gap": _days(calendar_gap(old_style)),
            "expected": format_partial_date(expected),
        }
    )


def _days(count: int) -> str:
    return ngettext("%(count)d day", "%(count)d days", abs(count)) % {"count": count}


def _read_day(part: str, *, text: str) -> PartialDate:
    """One day of a date in two calendars (``text``): ISO, dotted (day.month.year) or
    worded («6 декабря 1878», "6 December 1878")."""
    day = _YEAR_WORD.sub("", " ".join(part.split()).replace(" .", ".").replace(". ", "."))
    for pattern, order in ((_ISO_DAY, (0, 1, 2)), (_DOTTED_DAY, (2, 1, 0))):
        found = pattern.match(day)
        if found:
            year, month, number = (int(found.group(index + 1)) for index in order)
            return PartialDate(year, month, number)
    found = _WORDED_DAY.match(day)
    if found and found[2].lower() in _MONTH_WORDS:
        return PartialDate(int(found[3]), _MONTH_WORDS[found[2].lower()], int(found[1]))
    raise PartialDateError(
        _(
            "“%(text)s” is not a date in two calendars: write the Old Style day, then the "
            "New Style day in brackets, as 30.12.1902 (12.1.1903), 29.10(10.11).1888 or "
            "6 (18) декабря 1878."
        )
        % {"text": text}
    )


def format_styled_date(
    value: PartialDate | None, old_style: PartialDate | None, *, language: str | None = None
) -> str:
    """A date as sources write it in two calendars: the Old Style first, the New in
    brackets, what the two share written once — «6 (18) декабря 1878»,
    «29 октября (10 ноября) 1888», «30 декабря 1902 (12 января 1903)»; "6 (18) December
    1878". Without an Old Style day, the date as ``format_partial_date`` writes it."""
    if old_style is None or value is None or {value.precision, old_style.precision} != {DAY}:
        return format_partial_date(value, language=language)
    with translation.override(language or translation.get_language() or "ru"):
        months = MONTHS_ALT if translation.get_language().startswith("ru") else MONTHS
        old_month, new_month = months[old_style.month], months[value.month]
        if (old_style.year, old_style.month) == (value.year, value.month):
            return f"{old_style.day} ({value.day}) {new_month} {value.year}"
        if old_style.year == value.year:
            return f"{old_style.day} {old_month} ({value.day} {new_month}) {value.year}"
        return (
            f"{old_style.day} {old_month} {old_style.year} ({value.day} {new_month} {value.year})"
        )


def as_partial_date(value: PartialDate | str | None) -> PartialDate | None:
    """A field's value as a PartialDate: a record's date assigned as its ISO text and not
    yet read back ("1920-05-05") is parsed."""
    if value is None or isinstance(value, PartialDate):
        return value
    return PartialDate.parse(value) if value else None


def certainly_after(later: PartialDate | None, earlier: PartialDate | None) -> bool:
    """Whether ``later`` is surely after ``earlier``: its first possible day after the other's
    last (1943 is not surely after March 1943; 1943-03-15 is surely after 1943-03-06)."""
    later, earlier = as_partial_date(later), as_partial_date(earlier)
    return later is not None and earlier is not None and later.earliest() > earlier.latest()


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
