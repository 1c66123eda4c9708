"""Imports never overwrite newer work: versions raised on write, conflicts listed by row."""

from django.core.files.uploadedfile import SimpleUploadedFile

from awards import models
from awards.exchange.exporter import export_file
from awards.exchange.files import read_table
from awards.exchange.kinds.records import RecordKind
from awards.exchange.pipeline.run import import_table
from awards.exchange.resources import resource_for

IMPORT_URL = "/admin/awards/person/import/"
CONFIRM_URL = "/admin/awards/person/process_import/"


def import_csv(text: str, **options):
    table = read_table(text.encode(), file_format="csv")
    return import_table(kind=RecordKind(resource_for("person")()), table=table, **options)


def export_people() -> str:
    resource = resource_for("person")()
    queryset = resource.get_queryset()
    return b"".join(
        export_file(kind=RecordKind(resource), queryset=queryset, file_format="csv")
    ).decode("utf-8-sig")


def preview(client, text: str):
    return client.post(
        IMPORT_URL,
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("people.csv", text.encode()),
        },
    )


def test_an_import_raises_the_version_of_each_record_it_updates_and_new_ones_start_at_1(
    no_records, make_person, make_citation
):
    make_citation(slug="c1")
    make_person(slug="ivanov", name_ru="Иванов", published=False)
    make_person(slug="sidorov", name_ru="Сидоров", published=False)

    report = import_csv("slug,name_ru,citations\nivanov,Иванов И. И.,c1\npetrov,Петров,c1\n")

    assert (report.new, report.updated) == (1, 1)
    versions = dict(models.Person.objects.values_list("slug", "version"))
    assert versions == {"ivanov": 2, "petrov": 1, "sidorov": 1}
    assert models.Person.objects.get(slug="ivanov").history.latest().version == 2


def test_an_export_carries_each_record_s_version(no_records, make_person):
    make_person(slug="ivanov", published=False)
    models.Person.objects.filter(slug="ivanov").update(version=7)

    header, row = export_people().splitlines()[:2]

    assert header.split(",")[-1] == "version"
    assert row.split(",")[-1] == "7"


def test_a_row_exported_from_an_older_version_is_a_conflict_and_nothing_is_written(
    no_records, make_person, make_citation
):
    make_citation(slug="c1")
    make_person(slug="ivanov", name_ru="Иванов", published=False)
    make_person(slug="petrov", name_ru="Петров", published=False)
    exported = export_people()
    # Someone saves ivanov after the export.
    ivanov = models.Person.objects.get(slug="ivanov")
    ivanov.name_ru = "Иванов (уточнено)"
    ivanov.save()

    edited = exported.replace(",Иванов,", ",Иванов из файла,").replace(",Петров,", ",Петров П.,")
    report = import_csv(edited)

    assert [(error.row, error.column, error.conflict) for error in report.errors] == [
        (2, "version", True)
    ]
    assert "версия 1" in report.errors[0].message
    assert models.Person.objects.get(slug="ivanov").name_ru == "Иванов (уточнено)"
    assert models.Person.objects.get(slug="petrov").name_ru == "Петров"


def test_a_file_without_the_version_column_or_with_empty_versions_imports_as_before(
    no_records, make_person, make_citation
):
    make_citation(slug="c1")
    person = make_person(slug="ivanov", name_ru="Иванов", published=False)
    person.save()

    without = import_csv("slug,name_ru,citations\nivanov,Иванов И.,c1\n")
    empty = import_csv("slug,name_ru,citations,version\nivanov,Иванов И. И.,c1,\n")

    assert without.ok and without.updated == 1
    assert empty.ok and empty.updated == 1
    assert models.Person.objects.get().version == 4


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
    assert "Петров (другой редактор)" in again.text


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


def test_a_write_refuses_records_changed_after_the_check_even_without_a_preview(
    no_records, make_person, make_citation
):
    make_citation(slug="c1")
    make_person(slug="ivanov", name_ru="Иванов", published=False)
    checked = import_csv("slug,name_ru,citations\nivanov,Иванов И.,c1\n", dry_run=True)
    models.Person.objects.filter(slug="ivanov").update(version=5, name_ru="Иванов 5")

    report = import_csv(
        "slug,name_ru,citations\nivanov,Иванов И.,c1\n", expected_versions=checked.versions
    )

    assert [(error.row, error.conflict) for error in report.errors] == [(2, True)]
    assert models.Person.objects.get().name_ru == "Иванов 5"
