"""What an import file may hold (awards.exchange.limits): the limits from the settings, and
refusals that name the limit and the cell where the file went over it."""

import pytest
from django.utils import translation

from awards.exchange.limits import (
    DEFAULT_MAX_ROWS,
    Limits,
    cell_too_long,
    in_record,
    in_sheet,
    is_filled,
    too_many_cells,
    too_many_rows,
)


def test_the_limits_come_from_the_settings_with_their_defaults(settings):
    settings.IMPORT_MAX_CELL_CHARS = 100
    del settings.IMPORT_MAX_ROWS

    limits = Limits.from_settings()

    assert (limits.cell_chars, limits.rows) == (100, DEFAULT_MAX_ROWS)


@pytest.mark.parametrize(
    ("cell", "filled"),
    [(None, False), ("", False), ("  \t", False), ("0", True), (0, True), (False, True)],
)
def test_only_a_cell_that_holds_something_counts(cell, filled):
    assert is_filled(cell) is filled


def test_a_refusal_names_the_limit_and_the_cell_as_a_spreadsheet_names_it():
    limits = Limits(rows=10, cells=1, cell_chars=100)

    with translation.override("en"):
        messages = [
            too_many_rows(limits).message,
            too_many_cells(limits, where=in_sheet(row=3, column=28)).message,
            cell_too_long(limits, where=in_record(number=2, key="name_ru")).message,
        ]

    assert messages == [
        "The file has more than 10 rows; split it into smaller files.",
        "The file has more than 1 cell (row 3, column AB); split it into smaller files.",
        "The cell at record 2, key “name_ru” is longer than 100 characters.",
    ]
