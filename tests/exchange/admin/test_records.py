"""Import and export on every record's list in the admin (awards.exchange.admin.records):
preview, confirmation, clear errors, no 500."""

import re

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile

from awards import models
from tests.support.admin_imports import CONFIRM_URL, CSV, IMPORT_URL, JSON, upload
from tests.support.admin_pages import page_text


def test_the_import_page_lists_the_columns(editor_client):
    response = editor_client.get(IMPORT_URL)

    assert response.status_code == 200
    assert "name_ru" in response.text
    assert "citations" in response.text
    assert "1927-07-27" in response.text


def test_an_import_is_previewed_then_confirmed(no_records, editor_client, editor, citation):
    content = "slug,name_ru,name_en,citations\nivanov,Иванов,Ivanov,c1\n".encode()

    preview = upload(editor_client, content)

    assert preview.status_code == 200
    assert "Иванов" in preview.text
    assert not models.Person.objects.exists()
    confirm = preview.context["confirm_form"]
    assert confirm is not None

    done = editor_client.post(CONFIRM_URL, {**confirm.initial, "confirm": "1"})

    assert done.status_code == 302
    person = models.Person.objects.get(slug="ivanov")
    assert person.history.get().history_user == editor
    log = models.ImportLog.objects.get()
    assert (log.origin, log.user, log.file_name, log.new_count) == (
        "admin",
        editor,
        "people.csv",
        1,
    )
    assert LogEntry.objects.get(object_id=str(person.pk)).action_flag == ADDITION


def test_a_second_confirmation_of_the_same_preview_imports_nothing_again(
    no_records, editor_client, citation
):
    preview = upload(editor_client, "slug,name_ru,citations\nivanov,Иванов,c1\n".encode())
    confirmation = {**preview.context["confirm_form"].initial, "confirm": "1"}
    assert editor_client.post(CONFIRM_URL, confirmation).status_code == 302

    again = editor_client.post(CONFIRM_URL, confirmation, follow=True)

    assert again.status_code == 200
    assert "уже подтверждён" in again.text
    assert models.Person.objects.count() == 1
    assert models.ImportLog.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"\x00\x01\x02\xff\xfe\x00garbage\x9c\x81", "people.csv", "не является текстом"),
        ("slug,name_ru\nivanov,Иванов\n".encode("koi8-r"), "people.csv", "koi8-r"),
        (b"[" * 50_000 + b"]" * 50_000, "people.json", "список объектов"),
        (b'[{"slug": 1' + b"0" * 5000 + b"}]", "people.json", "длиннее 30 знаков"),
    ],
    ids=["binary", "koi8-r", "nested json", "long number"],
)
def test_unreadable_or_hostile_files_are_explained_and_logged(
    no_records, editor_client, content, name, message
):
    file_format = JSON if name.endswith(".json") else CSV
    response = upload(editor_client, content, name=name, file_format=file_format)

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["import_file"])
    assert message in response.text
    assert not models.Person.objects.exists()
    assert models.ImportLog.objects.get().status == "rejected"


def test_an_empty_upload_is_refused_by_the_form(no_records, editor_client):
    response = upload(editor_client, b"")

    assert "Отправленный файл пуст." in response.text
    assert not models.Person.objects.exists()


def test_export_of_a_filtered_list_as_csv(editor_client, make_person):
    make_person(slug="published-one", name_ru="Опубликован", published=True)
    make_person(slug="draft-one", name_ru="Черновик", published=False)

    response = editor_client.post(
        "/admin/awards/person/export/?published__exact=1", {"format": CSV}
    )

    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert text.startswith("slug,published,name_ru")
    assert "published-one" in text
    assert "draft-one" not in text


def test_export_of_selected_rows_through_the_action(editor_client, make_person):
    chosen = make_person(slug="chosen")
    make_person(slug="other")

    form = editor_client.post(
        "/admin/awards/person/",
        {"action": "export_admin_action", "_selected_action": [chosen.pk]},
    )
    assert form.status_code == 200
    response = editor_client.post(
        "/admin/awards/person/export/", {"format": CSV, "export_items": [chosen.pk]}
    )

    text = response.content.decode("utf-8-sig")
    assert "chosen" in text
    assert "other" not in text


def test_a_confirmation_that_no_longer_passes_the_checks_imports_nothing(
    no_records, editor_client, citation
):
    preview = upload(editor_client, b"slug,name_ru,citations\nivanov,X,c1\n")
    citation.delete()

    done = editor_client.post(
        CONFIRM_URL, {**preview.context["confirm_form"].initial, "confirm": "1"}
    )

    # The import page again, with the errors and the same file ready to be checked again.
    assert done.status_code == 200
    assert not models.Person.objects.exists()
    assert [message.level_tag for message in done.context["messages"]] == ["error"]
    assert "c1" in done.text
    assert done.context["stored_file"]


def test_the_export_form_offers_csv_first_and_chosen(editor_client):
    page = editor_client.get("/admin/awards/person/export/").text

    select = re.search(r'<select name="format".*?</select>', page, re.S).group(0)
    assert "---" not in select
    assert re.search(r'<option value="0" selected>csv</option>', select)


def preview(client, text: str):
    return client.post(
        IMPORT_URL,
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("people.csv", text.encode()),
        },
    )


def test_rows_whose_records_changed_since_the_preview_are_refused_as_conflicts(
    no_records, editor_client, make_person, make_citation
):
    make_citation(slug="c1")
    make_person(slug="ivanov", name_ru="Иванов", published=False)
    make_person(slug="petrov", name_ru="Петров", published=False)
    shown = preview(
        editor_client,
        "slug,name_ru,citations\nivanov,Иванов И.,c1\npetrov,Петров П.,c1\nsidorov,Сидоров,c1\n",
    )
    confirm = shown.context["confirm_form"]
    # Another editor saves petrov, and adds sidorov, between the preview and the confirmation.
    petrov = models.Person.objects.get(slug="petrov")
    petrov.name_ru = "Петров (другой редактор)"
    petrov.save()
    models.Person.objects.create(slug="sidorov", name_ru="Сидоров-другой")

    done = editor_client.post(CONFIRM_URL, {**confirm.initial, "confirm": "1"})

    assert done.status_code == 200
    conflicts = done.context["result"].error_table.conflicts
    assert [row.number for row in conflicts] == [3, 4]
    assert "изменил кто-то другой" in done.text
    assert "добавлена после проверки" in done.text
    assert models.Person.objects.get(slug="ivanov").name_ru == "Иванов"
    assert models.Person.objects.get(slug="petrov").name_ru == "Петров (другой редактор)"
    # The same file can be checked again against the records as they are now.
    again = editor_client.post(IMPORT_URL, {"stored_file": done.context["stored_file"]})
    assert again.context["result"] is not None
    assert "Петров (другой редактор)" in page_text(again)


def test_a_confirmation_with_no_change_in_between_writes_the_file(
    no_records, editor_client, make_person, make_citation
):
    make_citation(slug="c1")
    make_person(slug="ivanov", name_ru="Иванов", published=False)
    shown = preview(editor_client, "slug,name_ru,citations\nivanov,Иванов И.,c1\n")

    done = editor_client.post(
        CONFIRM_URL, {**shown.context["confirm_form"].initial, "confirm": "1"}
    )

    assert done.status_code == 302
    assert models.Person.objects.get().name_ru == "Иванов И."
    assert models.Person.objects.get().version == 2
