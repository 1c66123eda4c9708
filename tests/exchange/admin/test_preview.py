"""What the admin shows of an import (awards.exchange.admin.preview): the rows an import would
change, and each error beside the row's cells, numbered as the editor's program numbers them."""

import json
import re

from awards import models
from tests.support.admin_imports import upload


def error_row(page: str, number: int) -> str:
    return re.search(rf'<th scope="row">{number}</th>(.*?)</tr>', page, re.S).group(1)


def test_an_error_stands_beside_the_row_s_values_numbered_as_in_the_spreadsheet(
    no_records, editor_client, make_citation
):
    make_citation(slug="c1")
    content = "slug,name_ru,citations\nivanov,Иванов,c1\npetrov,Петров,c1\nsidorov,Сидоров,nope\n"

    page = upload(editor_client, content.encode()).text

    # The third record is the spreadsheet's fourth row: the header is row 1.
    row = error_row(page, 4)
    assert "sidorov" in row and "Сидоров" in row
    failing = re.search(r'class="import-error-cell">(.*?)</td>', row, re.S).group(1)
    assert "nope" in failing
    assert "Нет записи «цитата» со слагом «nope»" in failing
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

    assert "nope" in error_row(page, 2)
    assert "Записи пронумерованы с 1 в порядке файла" in page


def test_a_preview_shows_what_an_update_changes(no_records, editor_client, make_person, citation):
    # A draft: an editor's import may change drafts only (awards.records.roles).
    make_person(slug="ivanov", name_ru="Иванов", citations=[citation], published=False)

    preview = upload(editor_client, "slug,name_ru,citations\nivanov,Иванов И. И.,c1\n".encode())

    assert "<del>Иванов</del> <ins>Иванов И. И.</ins>" in preview.text
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
