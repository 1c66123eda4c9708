"""XLSX workbooks read as a stream under limits (awards.exchange.workbooks): the hostile
workbooks of issue 17 refused while they are read, through every door an editor has (the
admin's preview, the registry list, the import_records command), with a message naming the
limit, a log row, nothing written and little memory; and the workbooks editors really send
read as openpyxl reads them."""

import datetime
import io
import random

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from awards import models
from awards.exchange.kinds.records import RecordKind
from awards.exchange.kinds.registry_list import RegistryListKind
from awards.exchange.limits import Limits, is_filled
from awards.exchange.pipeline.run import import_file
from awards.exchange.resources import PersonResource
from awards.exchange.workbooks import read_rows
from awards.exchange.writing import write_xlsx
from bench.hostile_files import (
    MAIN,
    SHEET_END,
    SHEET_START,
    Repeated,
    workbook,
)
from tests.support.hostile_files import (
    BOMBS,
    MB,
    bomb,
    rejected_log,
    traced,
)

XLSX = "2"
IMPORT_URL = "/admin/awards/person/import/"
IMPORT_LIST_URL = "/admin/awards/conferment/import-list/"


def sheet_of(*rows: str) -> bytes:
    """A sheet whose first rows are a header and a person, then ``rows`` (XML)."""
    return SHEET_START + "".join(rows).encode() + SHEET_END


# The bombs of issue 17, at their real size, through each door -------------------------


@pytest.mark.parametrize(("name", "message"), BOMBS, ids=[name for name, _ in BOMBS])
def test_a_bomb_is_refused_by_the_admin_preview_with_little_memory(editor_client, name, message):
    people = models.Person.objects.count()
    upload = SimpleUploadedFile(f"{name}.xlsx", bomb(name))

    response, peak = traced(
        lambda: editor_client.post(
            IMPORT_URL, {"resource": "0", "format": XLSX, "import_file": upload}
        )
    )

    assert response.status_code == 200
    assert message in response.text
    assert message in rejected_log().errors
    assert models.Person.objects.count() == people
    # openpyxl took 2.1 GB for the whitespace and 4 GB for the long string.
    assert peak < 30 * MB


@pytest.mark.parametrize(("name", "message"), BOMBS, ids=[name for name, _ in BOMBS])
def test_a_bomb_is_refused_as_a_registry_list_with_little_memory(
    seeded, background, editor_client, django_capture_on_commit_callbacks, name, message
):
    conferments = models.Conferment.objects.count()
    upload = SimpleUploadedFile("list.xlsx", bomb(name))

    def upload_and_check():
        with django_capture_on_commit_callbacks(execute=True):
            return editor_client.post(IMPORT_LIST_URL, {"file": upload})

    response, peak = traced(upload_and_check)

    assert response.status_code == 302
    page = editor_client.get(response["Location"])
    assert "отклонено, ничего не изменено" in page.text
    assert message in page.text
    [error] = models.ImportJob.objects.get().errors
    assert error["row"] is None and message in error["message"]
    assert message in rejected_log().errors
    assert models.Conferment.objects.count() == conferments
    assert peak < 30 * MB


@pytest.mark.parametrize(("name", "message"), BOMBS, ids=[name for name, _ in BOMBS])
def test_a_bomb_is_refused_by_the_import_command(db, tmp_path, capsys, name, message):
    path = tmp_path / f"{name}.xlsx"
    path.write_bytes(bomb(name))
    people = models.Person.objects.count()

    with pytest.raises(CommandError):
        call_command("import_records", "person", str(path))

    assert message in capsys.readouterr().err
    assert rejected_log().origin == models.ImportLog.Origin.COMMAND
    assert models.Person.objects.count() == people


# What refuses a bomb that compresses no better than a spreadsheet ------------------------


@pytest.fixture
def any_ratio(settings):
    """No ratio refuses a workbook: the limit behind it shows."""
    settings.IMPORT_MAX_INFLATE_RATIO = 10**9


def test_a_row_of_a_million_cells_is_refused_at_its_first_cell_past_the_last_column(db, any_ratio):
    report, peak = traced(
        lambda: import_file(
            kind=RecordKind(PersonResource()), data=bomb("wide row"), file_name="w.xlsx"
        )
    )

    [error] = report.errors
    assert error.message == "В файле больше 200 столбцов (строка 3, столбец GS)."
    assert peak < 5 * MB


def test_a_shared_string_of_200_million_characters_is_refused_at_the_cell_limit(db, any_ratio):
    report, peak = traced(
        lambda: import_file(kind=RegistryListKind(), data=bomb("long string"), file_name="l.xlsx")
    )

    [error] = report.errors
    assert error.message == "В файле есть текст длиннее 1000000 символов."
    assert rejected_log().errors.endswith(error.message)
    assert peak < 30 * MB


