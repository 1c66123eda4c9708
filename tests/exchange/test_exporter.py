"""Records written out (awards.exchange.exporter), and read back as they were."""

import pytest

from awards import models
from awards.core.dates import PartialDate
from awards.exchange.columns import export_columns
from awards.exchange.exporter import export_file, iter_export_rows, record_cells
from awards.exchange.files import read_table
from awards.exchange.kinds.records import RecordKind
from awards.exchange.resources import resource_for
from tests.support.record_files import DEPENDENCY_ORDER, export_bytes, import_bytes


def delete_all_records():
    models.Authority.objects.update(parent=None)
    models.Title.objects.update(predecessor=None)
    for model_name in reversed(DEPENDENCY_ORDER):
        resource_for(model_name)._meta.model.objects.all().delete()


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_every_model_round_trips_byte_for_byte_through_an_empty_database(seeded, file_format):
    exported = {name: export_bytes(name, file_format) for name in DEPENDENCY_ORDER}
    delete_all_records()

    for name in DEPENDENCY_ORDER:
        report = import_bytes(name, exported[name], file_format)
        assert report.ok, report.errors
        assert report.new > 0

    for name in DEPENDENCY_ORDER:
        assert export_bytes(name, file_format) == exported[name], name


def test_xlsx_round_trip_keeps_every_cell(seeded):
    exported = {name: export_bytes(name, "xlsx") for name in DEPENDENCY_ORDER}
    cells = {name: read_table(data, file_format="xlsx").rows for name, data in exported.items()}
    delete_all_records()

    for name in DEPENDENCY_ORDER:
        assert import_bytes(name, exported[name], "xlsx").ok

    for name in DEPENDENCY_ORDER:
        assert read_table(export_bytes(name, "xlsx"), file_format="xlsx").rows == cells[name]


def test_a_long_text_survives_the_round_trip(no_records, make_source):
    make_source(slug="long", text="Слово " * 50_000)
    data = export_bytes("source")
    models.Source.objects.update(text="")

    assert import_bytes("source", data).updated == 1
    assert models.Source.objects.get().text == "Слово " * 50_000


def exported_titles(make_title, make_citation, count: int):
    """``count`` titles, each citing two passages, and the columns of their export."""
    for number in range(count):
        make_title(
            slug=f"exported-{number:02}",
            established_on=PartialDate(1927, 7, 27),
            citations=[make_citation(slug=f"e{number}-b"), make_citation(slug=f"e{number}-a")],
        )
    return export_columns(resource_for("title")()), models.Title.objects.filter(
        slug__startswith="exported-"
    ).order_by("slug")


@pytest.mark.parametrize("count", [3, 30])
def test_an_export_reads_links_a_batch_at_a_time_not_a_record_at_a_time(
    make_title, make_citation, django_assert_num_queries, count
):
    columns, titles = exported_titles(make_title, make_citation, count)

    # The records, then each many-to-many column's links: as many queries for 3 as for 30.
    with django_assert_num_queries(3):
        rows = list(iter_export_rows(columns=columns, queryset=titles))

    names = [column.name for column in columns]
    first = dict(zip(names, rows[0], strict=True))
    assert len(rows) == count
    assert (first["slug"], first["citations"], first["conferred_by"]) == (
        "exported-00",
        ["e0-a", "e0-b"],
        [],
    )


def test_cells_are_texts_in_csv_values_in_json_and_numbers_and_booleans_in_xlsx(
    make_title, make_citation
):
    columns, titles = exported_titles(make_title, make_citation, 1)
    names = [column.name for column in columns]

    def cells(file_format):
        row = next(record_cells(columns=columns, queryset=titles, file_format=file_format))
        return dict(zip(names, row, strict=True))

    csv_cells, json_cells, xlsx_cells = cells("csv"), cells("json"), cells("xlsx")

    assert (csv_cells["published"], csv_cells["version"]) == ("TRUE", "1")
    assert (json_cells["published"], json_cells["citations"]) == (True, ["e0-a", "e0-b"])
    assert (xlsx_cells["published"], xlsx_cells["version"]) == (True, 1)
    assert xlsx_cells["established_on"] == csv_cells["established_on"] == "1927-07-27"
    assert xlsx_cells["citations"] == "e0-a, e0-b"


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown export format 'ods'"):
        export_file(kind=RecordKind(resource_for("title")()), file_format="ods")
