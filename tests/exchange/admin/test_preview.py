"""What the admin shows of an import (awards.exchange.admin.preview): the rows an import would
change, and each error beside the row's cells, numbered as the editor's program numbers them."""

import csv
import io
import json

import pytest

from awards import models
from tests.support.admin_imports import upload
from tests.support.import_tables import shown_rows, unchanged_summary
from tests.support.record_files import edited_export, export_bytes

TITLES_URL = "/admin/awards/title/import/"


def error_row(page: str, number: int):
    return next(
        row for row in shown_rows(page, "import-errors") if row.heading == f"Строка {number}"
    )


def test_an_error_stands_beside_the_row_s_values_numbered_as_in_the_spreadsheet(
    no_records, editor_client, make_citation
):
    make_citation(slug="c1")
    content = "slug,name_ru,citations\nivanov,Иванов,c1\npetrov,Петров,c1\nsidorov,Сидоров,nope\n"

    page = upload(editor_client, content.encode()).text

    # The third record is the spreadsheet's fourth row: the header is row 1.
    row = error_row(page, 4)
    assert (row.slug, row.name) == ("sidorov", "Сидоров")
    # Only the failing cell, its value beside its message.
    assert row.cells == {"citations": ["nope", "Нет записи «цитата» со слагом «nope»."]}
    assert "заголовок — строка 1, первая запись — строка 2" in page
    assert not models.Person.objects.exists()


def test_json_records_are_numbered_from_one_and_the_page_says_so(
    no_records, editor_client, make_citation
):
    make_citation(slug="c1")
    records = [
        {"slug": "ivanov", "name_ru": "Иванов", "citations": ["c1"]},
        {"slug": "petrov", "name_ru": "Петров", "citations": ["nope"]},
    ]

    page = upload(
        editor_client, json.dumps(records).encode(), name="people.json", file_format="3"
    ).text

    assert error_row(page, 2).cells["citations"][0] == "nope"
    assert "Записи пронумерованы с 1 в порядке файла" in page


def test_a_preview_shows_what_an_update_changes(no_records, editor_client, make_person, citation):
    # A draft: an editor's import may change drafts only (awards.records.roles).
    make_person(slug="ivanov", name_ru="Иванов", citations=[citation], published=False)

    preview = upload(editor_client, "slug,name_ru,citations\nivanov,Иванов И. И.,c1\n".encode())

    (row,) = shown_rows(preview.text, "import-changes")
    assert (row.heading, row.slug, row.action) == ("Строка 2", "ivanov", "будет изменена")
    assert row.cells == {"name_ru": ["Иванов", "Иванов И. И."]}
    assert row.marked == {"name_ru": ([], ["И. И."])}
    assert models.Person.objects.get().name_ru == "Иванов"


def test_bad_rows_are_listed_by_row_and_column_without_a_confirm_button(
    no_records, editor_client, citation
):
    content = "slug,name_ru,citations\nivanov,Иванов,c1\npetrov,Петров,nope\n".encode()

    response = upload(editor_client, content)

    assert response.status_code == 200
    assert "confirm_form" not in response.context
    invalid = response.context["result"].invalid_rows
    assert [row.number for row in invalid] == [3]
    assert list(invalid[0].field_specific_errors) == ["citations"]
    assert "nope" in response.text
    assert not models.Person.objects.exists()
    assert models.ImportLog.objects.get().status == "rejected"


def test_a_file_with_unknown_columns_lists_them_on_the_header_row(no_records, editor_client):
    response = upload(editor_client, b"slug,colour\nx,red\n")

    invalid = response.context["result"].invalid_rows
    assert [row.number for row in invalid] == [1]
    assert "colour" in response.text
    assert not models.Person.objects.exists()


