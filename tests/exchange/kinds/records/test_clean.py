"""Stage 2 of a kind of record (awards.exchange.kinds.records.clean): the header row checked,
each cell made a field value; a bad one reported by row and column, nothing written."""

import pytest

from awards import models
from awards.core.dates import PartialDate
from tests.support.record_files import csv_file, import_bytes

# Bad input: nothing is written and the report says where -------------------------------


@pytest.fixture
def title_file(no_records, make_citation, make_decree):
    make_citation(slug="c1")
    make_decree(slug="decree-1940", date=PartialDate(1940, 5, 22))

    def build(*rows, header="slug,name_ru,established_on,established_by,citations"):
        return csv_file(header, "good,Хорошее,1940-05-22,decree-1940,c1", *rows)

    return build


@pytest.mark.parametrize(
    ("row", "column", "fragment"),
    [
        ("bad,Плохое,1940-13,,c1", "established_on", "1940-13"),
        ("bad,Плохое,1940-02-30,,c1", "established_on", "1940-02-30"),
        ("bad,Плохое,22.05.1940,,c1", "established_on", "22.05.1940"),
        ("bad,Плохое,,no-such-decree,c1", "established_by", "no-such-decree"),
        ("bad,Плохое,,,c1 no-such-citation", "citations", "no-such-citation"),
        ("good,Дубль,,,c1", "slug", "good"),
        ("bad," + "Я" * 301 + ",,,c1", "name_ru", "300"),
        ("bad,,,,c1", "name_ru", ""),
        ("bad,Плохое,,,", "citations", ""),
        ("bad slug,Плохое,,,c1", "slug", ""),
        ("bad,Плохое,1941,decree-1940,c1", "established_by", ""),
    ],
)
def test_a_bad_row_is_reported_by_number_and_column_and_nothing_is_written(
    title_file, row, column, fragment
):
    report = import_bytes("title", title_file(row))

    assert not report.ok
    assert [(error.row, error.column) for error in report.errors] == [(3, column)]
    assert fragment in report.errors[0].message
    assert report.failed == 1
    assert not models.Title.objects.exists()


def test_an_unknown_column_is_reported_on_the_header_row(title_file):
    data = title_file(header="slug,name_ru,established_on,established_by,citations,colour")
    report = import_bytes("title", data.replace(b"c1\n", b"c1,red\n"))

    assert [(error.row, error.column) for error in report.errors] == [(1, "colour")]
    assert not models.Title.objects.exists()


def test_a_missing_required_column_is_reported(make_citation):
    report = import_bytes("title", csv_file("slug,name_en", "hero,Hero"))

    assert {(error.row, error.column) for error in report.errors} == {
        (1, "name_ru"),
        (1, "citations"),
    }
