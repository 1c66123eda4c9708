"""The import_records command (and import_registry), as scripts and cron jobs use it: counts,
errors, exit codes, encodings, the user it imports as, its progress bar."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from awards import models
from awards.models import ImportJob, Person
from awards.models.imports import REGISTRY_LIST
from tests.support.registry_lists import NOVIKOV, STAKHANOV, registry_csv, registry_list


@pytest.fixture(autouse=True)
def english():
    """The messages are checked in English; editors read them in their language."""
    with translation.override("en"):
        yield


def run(*args):
    call_command(*args)


def test_import_prints_the_counts_and_succeeds(tmp_path, capsys, seeded):
    exported = tmp_path / "people.csv"
    run("export_records", "person", "--output", str(exported))
    text = exported.read_text(encoding="utf-8-sig")
    citation = models.Citation.objects.values_list("slug", flat=True).first()
    headers = text.splitlines()[0].split(",")
    new_row = {"slug": "new-person", "published": "TRUE", "name_ru": "Новый", "citations": citation}
    line = ",".join(new_row.get(header, "") for header in headers)
    exported.write_text(text + line + "\r\n", encoding="utf-8-sig")

    run("import_records", "person", str(exported))

    out = capsys.readouterr().out
    unchanged = models.Person.objects.count() - 1
    assert f"new: 1, updated: 0, unchanged: {unchanged}, failed: 0" in out
    assert models.Person.objects.filter(slug="new-person").exists()


def test_import_with_errors_exits_non_zero_lists_them_and_writes_nothing(
    no_records, tmp_path, capsys, make_citation
):
    make_citation(slug="c1")
    path = tmp_path / "people.csv"
    path.write_text("slug,name_ru,citations\na,А,c1\nb,Б,missing\n", encoding="utf-8")

    with pytest.raises(CommandError, match="failed: 1"):
        run("import_records", "person", str(path))

    err = capsys.readouterr().err
    assert "3" in err and "citations" in err and "missing" in err
    assert not models.Person.objects.exists()


def test_dry_run_checks_without_writing(no_records, tmp_path, capsys, make_citation):
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


def test_encoding_can_be_given(no_records, tmp_path, make_citation):
    make_citation(slug="c1")
    path = tmp_path / "people.csv"
    path.write_bytes("slug;name_ru;citations\nivanov;Иванов;c1\n".encode("cp1251"))

    run("import_records", "person", str(path), "--encoding", "cp1251")

    assert models.Person.objects.get().name_ru == "Иванов"


def test_changes_are_attributed_to_the_user_given(no_records, tmp_path, editor, make_citation):
    make_citation(slug="c1")
    path = tmp_path / "people.csv"
    path.write_text("slug,name_ru,citations\na,А,c1\n", encoding="utf-8")

    run("import_records", "person", str(path), "--user", editor.username)

    assert models.Person.objects.get().history.get().history_user == editor
    assert models.ImportLog.objects.get().user == editor


@pytest.mark.parametrize("role", ["editor", "chief_editor"])
def test_a_user_named_on_the_command_line_imports_with_their_role(
    no_records, tmp_path, make_citation, request, role
):
    make_citation(slug="c1")
    user = request.getfixturevalue(role)
    path = tmp_path / "people.csv"
    path.write_text("slug,name_ru,citations,published\na,А,c1,1\n", encoding="utf-8")

    if role == "editor":
        with pytest.raises(CommandError):
            call_command("import_records", "person", str(path), "--user", user.username)
        assert not models.Person.objects.exists()
    else:
        call_command("import_records", "person", str(path), "--user", user.username)
        assert models.Person.objects.get().published


def test_an_unknown_model_is_refused(db):
    with pytest.raises(CommandError):
        run("export_records", "spaceship")


# Hostile and mis-encoded files: refused as files, with a message and a log row -----------


def _xlsx_with_sheet(tmp_path, sheet: str):
    """A workbook whose worksheet is the given XML, as an attacker would craft it."""
    import zipfile

    from openpyxl import Workbook

    path = tmp_path / "hostile.xlsx"
    workbook = Workbook()
    workbook.active.append(["slug", "name_ru"])
    workbook.active.append(["ivanov", "Иванов"])
    workbook.save(path)
    crafted = tmp_path / "crafted.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(crafted, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet.encode()
            target.writestr(item, data)
    return crafted


SHEET = """<?xml version="1.0"?>
{doctype}
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>slug</t></is></c>
<c r="B1" t="inlineStr"><is><t>quote_ru</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>c-new</t></is></c>
<c r="B2" t="inlineStr"><is><t>{entity}</t></is></c></row>
</sheetData></worksheet>"""


BILLION_LAUGHS = SHEET.format(
    doctype="""<!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>""",
    entity="&lol3;",
)


EXTERNAL_ENTITY = SHEET.format(
    doctype='<!DOCTYPE sheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>', entity="&secret;"
)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("nested.json", "[" * 100_000 + "]" * 100_000, "list of objects"),
        ("deep.json", '[{"slug": ' + "[" * 5000 + "]" * 5000 + "}]", "list of objects"),
        ("number.json", '[{"slug": "a", "paragraph": ' + "9" * 5000 + "}]", "number longer"),
        ("nan.json", '[{"slug": "a", "paragraph": NaN}]', "not a value"),
        ("laughs.xlsx", BILLION_LAUGHS, "Excel workbook"),
        ("xxe.xlsx", EXTERNAL_ENTITY, "Excel workbook"),
    ],
)
def test_a_hostile_file_is_refused_with_a_message_and_logged(
    db, tmp_path, capsys, name, content, message
):
    if name.endswith(".xlsx"):
        path = _xlsx_with_sheet(tmp_path, content)
    else:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
    before = models.Citation.objects.count()

    with pytest.raises(CommandError, match="Nothing was imported"):
        run("import_records", "citation", str(path))

    assert message in capsys.readouterr().err
    log = models.ImportLog.objects.latest("pk")
    assert log.status == models.ImportLog.Status.REJECTED
    assert message in log.errors
    assert models.Citation.objects.count() == before


def test_a_number_of_thousands_of_digits_in_a_csv_cell_is_a_row_error(tmp_path, capsys, seeded):
    source = models.Source.objects.values_list("slug", flat=True).first()
    path = tmp_path / "citations.csv"
    path.write_text(f"slug,source,paragraph,sentence,quote_ru\nc-new,{source},{'9' * 5000},1,Q\n")

    with pytest.raises(CommandError, match="failed: 1"):
        run("import_records", "citation", str(path))

    assert "row 2, column “paragraph”: The number has more than" in capsys.readouterr().err


def test_a_file_larger_than_the_limit_is_refused_by_the_command_too(db, tmp_path, settings, capsys):
    settings.IMPORT_MAX_UPLOAD_BYTES = 10
    path = tmp_path / "people.csv"
    path.write_text("slug,name_ru\nivanov,Иванов\n", encoding="utf-8")

    with pytest.raises(CommandError):
        run("import_records", "person", str(path))

    assert "files of at most 10" in capsys.readouterr().err
    assert models.ImportLog.objects.latest("pk").status == models.ImportLog.Status.REJECTED


def test_too_many_rows_are_refused_before_anything_is_checked(db, tmp_path, settings, capsys):
    settings.IMPORT_MAX_ROWS = 3
    path = tmp_path / "people.csv"
    path.write_text("slug,name_ru\n" + "".join(f"p{n},Имя\n" for n in range(4)), encoding="utf-8")

    with pytest.raises(CommandError):
        run("import_records", "person", str(path))

    assert "more than 3 rows" in capsys.readouterr().err


KOI8_PEOPLE = "slug,name_ru,citations\nivanov,Иванов Иван Петрович,{citation}\n"


def test_koi8_r_is_refused_as_mojibake_unless_its_encoding_is_named(tmp_path, capsys, seeded):
    citation = models.Citation.objects.values_list("slug", flat=True).first()
    path = tmp_path / "people.csv"
    path.write_bytes(KOI8_PEOPLE.format(citation=citation).encode("koi8-r"))

    with pytest.raises(CommandError):
        run("import_records", "person", str(path))
    assert "name its encoding" in capsys.readouterr().err
    assert not models.Person.objects.filter(slug="ivanov").exists()

    run("import_records", "person", str(path), "--encoding", "koi8-r")
    assert models.Person.objects.get(slug="ivanov").name_ru == "Иванов Иван Петрович"


@pytest.mark.parametrize(
    "encoded",
    [
        lambda text: text.encode("utf-8"),
        lambda text: text.encode("utf-8-sig"),
        lambda text: text.encode("cp1251"),
    ],
    ids=["utf-8", "utf-8 with BOM", "windows-1251"],
)
def test_utf8_and_windows_1251_are_detected(tmp_path, seeded, encoded):
    citation = models.Citation.objects.values_list("slug", flat=True).first()
    path = tmp_path / "people.csv"
    path.write_bytes(encoded(KOI8_PEOPLE.format(citation=citation)))

    run("import_records", "person", str(path))

    assert models.Person.objects.get(slug="ivanov").name_ru == "Иванов Иван Петрович"


@pytest.mark.usefixtures("seeded", "background")
def test_the_command_queues_a_list_and_prints_its_job(
    tmp_path, editor, django_capture_on_commit_callbacks
):
    path = tmp_path / "list.csv"
    path.write_bytes(registry_list({**NOVIKOV, "date": "1960"}))
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "import_registry", str(path), "--background", "--user", editor.username, stdout=out
        )

    job = ImportJob.objects.get()
    assert f"{job.pk}: /admin/awards/importjob/{job.pk}/change/" in out.getvalue()
    assert (job.model_name, job.status, job.user) == (REGISTRY_LIST, "checked", editor)
    assert not Person.objects.filter(surname_ru="Новиков").exists()
    with pytest.raises(CommandError):
        call_command("import_registry", str(path), "--background")


class Terminal(io.StringIO):
    def isatty(self):
        return True


def run_import(tmp_path, out, *args):
    path = tmp_path / "people.csv"
    path.write_text("slug,name_ru,citations\nivanov,Иванов,c1\npetrov,Петров,c1\n")
    call_command("import_records", "person", str(path), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_command_draws_a_progress_bar_on_a_terminal(no_records, tmp_path, make_citation):
    make_citation(slug="c1")

    # The summary as an editor reads it, the bar as the command draws it in any language.
    with translation.override("ru"):
        shown = run_import(tmp_path, Terminal(), "--dry-run")

    bar, summary = shown.rstrip("\n").rsplit("\n", 1)
    assert bar.startswith("\r[")
    assert "[##############################] done" in bar
    assert "rows 2/2" in bar
    assert "новых: 2" in summary


def test_the_command_prints_only_the_summary_into_a_pipe(no_records, tmp_path, make_citation):
    make_citation(slug="c1")

    printed = run_import(tmp_path, io.StringIO(), "--dry-run")

    assert "\r" not in printed
    assert "[" not in printed
    assert len(printed.strip().splitlines()) == 1


@pytest.mark.usefixtures("seeded")
def test_the_command_fails_on_a_refused_list(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(registry_csv({**STAKHANOV, "date": "1992-01-01"}))
    with pytest.raises(CommandError):
        call_command("import_registry", str(path))