def test_a_title_file_with_one_word_changed_shows_that_cell_alone_the_word_marked(
    seeded, chief_editor_client
):
    content = edited_export(
        "title", slug="hero-of-labour", column="description_ru", old="учреждённое", new="введённое"
    )

    # The spreadsheet's row of each title: the header is row 1.
    rows = {
        cells[0]: number
        for number, cells in enumerate(csv.reader(io.StringIO(content.decode())), 1)
    }

    page = upload(chief_editor_client, content, name="titles.csv", url=TITLES_URL).text

    (row,) = shown_rows(page, "import-changes")
    assert (row.heading, row.slug, row.name) == (
        f"Строка {rows['hero-of-labour']}",
        "hero-of-labour",
        "Герой Труда",
    )
    assert row.action == "будет изменена"
    # Only the changed cell: none of the title's other 15 columns.
    assert list(row.cells) == ["description_ru"]
    assert row.marked["description_ru"] == (["учреждённое"], ["введённое"])
    was, becomes = row.cells["description_ru"]
    assert was.startswith("Звание, учреждённое в 1927 году")
    assert becomes.startswith("Звание, введённое в 1927 году")
    summary, unchanged = unchanged_summary(page)
    assert summary == "Без изменений: 2 строки"
    assert sorted(unchanged) == sorted(
        f"Строка {rows[slug]} {slug} {name}"
        for slug, name in [
            ("hero-of-the-soviet-union", "Герой Советского Союза"),
            ("hero-of-socialist-labour", "Герой Социалистического Труда"),
        ]
    )


def test_a_new_record_shows_its_filled_cells_only(no_records, editor_client, citation):
    content = "slug,name_ru,name_en,description_ru,citations\nivanov,Иванов,,Токарь,c1\n"

    (row,) = shown_rows(upload(editor_client, content.encode()).text, "import-changes")

    assert (row.slug, row.name, row.action) == ("ivanov", "Иванов", "новая запись")
    assert row.cells == {"name_ru": ["Иванов"], "description_ru": ["Токарь"], "citations": ["c1"]}


def test_a_list_of_citations_marks_the_slug_added_alone(
    no_records, editor_client, make_person, make_citation
):
    first, second = make_citation(slug="c1"), make_citation(slug="c2")
    make_person(slug="ivanov", name_ru="Иванов", citations=[first], published=False)

    content = 'slug,name_ru,citations\nivanov,Иванов,"c1, c2"\n'

    page = upload(editor_client, content.encode()).text

    (row,) = shown_rows(page, "import-changes")
    assert row.name == "Иванов"
    assert row.marked == {"citations": ([], [second.slug])}


def test_an_error_of_the_whole_file_is_shown_as_the_file_s(no_records, editor_client):
    page = upload(editor_client, b"slug,colour\nx,red\n").text

    (row,) = shown_rows(page, "import-errors")
    assert row.heading == "Строка 1"
    assert "colour" in " ".join(row.messages + [" ".join(cells) for cells in row.cells.values()])


# Each kind of record (the registry's conferments ship empty) and a text column of it.
EDITED_COLUMNS = {
    "source": "name_en",
    "citation": "quote_en",
    "authority": "name_en",
    "person": "name_en",
    "decree": "name_en",
    "title": "name_en",
    "medal": "name_en",
    "event": "name_en",
    "provision": "value_en",
}


@pytest.mark.parametrize("model_name", EDITED_COLUMNS)
def test_every_kind_s_preview_shows_the_one_changed_cell_and_counts_the_rest(
    seeded, chief_editor_client, model_name
):
    column = EDITED_COLUMNS[model_name]
    header, *rows = csv.reader(io.StringIO(export_bytes(model_name).decode("utf-8-sig")))
    slug, old = next(
        (row[0], row[header.index(column)]) for row in rows if row[header.index(column)]
    )
    content = edited_export(model_name, slug=slug, column=column, old=old, new=f"{old} edited")

    page = upload(
        chief_editor_client, content, name="file.csv", url=f"/admin/awards/{model_name}/import/"
    ).text

    (row,) = shown_rows(page, "import-changes")
    assert row.slug == slug and row.action == "будет изменена"
    assert row.cells == {column: [old, f"{old} edited"]}
    assert row.marked == {column: ([], ["edited"])}
    if len(rows) > 1:
        assert unchanged_summary(page)[0].startswith(f"Без изменений: {len(rows) - 1} строк")
