"""The import pipeline's driver (awards.exchange.pipeline.run): all of a file or nothing."""

from awards import models
from tests.support.record_files import csv_file, import_bytes


def test_one_bad_row_among_many_rolls_back_the_whole_import(no_records, make_citation):
    make_citation(slug="c1")
    rows = [f"person-{number},Человек {number},c1" for number in range(100)]
    rows[57] = "person-57,Человек,unknown"

    report = import_bytes("person", csv_file("slug,name_ru,citations", *rows))

    assert [error.row for error in report.errors] == [59]
    assert not models.Person.objects.exists()


def test_a_dry_run_writes_nothing(no_records, make_citation):
    make_citation(slug="c1")

    report = import_bytes("person", csv_file("slug,name_ru,citations", "a,А,c1"), dry_run=True)

    assert report.new == 1
    assert not models.Person.objects.exists()
