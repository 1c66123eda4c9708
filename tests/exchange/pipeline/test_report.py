"""What an import tells (awards.exchange.pipeline.report): its counts, its errors by row and
column, its entry in the import log."""

from awards import models
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
