"""The export_records command, as scripts and cron jobs use it."""

import json

import pytest
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """The messages are checked in English; editors read them in their language."""
    with translation.override("en"):
        yield


def run(*args):
    call_command(*args)


def test_export_writes_the_file_in_the_chosen_format(tmp_path, seeded):
    output = tmp_path / "titles.json"

    run("export_records", "title", "--format", "json", "--output", str(output))

    records = json.loads(output.read_text(encoding="utf-8"))
    assert "hero-of-socialist-labour" in [record["slug"] for record in records]
    assert set(records[0]) >= {"name_ru", "name_en", "established_on", "citations"}


def test_export_without_output_goes_to_standard_output(capsysbinary, seeded):
    run("export_records", "decree")

    data = capsysbinary.readouterr().out
    assert data.startswith(b"\xef\xbb\xbfslug,published,kind,date,number,authorities,")


def test_export_for_russian_excel_separates_by_semicolons(tmp_path, seeded):
    output = tmp_path / "titles.csv"

    run("export_records", "title", "--delimiter", "semicolon", "--output", str(output))

    assert output.read_bytes().startswith(b"\xef\xbb\xbfslug;published;name_ru;")
