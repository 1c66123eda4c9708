"""The columns of the exchange files and how one cell is read and written."""

import datetime

import pytest

from awards import models
from awards.core.dates import PartialDate
from awards.exchange.files import (
    ImportFileError,
    decode_text,
    escape_formula,
    sniff_delimiter,
    unescape_formula,
)
from awards.exchange.resources import RESOURCES, resource_for
from awards.exchange.widgets import (
    IntegerWidget,
    PartialDateWidget,
    SlugListWidget,
    SpreadsheetBooleanWidget,
)


def test_every_model_has_a_resource_in_dependency_order():
    assert list(RESOURCES) == [
        "source",
        "citation",
        "authority",
        "person",
        "decree",
        "title",
        "medal",
        "event",
        "provision",
        "conferment",
    ]


@pytest.mark.parametrize("model_name", list(RESOURCES))
def test_columns_are_field_names_with_both_languages_and_no_ids(model_name):
    resource = resource_for(model_name)()
    headers = resource.get_export_headers()

    assert headers[0] == "slug"
    assert "id" not in headers
    assert not any(header.endswith("_id") for header in headers)
    for header in headers:
        if header.endswith("_ru"):
            assert header.removesuffix("_ru") + "_en" in headers


def test_title_columns_name_relations_by_slug():
    headers = resource_for("title")().get_export_headers()

    assert headers == [
        "slug",
        "published",
        "name_ru",
        "name_en",
        "description_ru",
        "description_en",
        "established_basis",
        "established_on",
        "established_by",
        "abolished_basis",
        "abolished_on",
        "abolished_by",
        "predecessor",
        "conferred_by",
        "citations",
        "version",
    ]


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


@pytest.mark.parametrize(
    "text", ["=1+1", "+7", "-5", "@SUM(A1)", "'=x", "''-y", "'plain", "plain", "", "a=b"]
)
def test_formula_escaping_is_undone_exactly(text):
    escaped = escape_formula(text)

    assert unescape_formula(escaped) == text
    assert escaped[:1] not in ("=", "+", "-", "@")


def test_encodings_are_detected():
    text = "slug;name_ru\nivanov;Иванов"

    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode_text(text.encode("cp1251")) == text
    assert decode_text(text.encode("utf-16")) == text
    with pytest.raises(ImportFileError):
        decode_text(bytes(range(256)))


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [("slug,name_ru", ","), ("slug;name_ru", ";"), ("slug\tname_ru", "\t"), ("slug", ",")],
)
def test_delimiter_is_sniffed_from_the_header(header, delimiter):
    assert sniff_delimiter(header + "\nx,y;z") == delimiter


@pytest.mark.parametrize(
    "text", ["\t=1+1", "\r=HYPERLINK()", "\n=cmd", "＝1+1", "＋7", "\t", "'\t=x"]
)
def test_the_formula_guard_covers_tabs_line_breaks_and_full_width_signs(text):
    assert escape_formula(text).startswith("'")
    assert unescape_formula(escape_formula(text)) == text