def test_more_shared_strings_than_cells_allowed_are_refused_at_the_first_past_them(
    db, any_ratio, settings
):
    settings.IMPORT_MAX_CELLS = 1000

    report = import_file(kind=RegistryListKind(), data=bomb("shared strings"), file_name="s.xlsx")

    [error] = report.errors
    assert error.message == ("В книге больше 1000 общих строк — больше предела числа ячеек.")


def test_a_tag_that_never_ends_is_refused_before_it_fills_the_memory(db, any_ratio, settings):
    settings.IMPORT_MAX_CELL_CHARS = 1000
    data = workbook(sheet=Repeated(SHEET_START + b"<row ", b" ", 50 * MB, b"/>" + SHEET_END))

    report, peak = traced(
        lambda: import_file(kind=RecordKind(PersonResource()), data=data, file_name="t.xlsx")
    )

    assert report.errors[0].message == "В файле есть текст длиннее 1000 символов."
    assert peak < 5 * MB


def test_a_workbook_unpacking_to_more_than_the_limit_is_refused(db, settings):
    settings.IMPORT_MAX_UNPACKED_BYTES = 100 * 1024
    rows = "".join(
        f'<row><c t="inlineStr"><is><t>p{number}</t></is></c></row>' for number in range(5000)
    )
    data = workbook(sheet=sheet_of(rows))

    report = import_file(kind=RecordKind(PersonResource()), data=data, file_name="big.xlsx")

    assert report.errors[0].message.startswith("Книга при распаковке занимает больше 100,0")


def test_more_cells_than_the_limit_are_refused_at_the_cell_past_it(db, settings):
    settings.IMPORT_MAX_CELLS = 10
    sheet = Workbook()
    for number in range(5):
        sheet.active.append([f"p{number}", "Имя", "c1"])
    content = io.BytesIO()
    sheet.save(content)

    report = import_file(
        kind=RecordKind(PersonResource()), data=content.getvalue(), file_name="c.xlsx"
    )

    assert report.errors[0].message == (
        "В файле больше 10 ячеек (строка 4, столбец B); разделите его на файлы поменьше."
    )


def test_a_cell_longer_than_the_limit_is_refused_with_its_row_and_column(db, settings):
    settings.IMPORT_MAX_CELL_CHARS = 1000
    data = workbook(
        sheet=sheet_of(f'<row><c/><c t="inlineStr"><is><t>{"ж" * 1001}</t></is></c></row>')
    )

    report = import_file(kind=RecordKind(PersonResource()), data=data, file_name="long.xlsx")

    assert report.errors[0].message == "Ячейка (строка 3, столбец B) длиннее 1000 символов."


def test_the_runs_of_a_text_count_together_against_the_cell_limit(db, settings):
    settings.IMPORT_MAX_CELL_CHARS = 1000
    runs = "".join(f"<r><t>{'ж' * 300}</t></r>" for _ in range(4))
    inline = workbook(sheet=sheet_of(f'<row><c t="inlineStr"><is>{runs}</is></c></row>'))
    shared = workbook(
        sheet=sheet_of('<row><c t="s"><v>0</v></c></row>'),
        strings=f'<sst xmlns="{MAIN}"><si>{runs}</si></sst>'.encode(),
    )

    in_cell = import_file(kind=RecordKind(PersonResource()), data=inline, file_name="i.xlsx")
    in_table = import_file(kind=RecordKind(PersonResource()), data=shared, file_name="s.xlsx")

    assert in_cell.errors[0].message == "Ячейка (строка 3, столбец A) длиннее 1000 символов."
    assert in_table.errors[0].message == "В файле есть текст длиннее 1000 символов."


def test_a_filled_row_numbered_past_the_row_limit_is_refused_without_the_rows_before(db, settings):
    settings.IMPORT_MAX_ROWS = 10
    data = workbook(sheet=sheet_of('<row r="100000000"><c><v>1</v></c></row>'))

    report, peak = traced(
        lambda: import_file(kind=RecordKind(PersonResource()), data=data, file_name="far.xlsx")
    )

    assert report.errors[0].message == "В файле больше 10 строк; разделите его на файлы поменьше."
    assert peak < 5 * MB


def test_a_source_text_of_300000_characters_is_read_whole_from_a_workbook():
    # Words in no order, so that the text packs as a text does (a repeated word would
    # pack over a hundred times, as bombs do).
    words = random.Random(1).choices(["труд", "слава", "герой", "завод", "поле", "хлеб"], k=60_000)
    text = " ".join(words)[:300_000]
    data = workbook(sheet=sheet_of(f'<row><c/><c t="inlineStr"><is><t>{text}</t></is></c></row>'))

    assert read_rows(data, limits=Limits.from_settings())[2] == [None, text]


# Workbooks as editors send them, read as openpyxl reads them --------------------------------


def openpyxl_rows(data: bytes) -> list[list]:
    """The first sheet as openpyxl reads it (read-only, data only): each row up to its last
    value, a row of nothing filled as an empty one, no empty rows at the end."""
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    rows = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    return normalised(rows)


