"""How one cell of an exchange file becomes a field value and back.

Each widget reads what editors really put in spreadsheets (numbers typed as numbers,
dates as Excel dates, booleans as TRUE, 1, да) and writes one canonical text, so that an
exported file imported again is the same file. ``render`` gives the text of a CSV or
XLSX cell, ``render_native`` the value of a JSON field.

Relations are named by slug, declared as django-import-export documents them (a
ForeignKeyWidget or ManyToManyWidget of the related model, by its ``slug`` field). Their
``clean`` gives the slugs only: the import resolves every slug of a file in a few queries
(awards.exchange.columns), not one query per cell.
"""

import datetime
import re

from django.utils.translation import gettext as _
from import_export.widgets import ForeignKeyWidget, ManyToManyWidget, Widget

from awards.core.dates import ISO_PATTERN, PartialDate, PartialDateError, StyledDate, parse_styled

SLUG_SEPARATOR = ", "
SLUG_LIST_SPLIT = re.compile(r"[,;\s]+")

TRUE_WORDS = frozenset({"1", "true", "t", "yes", "y", "x", "да", "д", "истина", "+"})
# Longer numbers are no paragraph or sentence number; Python refuses them past 4,300 digits.
MAX_DIGITS = 18

FALSE_WORDS = frozenset({"0", "false", "f", "no", "n", "нет", "н", "ложь", "-", ""})


# Line breaks and tabs are text; every other control character (NUL, which PostgreSQL
# cannot store, included) and unpaired surrogates (which no encoding can write) are not:
# no spreadsheet means them, and an XLSX export could not write them back.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def check_text(text: str) -> None:
    """Raise ValueError, naming the character, if the text holds a control character
    (but a tab or a line break) or an unpaired surrogate."""
    found = _NOT_TEXT.search(text)
    if found is None:
        return
    code = ord(found.group())
    if 0xD800 <= code <= 0xDFFF:
        raise ValueError(
            _("The text holds an unpaired surrogate (U+%(code)04X), which is not text.")
            % {"code": code}
        )
    raise ValueError(_("The text holds a control character (U+%(code)04X).") % {"code": code})


def printable(text: str) -> str:
    """The text with what check_text() refuses replaced by U+FFFD, so that it can be shown
    and stored (an error message that quotes a cell, the cells of a row in error)."""
    return _NOT_TEXT.sub("\ufffd", text)


def cell_text(value) -> str:
    """The text of a cell as typed: whole numbers without ".0", nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class TextWidget(Widget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, list | dict):
            raise ValueError(_("A text is expected here, not a list."))
        text = cell_text(value)
        check_text(text)
        return text

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)

    def render_native(self, value):
        return self.render(value)


class IntegerWidget(Widget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            raise ValueError(_("A whole number is expected here."))
        text = cell_text(value).strip()
        if not text:
            return None
        if len(text) > MAX_DIGITS:
            raise ValueError(
                _("The number has more than %(digits)d digits.") % {"digits": MAX_DIGITS}
            )
        if not re.fullmatch(r"[+-]?\d+", text):
            raise ValueError(_("“%(value)s” is not a whole number.") % {"value": text})
        return int(text)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)

    def render_native(self, value):
        return value


class SpreadsheetBooleanWidget(Widget):
    """TRUE/FALSE as Excel writes them, and the other ways people write yes and no."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = cell_text(value).strip().lower()
        if text in TRUE_WORDS:
            return True
        if text in FALSE_WORDS:
            return False
        raise ValueError(
            _("“%(value)s” is not a yes or a no: write TRUE or FALSE, 1 or 0, да or нет.")
            % {"value": cell_text(value)}
        )

    def render(self, value, obj=None, **kwargs):
        return "TRUE" if value else "FALSE"

    def render_native(self, value):
        return bool(value)


class PartialDateWidget(Widget):
    """A date exactly as far as it is known: 1921, 1927-07 or 1927-07-27."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, datetime.datetime):
            return PartialDate.from_date(value.date())
        if isinstance(value, datetime.date):
            return PartialDate.from_date(value)
        text = cell_text(value).strip()
        if not text:
            return None
        if not ISO_PATTERN.match(text):
            raise ValueError(
                _("“%(value)s” is not a date: write it as YYYY, YYYY-MM or YYYY-MM-DD.")
                % {"value": text}
            )
        try:
            return PartialDate.parse(text)
        except PartialDateError as error:
            raise ValueError(
                _("“%(value)s” is not a date that exists.") % {"value": text}
            ) from error

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""

    def render_native(self, value):
        return self.render(value)


class StyledDateWidget(PartialDateWidget):
    """A date of birth or death: as PartialDateWidget reads it, or a day in both calendars
    as sources before 1918 write it, the Old Style first («30.12.1902 (12.1.1903)»,
    «6 (18) декабря 1878»; awards.core.dates.parse_styled). ``clean`` gives a StyledDate."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, str) and "(" in value:
            try:
                return parse_styled(value)
            except PartialDateError as error:
                raise ValueError(str(error)) from error
        date = super().clean(value, row, **kwargs)
        return None if date is None else StyledDate(date)


class SlugWidget(ForeignKeyWidget):
    """A related record named by its slug."""

    def __init__(self, model, **kwargs):
        super().__init__(model, field="slug", **kwargs)

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, list | dict):
            raise ValueError(_("One slug is expected here, not a list."))
        return cell_text(value).strip() or None

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return getattr(value, "slug", value)

    def render_native(self, value):
        return self.render(value)


class SlugListWidget(ManyToManyWidget):
    """Many related records in one cell: their slugs, sorted, separated by commas."""

    def __init__(self, model, **kwargs):
        super().__init__(model, separator=SLUG_SEPARATOR.strip(), field="slug", **kwargs)

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, list):
            slugs = [cell_text(item).strip() for item in value]
        else:
            slugs = SLUG_LIST_SPLIT.split(cell_text(value))
        return sorted({slug for slug in slugs if slug})

    def render(self, value, obj=None, **kwargs):
        return SLUG_SEPARATOR.join(self._slugs(value))

    def render_native(self, value):
        return self._slugs(value)

    @staticmethod
    def _slugs(value):
        if value is None:
            return []
        if hasattr(value, "all"):
            value = value.all()
        return sorted(getattr(item, "slug", item) for item in value)
