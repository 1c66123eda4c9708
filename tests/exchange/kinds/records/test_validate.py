"""Stage 4 of a kind of record (awards.exchange.kinds.records.validate): new records that name
each other inserted in order, a circle refused."""

from awards import models
from tests.support.record_files import csv_file, import_bytes


def test_a_record_may_refer_to_one_defined_later_in_the_same_file(make_citation):
    make_citation(slug="c1")
    data = csv_file(
        "slug,name_ru,predecessor,citations",
        "successor,Преемник,ancestor,c1",
        "ancestor,Предшественник,,c1",
    )

    assert import_bytes("title", data).ok

    successor = models.Title.objects.get(slug="successor")
    assert successor.predecessor.slug == "ancestor"


def test_records_referring_to_each_other_in_a_circle_are_refused(no_records, make_citation):
    make_citation(slug="c1")
    data = csv_file("slug,name_ru,predecessor,citations", "a,А,b,c1", "b,Б,a,c1", "c,В,c,c1")

    report = import_bytes("title", data)

    assert {error.row for error in report.errors} == {2, 3, 4}
    assert not models.Title.objects.exists()