def normalised(rows) -> list[list]:
    rows = [list(row) if any(is_filled(cell) for cell in row) else [] for row in rows]
    for row in rows:
        while row and row[-1] is None:
            row.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def typed_by_hand() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["slug", "born_on", "count", "share", "published", "note"])
    sheet.append(["a", datetime.date(1927, 7, 27), 3, 4.0, True, "текст"])
    sheet.append(["b", datetime.datetime(1960, 5, 1, 10, 30), -5, 1e20, False, "  "])
    sheet.append(["c", datetime.time(12, 15), 0, 0.1, None, "=ЕСЛИ(1)"])
    sheet["A7"] = "sparse"
    sheet["Z7"] = 7
    sheet["B8"] = datetime.timedelta(hours=30)
    sheet["B8"].number_format = "[h]:mm:ss"
    sheet["C9"] = 44000
    sheet["C9"].number_format = "dd.mm.yyyy"
    sheet["D9"] = 44000
    sheet["D9"].number_format = '0.00" р."'
    sheet["A10"] = CellRichText(["простой ", TextBlock(InlineFont(b=True), "жирный"), " конец"])
    content = io.BytesIO()
    book.save(content)
    return content.getvalue()


def as_libreoffice_writes_it(*, date1904: bool = False) -> bytes:
    """Cells without references, shared strings in rich-text and phonetic runs, cached
    values of formulas, a custom date format and sparse rows."""
    strings = (
        '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        '2006/main"><si><t>slug</t></si><si><r><rPr><b/></rPr><t>Ива</t></r><r>'
        '<t xml:space="preserve">нов </t></r><rPh sb="0" eb="1"><t>ФОН</t></rPh></si>'
        "<si><t/></si><si><t>a&amp;b&#13;&#10;c</t></si></sst>"
    ).encode()
    styles = (
        b'<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" '
        b'formatCode="DD.MM.YYYY"/><numFmt numFmtId="165" formatCode="0.000"/></numFmts>'
        b'<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="5">'
        b'<xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/>'
        b'<xf numFmtId="46"/></cellXfs></styleSheet>'
    )
    sheet = (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData>'
        b'<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c>'
        b'<c t="s"><v>3</v></c></row>'
        b'<row><c s="1"><v>21000</v></c><c s="2"><v>3.25</v></c><c s="3"><v>0.5</v></c>'
        b'<c t="b"><v>1</v></c><c t="str"><f>A1</f><v>cached</v></c>'
        b'<c t="e"><f>1/0</f><v>#DIV/0!</v></c><c><f>1+1</f><v>2</v></c>'
        b'<c s="4"><v>1.25</v></c></row>'
        b'<row r="5"><c r="C5" t="inlineStr"><is><t>inline</t></is></c><c r="E5"><v>1E3</v>'
        b'</c><c r="F5" t="d"><v>2020-01-02T03:04:05</v></c></row>'
        b'<row r="7"><c r="B7" s="1"><v>-1</v></c><c r="D7"/><c r="G7" s="2"/></row>'
        b'<row r="8"><c r="A8" t="inlineStr"><is><r><t>run1</t></r><r><t>run2</t></r></is>'
        b"</c></row></sheetData></worksheet>"
    )
    return workbook(sheet=sheet, strings=strings, styles=styles, date1904=date1904)


def written_only() -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["slug", "date", "share"])
    for number in range(50):
        sheet.append([f"s{number}", datetime.date(1950, 1, 1) + datetime.timedelta(number), 1.5])
    content = io.BytesIO()
    book.save(content)
    return content.getvalue()


@pytest.mark.parametrize(
    "make",
    [
        typed_by_hand,
        written_only,
        lambda: b"".join(write_xlsx(["slug", "n"], [["a", 1], ["=b", 2.5], ["c", True]])),
        as_libreoffice_writes_it,
        lambda: as_libreoffice_writes_it(date1904=True),
    ],
    ids=["typed by hand", "openpyxl write-only", "our export", "libreoffice", "1904 calendar"],
)
def test_a_workbook_reads_as_openpyxl_reads_it(make):
    data = make()

    assert normalised(read_rows(data, limits=Limits())) == openpyxl_rows(data)


def test_the_values_of_a_workbook_are_typed_as_the_widgets_expect():
    rows = read_rows(as_libreoffice_writes_it(), limits=Limits())

    assert rows[0] == ["slug", "Иванов ", "", "a&b\r\nc"]
    assert rows[1][:5] == [datetime.datetime(1957, 6, 29), 3.25, datetime.time(12), True, "cached"]
    assert rows[1][5:] == ["#DIV/0!", 2, datetime.timedelta(days=1, hours=6)]
    assert rows[4] == [None, None, "inline", None, 1000.0, datetime.datetime(2020, 1, 2, 3, 4, 5)]
