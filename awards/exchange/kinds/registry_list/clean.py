"""Stage 2 of a registry list: the header row checked, each row's cells made values — text
checked as every import checks it, dates read as text or as spreadsheet dates, lists
split. A row names its person by key (``person``) or by the Russian name and date of
birth, the title, the date of conferment, the act by its date and number, and the
passages that state it."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Field
from django.utils.translation import gettext as _

from awards.core.dates import PartialDateError, check_styles, julian_to_gregorian
from awards.exchange.files import Table, is_filled
from awards.exchange.kinds.registry_list.other_names import parse_other_names
from awards.exchange.pipeline.report import PROGRESS_EVERY, ImportReport
from awards.exchange.widgets import PartialDateWidget, StyledDateWidget, cell_text, check_text
from awards.models import Citation, Conferment, Decree, Person, Title

PERSON_COLUMNS = (
    "person",
    "surname_ru",
    "given_name_ru",
    "patronymic_ru",
    "surname_en",
    "given_name_en",
    "patronymic_en",
    "name_as_written",
    "other_names",
    "sex",
    "born_on",
    "born_on_old_style",
    "birth_place_ru",
    "died_on",
    "died_on_old_style",
    "death_place_ru",
    "occupation_ru",
    "citizenship",
)
CONFERMENT_COLUMNS = (
    "title",
    "date",
    "decree_date",
    "decree_number",
    "medal_number",
    "posthumous",
    "citations",
    "published",
)
COLUMNS = PERSON_COLUMNS + CONFERMENT_COLUMNS
REQUIRED = ("title", "date", "citations")
DATE_COLUMNS = (
    "born_on",
    "born_on_old_style",
    "died_on",
    "died_on_old_style",
    "date",
    "decree_date",
)
# The dates a cell may give in both calendars, and the column of their Old Style day.
OLD_STYLE_COLUMNS = {"born_on": "born_on_old_style", "died_on": "died_on_old_style"}
TRUE = {"1", "true", "yes", "да", "истина"}
CITIZENSHIPS = frozenset(Person.Citizenship.values)
# The sex as lists write it: the stored value, or a Russian or English word or letter.
SEXES = {
    **{value: value for value in Person.Sex.values},
    **dict.fromkeys(("м", "муж", "мужской", "m"), Person.Sex.MALE),
    **dict.fromkeys(("ж", "жен", "женский", "f"), Person.Sex.FEMALE),
}


# Slots: an import keeps one per row.
@dataclass(slots=True)
class Row:
    number: int
    values: dict


def clean(*, table: Table, report: ImportReport, track=None) -> list[Row]:
    """Each row's cells as values: text checked as every import checks it (no control
    characters or unpaired surrogates, within its field's length, a key that is a slug),
    dates parsed (as text or as spreadsheet dates), lists split."""
    header_row = table.header_row_number
    for header in table.headers:
        if header not in COLUMNS:
            report.add_error(
                header_row,
                header,
                _("Unknown column. The columns of a registry list are: %(columns)s.")
                % {"columns": ", ".join(COLUMNS)},
            )
    for name in REQUIRED:
        if name not in table.headers:
            report.add_error(header_row, name, _("This required column is missing from the file."))
    if "person" not in table.headers and "surname_ru" not in table.headers:
        report.add_error(
            header_row, "surname_ru", _("Name the people by “person” or by “surname_ru”.")
        )
    if not report.ok:
        return []
    fields = text_fields()
    dates = PartialDateWidget()
    styled_dates = StyledDateWidget()
    rows = []
    for offset, cells in enumerate(table.rows):
        number = table.first_row_number + offset
        if track is not None and offset % PROGRESS_EVERY == 0 and offset:
            track(stage="clean", read=offset)
        if not any(is_filled(cell) for cell in cells):
            continue
        values = {}
        old_style_in_cells = {}
        for header, cell in zip(table.headers, cells, strict=False):
            if header in OLD_STYLE_COLUMNS:
                try:
                    styled = styled_dates.clean(cell)
                except ValueError as error:
                    report.add_error(number, header, str(error))
                    styled = None
                values[header] = styled.new_style if styled else None
                old_style_in_cells[header] = styled.old_style if styled else None
                continue
            if header in DATE_COLUMNS:
                try:
                    values[header] = dates.clean(cell)
                except ValueError as error:
                    report.add_error(number, header, str(error))
                    values[header] = None
                continue
            values[header] = text = cell_text(cell).strip()
            for message in _text_errors(text, field=fields.get(header), list_of=header):
                report.add_error(number, header, message)
        for name in DATE_COLUMNS:
            values.setdefault(name, None)
        _two_calendars(values, old_style_in_cells=old_style_in_cells, number=number, report=report)
        for name in REQUIRED:
            if not values.get(name):
                report.add_error(number, name, _("This field is required."))
        if not values.get("person") and not values.get("surname_ru"):
            report.add_error(number, "surname_ru", _("Name the person: a surname or a key."))
        citizenship = values.get("citizenship", "")
        if citizenship not in CITIZENSHIPS:
            report.add_error(
                number,
                "citizenship",
                _("Write one of: %(choices)s.")
                % {"choices": ", ".join(value for value in Person.Citizenship.values if value)},
            )
        sex = values.get("sex", "").lower().rstrip(".")
        if sex in SEXES:
            values["sex"] = SEXES[sex]
        else:
            report.add_error(
                number,
                "sex",
                _("Write one of: %(choices)s.")
                % {"choices": ", ".join(value for value in Person.Sex.values if value)},
            )
        try:
            values["other_names"] = parse_other_names(values.get("other_names", ""))
        except ValueError as error:
            report.add_error(number, "other_names", str(error))
            values["other_names"] = []
        values["posthumous"] = values.get("posthumous", "").lower() in TRUE
        values["citations"] = [
            slug.strip() for slug in values.get("citations", "").split(",") if slug.strip()
        ]
        values["published"] = values.get("published", "").lower() in TRUE
        rows.append(Row(number, values))
    if track is not None:
        track(stage="clean", read=len(table.rows))
    return rows


def _two_calendars(values: dict, *, old_style_in_cells: dict, number: int, report) -> None:
    """A date of birth or death with its Old Style day — given in its cell, «6 (18) декабря
    1878», or in the Old Style column — kept as the New Style date with the Old beside it:
    the two must differ by the calendars' gap. An Old Style day alone gives the New."""
    for column, old_column in OLD_STYLE_COLUMNS.items():
        in_cell, stated = old_style_in_cells.get(column), values.get(old_column)
        if in_cell and stated and in_cell != stated:
            report.add_error(
                number,
                old_column,
                _("The Old Style date %(stated)s is not the one “%(column)s” gives: %(cell)s.")
                % {"stated": stated.isoformat(), "column": column, "cell": in_cell.isoformat()},
            )
            continue
        old_style = values[old_column] = stated or in_cell
        if old_style is None:
            continue
        try:
            if values.get(column) is None:
                values[column] = julian_to_gregorian(old_style)
            else:
                check_styles(new_style=values[column], old_style=old_style)
        except PartialDateError as error:
            report.add_error(number, old_column, str(error))


def text_fields() -> dict[str, Field]:
    """The model field each text column of a list is written to (``citations``: each of
    its slugs): the column's values are checked against it."""
    return {
        **{
            name: Person._meta.get_field(name)
            for name in PERSON_COLUMNS
            if name not in ("person", "other_names", *DATE_COLUMNS)
        },
        "person": Person._meta.get_field("slug"),
        "title": Title._meta.get_field("slug"),
        "decree_number": Decree._meta.get_field("number"),
        "medal_number": Conferment._meta.get_field("medal_number"),
        "citations": Citation._meta.get_field("slug"),
    }


def _text_errors(text: str, *, field: Field | None, list_of: str) -> list[str]:
    """What is wrong with a text cell: its characters, then each value against the field's
    validators (its length; a slug's letters)."""
    try:
        check_text(text)
    except ValueError as error:
        return [str(error)]
    if field is None or not text:
        return []
    parts = [part.strip() for part in text.split(",")] if list_of == "citations" else [text]
    if field.choices:
        return []
    errors = []
    for part in parts:
        try:
            field.run_validators(part)
        except ValidationError as error:
            errors += error.messages
    return errors
