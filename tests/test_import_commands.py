"""The export_records and import_records commands, as scripts and cron jobs use them."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from awards import models


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
    assert data.startswith(b"\xef\xbb\xbfslug,published,kind,date,authorities,")


def test_export_for_russian_excel_separates_by_semicolons(tmp_path, seeded):
    output = tmp_path / "titles.csv"

    run("export_records", "title", "--delimiter", "semicolon", "--output", str(output))

    assert output.read_bytes().startswith(b"\xef\xbb\xbfslug;published;name_ru;")


def test_import_prints_the_counts_and_succeeds(tmp_path, capsys, seeded):
    exported = tmp_path / "people.csv"
    run("export_records", "person", "--output", str(exported))
    text = exported.read_text(encoding="utf-8-sig")
    citation = models.Citation.objects.values_list("slug", flat=True).first()
    exported.write_text(text + f"new-person,TRUE,Новый,,,,{citation}\r\n", encoding="utf-8-sig")

    run("import_records", "person", str(exported))

    out = capsys.readouterr().out
    unchanged = models.Person.objects.count() - 1
    assert f"new: 1, updated: 0, unchanged: {unchanged}, failed: 0" in out
    assert models.Person.objects.filter(slug="new-person").exists()


def test_import_with_errors_exits_non_zero_lists_them_and_writes_nothing(
    tmp_path, capsys, make_citation
):
    make_citation(slug="c1")
    path = tmp_path / "people.csv"
    path.write_text("slug,name_ru,citations\na,А,c1\nb,Б,missing\n", encoding="utf-8")

    with pytest.raises(CommandError, match="failed: 1"):
        run("import_records", "person", str(path))

    err = capsys.readouterr().err
    assert "3" in err and "citations" in err and "missing" in err
    assert not models.Person.objects.exists()


def test_dry_run_checks_without_writing(tmp_path, capsys, make_citation):
    make_citation(slug="c1")
    path = tmp_path / "people.csv"
    path.write_text("slug,name_ru,citations\na,А,c1\n", encoding="utf-8")

    run("import_records", "person", str(path), "--dry-run")

    assert "new: 1" in capsys.readouterr().out
    assert not models.Person.objects.exists()


def test_an_unreadable_file_exits_non_zero(tmp_path, capsys, db):
    path = tmp_path / "people.xlsx"
    path.write_bytes(b"not a workbook")

    with pytest.raises(CommandError):
        run("import_records", "person", str(path))

    assert ".xlsx" in capsys.readouterr().err
    assert models.ImportLog.objects.get().status == "rejected"


def test_encoding_can_be_given(tmp_path, make_citation):
    make_citation(slug="c1")
    path = tmp_path / "people.csv"
    path.write_bytes("slug;name_ru;citations\nivanov;Иванов;c1\n".encode("cp1251"))

    run("import_records", "person", str(path), "--encoding", "cp1251")

    assert models.Person.objects.get().name_ru == "Иванов"


def test_changes_are_attributed_to_the_user_given(tmp_path, editor, make_citation):
    make_citation(slug="c1")
    path = tmp_path / "people.csv"
    path.write_text("slug,name_ru,citations\na,А,c1\n", encoding="utf-8")

    run("import_records", "person", str(path), "--user", editor.username)

    assert models.Person.objects.get().history.get().history_user == editor
    assert models.ImportLog.objects.get().user == editor


def test_an_unknown_model_is_refused(db):
    with pytest.raises(CommandError):
        run("export_records", "spaceship")
