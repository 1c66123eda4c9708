"""Import errors an editor can act on; exports and logs in the editor's terms; the CLI bar."""

import io
import json
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from awards import models

IMPORT_URL = "/admin/awards/person/import/"


def upload(client, content: bytes, *, name="people.csv", file_format="0"):
    return client.post(
        IMPORT_URL,
        {"resource": "0", "format": file_format, "import_file": SimpleUploadedFile(name, content)},
    )


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


def test_a_refused_file_can_be_checked_again_after_the_records_it_names_are_fixed(
    no_records, editor_client, make_citation
):
    refused = upload(editor_client, "slug,name_ru,citations\nivanov,Иванов,c9\n".encode())
    assert "Проверить тот же файл ещё раз" in refused.text
    make_citation(slug="c9")

    again = editor_client.post(IMPORT_URL, {"stored_file": refused.context["stored_file"]})

    assert again.context["confirm_form"] is not None
    assert again.context["confirm_form"].initial["original_file_name"] == "people.csv"
    assert "Иванов" in again.text


def test_a_tampered_stored_file_is_not_read(no_records, editor_client):
    response = editor_client.post(IMPORT_URL, {"stored_file": "../../etc/passwd"}, follow=True)

    assert "Сохранённого файла больше нет" in response.text


def test_the_export_form_offers_csv_first_and_chosen(editor_client):
    page = editor_client.get("/admin/awards/person/export/").text

    select = re.search(r'<select name="format".*?</select>', page, re.S).group(0)
    assert "---" not in select
    assert re.search(r'<option value="0" selected>csv</option>', select)


def test_the_import_log_names_the_kind_of_record_in_russian(no_records, editor_client):
    models.ImportLog.objects.create(
        model_name="title",
        file_name="titles.csv",
        file_format="csv",
        origin="admin",
        status="imported",
    )

    page = editor_client.get("/admin/awards/importlog/").text

    rows = re.search(r"<tbody>(.*)</tbody>", page, re.S).group(1)
    assert "звание" in rows
    assert ">title<" not in rows
    assert "звание" in editor_client.get("/admin/awards/importlog/?model_name=title").text


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
