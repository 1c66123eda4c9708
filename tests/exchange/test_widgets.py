"""How one cell becomes a field value and back (awards.exchange.widgets): dates, booleans,
numbers, lists of slugs, as spreadsheets write them."""

import datetime
import io

import pytest
from openpyxl import Workbook

from awards import models
from awards.core.dates import PartialDate
from awards.exchange.kinds.records import RecordKind
from awards.exchange.pipeline.run import import_file
from awards.exchange.resources import PersonResource
from awards.exchange.widgets import (
    IntegerWidget,
    PartialDateWidget,
    SlugListWidget,
    SpreadsheetBooleanWidget,
)
from tests.support.record_files import import_bytes


def test_xlsx_typed_by_hand_with_numbers_dates_and_booleans(no_records, make_source):
    make_source(slug="src")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["slug", "source", "paragraph", "sentence", "quote_ru", "published"])
    sheet.append(["q1", "src", 3, 4.0, "Цитата", True])
    sheet.append(["q2", "src", "5", "6", "Ещё", "нет"])
    output = io.BytesIO()
    workbook.save(output)

    report = import_bytes("citation", output.getvalue(), "xlsx")

    assert report.ok, report.errors
    first, second = models.Citation.objects.order_by("slug")
    assert (first.paragraph, first.sentence, first.published) == (3, 4, True)
    assert (second.paragraph, second.sentence, second.published) == (5, 6, False)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1921", PartialDate(1921)),
        ("1927-07", PartialDate(1927, 7)),
        (" 1927-07-27 ", PartialDate(1927, 7, 27)),
        (1921, PartialDate(1921)),
        (datetime.datetime(1940, 5, 22), PartialDate(1940, 5, 22)),
        ("", None),
        (None, None),
    ],
)
def test_dates_are_read_exactly_as_far_as_they_are_known(cell, expected):
    assert PartialDateWidget().clean(cell) == expected


@pytest.mark.parametrize("cell", ["1927-7", "27.07.1927", "1927-13", "1927-02-30", "year"])
def test_malformed_or_impossible_dates_are_refused(cell):
    with pytest.raises(ValueError, match=cell):
        PartialDateWidget().clean(cell)


def test_dates_are_written_as_iso_text_of_their_precision():
    widget = PartialDateWidget()
    assert [widget.render(PartialDate(1921)), widget.render(PartialDate(1927, 7))] == [
        "1921",
        "1927-07",
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("TRUE", True),
        ("ИСТИНА", True),
        ("да", True),
        ("1", True),
        (1.0, True),
        (True, True),
        ("FALSE", False),
        ("ложь", False),
        ("нет", False),
        ("0", False),
        ("", False),
        (None, False),
    ],
)
def test_booleans_as_spreadsheets_write_them(cell, expected):
    assert SpreadsheetBooleanWidget().clean(cell) is expected


def test_a_boolean_that_is_neither_is_refused():
    with pytest.raises(ValueError, match="maybe"):
        SpreadsheetBooleanWidget().clean("maybe")


def test_whole_numbers_from_text_or_excel_floats():
    widget = IntegerWidget()
    assert [widget.clean("3"), widget.clean(3.0), widget.clean("")] == [3, 3, None]
    with pytest.raises(ValueError):
        widget.clean("3.5")


def test_a_list_of_slugs_in_one_cell_is_read_in_any_separator_and_written_sorted():
    widget = SlugListWidget(models.Citation)

    assert widget.clean("b, a;c  d") == ["a", "b", "c", "d"]
    assert widget.clean(["b", "a"]) == ["a", "b"]
    assert widget.render(["b", "a"]) == "a, b"


def test_an_excel_date_is_imported_as_the_day_it_shows(no_records, make_citation):
    make_citation(slug="c1")
    book = Workbook()
    book.active.append(["slug", "name_ru", "born_on", "citations"])
    book.active.append(["ivanov", "Иванов", datetime.date(1927, 7, 27), "c1"])
    content = io.BytesIO()
    book.save(content)

    report = import_file(
        kind=RecordKind(PersonResource()), data=content.getvalue(), file_name="p.xlsx"
    )

    assert report.ok, report.errors
    assert models.Person.objects.get(slug="ivanov").born_on == PartialDate(1927, 7, 27)
