"""Records written out (awards.exchange.exporter), and read back as they were."""

import pytest

from awards import models
from awards.exchange.files import read_table
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
