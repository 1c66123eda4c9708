"""Bytes to cells (awards.exchange.files): files as the editor's program wrote them — encodings,
delimiters, CSV and JSON within their limits — and refused whole when they cannot be read."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from awards import models
from awards.exchange.files import (
    ImportFileError,
    decode_text,
    escape_formula,
    estimate_rows,
    read_table,
    sniff_delimiter,
    unescape_formula,
)
from awards.exchange.kinds.records import RecordKind
from awards.exchange.pipeline.run import import_file
from awards.exchange.resources import PersonResource
from tests.support.hostile_files import BOMBS, MB, bomb, rejected_log, traced
from tests.support.record_files import csv_file, export_bytes, import_bytes


@pytest.mark.parametrize(
    ("data", "file_format"),
    [
        (b"", "csv"),
        (b"  \r\n", "csv"),
        (b"slug,name_ru\r\n", "csv"),
        (b"\x00\x01\x02\xff\xfe\x00garbage\x9c\x81", "csv"),
        (b"not a workbook", "xlsx"),
        (b"{not json", "json"),
        (b'{"slug": "a"}', "json"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_with_a_message(data, file_format):
    with pytest.raises(ImportFileError) as refused:
        read_table(data, file_format=file_format)

    assert refused.value.message


def test_an_oversized_file_is_refused(settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 10

    with pytest.raises(ImportFileError):
        read_table(b"slug,name_ru\nhero,Hero\n", file_format="csv")


# Files as editors have them -------------------------------------------------------------


def test_windows_1251_with_semicolons_from_russian_excel(make_citation):
    make_citation(slug="c1")
    data = "slug;name_ru;published;citations\r\nivanov;Иванов Иван «Ударник»;ИСТИНА;c1\r\n"

    report = import_bytes("person", data.encode("cp1251"))

    assert report.ok, report.errors
    person = models.Person.objects.get(slug="ivanov")
    assert person.name_ru == "Иванов Иван «Ударник»"
    assert person.published is True


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_utf8_with_or_without_bom(make_citation, bom):
    make_citation(slug="c1")

    report = import_bytes("person", bom + csv_file("slug,name_ru,citations", "petrov,Петров,c1"))

    assert report.ok, report.errors
    assert models.Person.objects.get(slug="petrov").name_ru == "Петров"


def test_json_with_lists_and_native_values(make_citation):
    make_citation(slug="c1")
    data = json.dumps(
        [{"slug": "ivanov", "name_ru": "Иванов", "published": True, "citations": ["c1"]}]
    )

    report = import_bytes("person", data.encode(), "json")

    assert report.ok, report.errors
    assert models.Person.objects.get(slug="ivanov").published is True


def test_escaped_formulas_come_back_as_they_were(make_person):
    person = make_person(slug="p", name_ru="=1+1", name_en="'-quoted")
    data = export_bytes("person")
    models.Person.objects.filter(pk=person.pk).update(name_ru="changed", name_en="")

    assert import_bytes("person", data).updated == 1

    person.refresh_from_db()
    assert (person.name_ru, person.name_en) == ("=1+1", "'-quoted")


@pytest.mark.parametrize(
    "text", ["=1+1", "+7", "-5", "@SUM(A1)", "'=x", "''-y", "'plain", "plain", "", "a=b"]
)
def test_formula_escaping_is_undone_exactly(text):
    escaped = escape_formula(text)

    assert unescape_formula(escaped) == text
    assert escaped[:1] not in ("=", "+", "-", "@")


def test_encodings_are_detected():
    text = "slug;name_ru\nivanov;Иванов"

    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode_text(text.encode("cp1251")) == text
    assert decode_text(text.encode("utf-16")) == text
    with pytest.raises(ImportFileError):
        decode_text(bytes(range(256)))


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [("slug,name_ru", ","), ("slug;name_ru", ";"), ("slug\tname_ru", "\t"), ("slug", ",")],
)
def test_delimiter_is_sniffed_from_the_header(header, delimiter):
    assert sniff_delimiter(header + "\nx,y;z") == delimiter


@pytest.mark.parametrize(
    "text", ["\t=1+1", "\r=HYPERLINK()", "\n=cmd", "＝1+1", "＋7", "\t", "'\t=x"]
)
def test_the_formula_guard_covers_tabs_line_breaks_and_full_width_signs(text):
    assert escape_formula(text).startswith("'")
    assert unescape_formula(escape_formula(text)) == text


# CSV and JSON cells, under the same limits ----------------------------------------------


def test_a_csv_cell_longer_than_the_limit_is_refused_with_its_row_and_column(
    db, tmp_path, capsys, settings
):
    settings.IMPORT_MAX_CELL_CHARS = 100
    path = tmp_path / "people.csv"
    path.write_text(f"slug,name_ru\nivanov,Иванов\npetrov,{'П' * 101}\n", encoding="utf-8")

    with pytest.raises(CommandError):
        call_command("import_records", "person", str(path))

    assert "Ячейка (строка 3, столбец B) длиннее 100 символов." in capsys.readouterr().err
    rejected_log()
    assert not models.Person.objects.filter(slug__in=["ivanov", "petrov"]).exists()


def test_a_csv_cell_past_the_last_column_is_refused_but_empty_ones_are_not(db):
    empty_beyond = "slug,name_ru" + "," * 250 + "\nivanov,Иванов" + "," * 250 + "\n"
    filled_beyond = "slug,name_ru\nivanov,Иванов" + "," * 199 + "x\n"

    kept = import_file(
        kind=RecordKind(PersonResource()), data=empty_beyond.encode(), file_name="a.csv"
    )
    refused = import_file(
        kind=RecordKind(PersonResource()), data=filled_beyond.encode(), file_name="b.csv"
    )

    assert "столбцов" not in " ".join(error.message for error in kept.errors)
    assert refused.errors[0].message == "В файле больше 200 столбцов (строка 2, столбец GS)."


def test_a_csv_file_of_more_cells_than_the_limit_is_refused(db, settings):
    settings.IMPORT_MAX_CELLS = 5
    data = "slug,name_ru\nivanov,Иванов\npetrov,Петров\n".encode()

    report = import_file(kind=RecordKind(PersonResource()), data=data, file_name="people.csv")

    assert report.errors[0].message == (
        "В файле больше 5 ячеек (строка 3, столбец B); разделите его на файлы поменьше."
    )


def test_a_json_record_holding_a_key_twice_is_refused_naming_the_key_and_the_record(
    db, tmp_path, capsys
):
    path = tmp_path / "people.json"
    path.write_text(
        '[{"slug": "ivanov", "name_ru": "Иванов"},\n'
        ' {"slug": "petrov", "name_ru": "Петров", "name_ru": "Сидоров"}]',
        encoding="utf-8",
    )

    with pytest.raises(CommandError):
        call_command("import_records", "person", str(path))

    message = "В записи 2 ключ «name_ru» встречается больше одного раза."
    assert message in capsys.readouterr().err
    assert message in rejected_log().errors
    assert not models.Person.objects.filter(slug__in=["ivanov", "petrov"]).exists()


def test_a_json_text_longer_than_the_limit_is_refused_naming_its_record_and_key(db, settings):
    settings.IMPORT_MAX_CELL_CHARS = 100
    data = json.dumps([{"slug": "a", "citations": ["c1"]}, {"slug": "b", "citations": ["c" * 101]}])

    report = import_file(kind=RecordKind(PersonResource()), data=data.encode(), file_name="p.json")

    assert report.errors[0].message == "Ячейка (запись 2, ключ «citations») длиннее 100 символов."


def test_json_records_of_more_cells_than_the_limit_are_refused(db, settings):
    settings.IMPORT_MAX_CELLS = 5
    data = json.dumps([{"slug": "a"}, {"name_ru": "Б"}, {"name_en": "C"}])

    report = import_file(kind=RecordKind(PersonResource()), data=data.encode(), file_name="p.json")

    assert report.errors[0].message == "В файле больше 5 ячеек; разделите его на файлы поменьше."


def test_the_row_estimate_of_an_upload_answers_for_a_bomb_without_unpacking_it():
    bombs = [bomb(name) for name, _ in BOMBS]

    counted, peak = traced(
        lambda: [estimate_rows(data, file_format="xlsx", up_to=2000) for data in bombs]
    )

    # Refused (counted as small: reading it tells why) or counted from a sheet of two rows.
    assert counted == [0, 2, 0, 2, 2]
    assert peak < 5 * MB


def _csv_of(rows: int) -> bytes:
    lines = ["slug,name_ru,name_en,description_ru,titles"]
    lines += [
        f"event-{n},Событие {n},Event {n},Описание события {n},title-{n % 20}" for n in range(rows)
    ]
    return csv_file(*lines)


def _read_and_iterate(data: bytes) -> int:
    table = read_table(data, file_format="csv")
    return sum(1 for _cells in table.rows)


def test_a_csv_file_is_read_without_holding_every_rows_cells():
    """A CSV table keeps the file's text and where each row ends; a row's cells are parsed
    when it is read (awards.exchange.files.CsvRows). Reading four times the rows takes
    about the extra text, not a list of every row's cells (which took ten times the text)."""
    small, large = _csv_of(2_000), _csv_of(8_000)
    small_rows, small_peak = traced(lambda: _read_and_iterate(small))
    large_rows, large_peak = traced(lambda: _read_and_iterate(large))
    assert (small_rows, large_rows) == (2_000, 8_000)
    # Decoding takes about three times the file's bytes (the text, two bytes a character,
    # and the decoder's copy as it widens); every row's cells held took seven and a half.
    assert large_peak - small_peak < 4 * (len(large) - len(small))


def test_a_csv_tables_rows_read_by_index_as_in_order():
    data = csv_file("slug,,name_ru,", '"a\nb",,"=1",', "", "c,,Це,", ",,,")
    table = read_table(data, file_format="csv")
    assert table.headers == ["slug", "name_ru"]
    assert list(table.rows) == [["a\nb", "=1"], [None, None], ["c", "Це"]]
    assert [table.rows[index] for index in range(len(table.rows))] == list(table.rows)
    assert table.rows[-1] == ["c", "Це"]
