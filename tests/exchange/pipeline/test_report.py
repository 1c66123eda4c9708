"""What an import tells (awards.exchange.pipeline.report): its counts, its errors by row and
column, its entry in the import log."""

from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from awards import models
from awards.exchange.files import Table
from awards.exchange.pipeline.report import (
    MAX_REPORTED_ERRORS,
    ImportReport,
    Progress,
    ProgressTracker,
    RowError,
    changed_meanwhile,
    log_import,
)
from awards.models import ImportLog
from tests.support.record_files import csv_file, import_bytes


def test_every_import_is_logged_with_who_what_and_the_counts(editor, make_citation):
    make_citation(slug="c1")

    import_bytes(
        "person", csv_file("slug,name_ru,citations", "a,А,c1"), user=editor, file_name="a.csv"
    )
    import_bytes(
        "person", csv_file("slug,name_ru,citations", "b,Б,zz"), user=editor, file_name="b.csv"
    )

    rejected, imported = models.ImportLog.objects.all()
    assert (imported.file_name, imported.user, imported.status) == ("a.csv", editor, "imported")
    assert (imported.new_count, imported.failed_count) == (1, 0)
    assert (rejected.file_name, rejected.status, rejected.failed_count) == ("b.csv", "rejected", 1)
    assert "zz" in rejected.errors


def english_report(**fields) -> ImportReport:
    return ImportReport(model_name="person", file_name="people.csv", file_format="csv", **fields)


def test_an_error_says_where_it_is_as_the_editor_s_spreadsheet_numbers_it():
    with translation.override("en"):
        assert str(RowError(row=3, column="name_ru", message="Required.")) == (
            "row 3, column “name_ru”: Required."
        )
        assert str(RowError(row=None, column="", message="Not a CSV file.")) == (
            "file: Not a CSV file."
        )


def test_errors_past_the_limit_are_counted_not_kept():
    report = english_report()

    for row in range(2, MAX_REPORTED_ERRORS + 7):
        report.add_error(row, "slug", "Bad slug.")

    assert len(report.errors) == MAX_REPORTED_ERRORS
    assert report.more_errors == 5
    assert not report.ok
    with translation.override("en"):
        assert report.error_lines()[-1] == "… and 5 more errors."


def test_what_an_error_quotes_is_made_showable_and_storable():
    report = english_report()

    report.add_error(2, "name\x00", "Cell “Ива\x07нов” holds a control character.")

    assert report.errors[0].column == "name\ufffd"
    assert report.errors[0].message == "Cell “Ива\ufffdнов” holds a control character."


def test_a_refused_import_counts_nothing_as_written():
    report = english_report(new=3, updated=2, unchanged=1)

    report.refuse(rows=6)

    assert (report.new, report.updated, report.unchanged, report.failed) == (0, 0, 0, 6)


def test_the_summary_says_whether_anything_was_written():
    with translation.override("en"):
        assert english_report(new=2).summary() == (
            "Imported (new: 2, updated: 0, unchanged: 0, failed: 0)."
        )
        assert (
            english_report(new=2, dry_run=True)
            .summary()
            .startswith("Checked, nothing written (new: 2")
        )
        refused = english_report(failed=1)
        refused.add_error(2, "slug", "Bad slug.")
        assert refused.summary().startswith("Nothing was imported (")


def test_the_cells_of_each_row_in_error_are_kept_as_the_file_holds_them():
    table = Table(headers=["slug", "name_ru"], rows=[["a", "А"], ["b", None], ["c", "\x07"]])
    report = english_report()
    report.add_error(3, "name_ru", "Required.")
    report.add_error(4, "name_ru", "Control character.")
    report.add_error(1, "colour", "Unknown column.")

    report.keep_error_cells(table)

    assert report.error_cells == {3: ["b", ""], 4: ["c", "\ufffd"], 1: ["slug", "name_ru"]}


def test_a_record_changed_since_the_check_is_explained_by_what_happened_to_it():
    with translation.override("en"):
        assert "deleted" in changed_meanwhile(read=2, current=0)
        assert "added after" in changed_meanwhile(read=0, current=1)
        assert "(version 2 then, 3 now)" in changed_meanwhile(read=2, current=3)


def test_the_progress_is_told_with_the_errors_so_far():
    told = []
    report = english_report()
    track = ProgressTracker(told.append, total=10, report=report)

    track(read=4)
    report.add_error(3, "slug", "Bad slug.")
    track(stage="validate", validated=2)

    assert told == [
        Progress(stage="read", total=10, read=4, errors=0),
        Progress(stage="validate", total=10, read=4, validated=2, errors=1),
    ]


def test_an_anonymous_importer_is_logged_as_nobody(db):
    report = english_report(new=1)

    entry = log_import(report=report, user=AnonymousUser(), origin=ImportLog.Origin.ADMIN)

    assert entry.user is None
    assert (entry.status, entry.new_count) == (ImportLog.Status.IMPORTED, 1)
