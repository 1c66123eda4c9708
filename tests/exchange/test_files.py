"""Data exchange: files out and back in, bad input refused whole, history and the log."""

import io
import json
import math

import pytest
from django.db import connection
from openpyxl import Workbook, load_workbook

from awards import models
from awards.core.dates import PartialDate
from awards.exchange.exporter import export_file
from awards.exchange.files import ImportFileError, read_table
from awards.exchange.kinds.records import RecordKind
from awards.exchange.pipeline.run import import_table
from awards.exchange.resources import RESOURCES, resource_for

# The registry of conferments ships empty (tests/test_registry_import.py round-trips it).
DEPENDENCY_ORDER = [name for name in RESOURCES if name != "conferment"]


def export_bytes(model_name, file_format="csv"):
    resource = resource_for(model_name)()
    return b"".join(
        export_file(
            kind=RecordKind(resource), queryset=resource.get_queryset(), file_format=file_format
        )
    )


def import_bytes(model_name, data, file_format="csv", **options):
    table = read_table(data, file_format=file_format)
    return import_table(kind=RecordKind(resource_for(model_name)()), table=table, **options)


def csv_file(*lines):
    return ("\n".join(lines) + "\n").encode("utf-8")


def delete_all_records():
    models.Authority.objects.update(parent=None)
    models.Title.objects.update(predecessor=None)
    for model_name in reversed(DEPENDENCY_ORDER):
        resource_for(model_name)._meta.model.objects.all().delete()


def history_count():
    return sum(resource_for(name)._meta.model.history.count() for name in DEPENDENCY_ORDER)


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_every_model_round_trips_byte_for_byte_through_an_empty_database(seeded, file_format):
    exported = {name: export_bytes(name, file_format) for name in DEPENDENCY_ORDER}
    delete_all_records()

    for name in DEPENDENCY_ORDER:
        report = import_bytes(name, exported[name], file_format)
        assert report.ok, report.errors
        assert report.new > 0

    for name in DEPENDENCY_ORDER:
        assert export_bytes(name, file_format) == exported[name], name


def test_xlsx_round_trip_keeps_every_cell(seeded):
    exported = {name: export_bytes(name, "xlsx") for name in DEPENDENCY_ORDER}
    cells = {name: read_table(data, file_format="xlsx").rows for name, data in exported.items()}
    delete_all_records()

    for name in DEPENDENCY_ORDER:
        assert import_bytes(name, exported[name], "xlsx").ok

    for name in DEPENDENCY_ORDER:
        assert read_table(export_bytes(name, "xlsx"), file_format="xlsx").rows == cells[name]


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "json"])
def test_reimporting_an_unchanged_export_saves_nothing_and_writes_no_history(seeded, file_format):
    exported = {name: export_bytes(name, file_format) for name in DEPENDENCY_ORDER}
    history_before = history_count()
    updated_at = list(models.Title.objects.values_list("updated_at", flat=True))

    for name in DEPENDENCY_ORDER:
        report = import_bytes(name, exported[name], file_format)
        assert (report.new, report.updated, report.failed) == (0, 0, 0), name
        assert report.unchanged > 0

    assert history_count() == history_before
    assert list(models.Title.objects.values_list("updated_at", flat=True)) == updated_at


def test_an_imported_change_shows_in_history_with_the_importing_user(editor, make_title):
    title = make_title(slug="hero", name_ru="Герой")
    citation_slugs = ", ".join(title.citations.values_list("slug", flat=True))
    data = csv_file(
        "slug,name_ru,name_en,citations", f"hero,Герой Труда,Hero of Labour,{citation_slugs}"
    )

    report = import_bytes("title", data, user=editor, file_name="titles.csv")

    assert (report.new, report.updated, report.unchanged) == (0, 1, 0)
    title.refresh_from_db()
    assert title.name_ru == "Герой Труда"
    latest = title.history.first()
    assert latest.history_type == "~"
    assert latest.history_user == editor
    assert latest.name_en == "Hero of Labour"
    assert "titles.csv" in latest.history_change_reason


def test_new_records_get_a_creation_history_entry(editor, make_citation):
    make_citation(slug="c1")

    import_bytes("person", csv_file("slug,name_ru,citations", "ivanov,Иванов,c1"), user=editor)

    person = models.Person.objects.get(slug="ivanov")
    assert [entry.history_type for entry in person.history.all()] == ["+"]
    assert person.history.first().history_user == editor
    assert list(person.citations.values_list("slug", flat=True)) == ["c1"]


def test_many_to_many_links_are_replaced_by_the_cell(make_citation, make_title):
    first, second, third = (make_citation(slug=slug) for slug in ("c1", "c2", "c3"))
    title = make_title(slug="hero", citations=[first, second])

    report = import_bytes("title", csv_file("slug,name_ru,citations", 'hero,Звание,"c3, c2"'))

    assert report.updated == 1
    assert sorted(title.citations.values_list("slug", flat=True)) == ["c2", "c3"]
    assert title.history.first().history_type == "~"
    assert third.pk in title.citations.values_list("pk", flat=True)


def test_an_imported_change_of_relations_shows_in_history_as_such(
    editor, make_citation, make_title
):
    first, second = make_citation(slug="c1"), make_citation(slug="c2")
    title = make_title(slug="hero", name_ru="Звание", citations=[first])
    title.save()  # an entry with the relations as they were before the import

    import_bytes("title", csv_file("slug,name_ru,citations", "hero,Звание,c2"), user=editor)

    latest, previous = title.history.order_by("-history_date", "-history_id")[:2]
    changes = latest.diff_against(previous).changes
    assert [change.field for change in changes] == ["citations"]
    assert [link["citation"] for link in changes[0].old] == [first.pk]
    assert [link["citation"] for link in changes[0].new] == [second.pk]
    assert latest.history_user == editor


def test_a_record_may_refer_to_one_defined_later_in_the_same_file(make_citation):
    make_citation(slug="c1")
    data = csv_file(
        "slug,name_ru,predecessor,citations",
        "successor,Преемник,ancestor,c1",
        "ancestor,Предшественник,,c1",
    )

    assert import_bytes("title", data).ok

    successor = models.Title.objects.get(slug="successor")
    assert successor.predecessor.slug == "ancestor"


def test_records_referring_to_each_other_in_a_circle_are_refused(no_records, make_citation):
    make_citation(slug="c1")
    data = csv_file("slug,name_ru,predecessor,citations", "a,А,b,c1", "b,Б,a,c1", "c,В,c,c1")

    report = import_bytes("title", data)

    assert {error.row for error in report.errors} == {2, 3, 4}
    assert not models.Title.objects.exists()


# Bad input: nothing is written and the report says where -------------------------------


@pytest.fixture
def title_file(no_records, make_citation, make_decree):
    make_citation(slug="c1")
    make_decree(slug="decree-1940", date=PartialDate(1940, 5, 22))

    def build(*rows, header="slug,name_ru,established_on,established_by,citations"):
        return csv_file(header, "good,Хорошее,1940-05-22,decree-1940,c1", *rows)

    return build


@pytest.mark.parametrize(
    ("row", "column", "fragment"),
    [
        ("bad,Плохое,1940-13,,c1", "established_on", "1940-13"),
        ("bad,Плохое,1940-02-30,,c1", "established_on", "1940-02-30"),
        ("bad,Плохое,22.05.1940,,c1", "established_on", "22.05.1940"),
        ("bad,Плохое,,no-such-decree,c1", "established_by", "no-such-decree"),
        ("bad,Плохое,,,c1 no-such-citation", "citations", "no-such-citation"),
        ("good,Дубль,,,c1", "slug", "good"),
        ("bad," + "Я" * 301 + ",,,c1", "name_ru", "300"),
        ("bad,,,,c1", "name_ru", ""),
        ("bad,Плохое,,,", "citations", ""),
        ("bad slug,Плохое,,,c1", "slug", ""),
        ("bad,Плохое,1941,decree-1940,c1", "established_by", ""),
    ],
)
def test_a_bad_row_is_reported_by_number_and_column_and_nothing_is_written(
    title_file, row, column, fragment
):
    report = import_bytes("title", title_file(row))

    assert not report.ok
    assert [(error.row, error.column) for error in report.errors] == [(3, column)]
    assert fragment in report.errors[0].message
    assert report.failed == 1
    assert not models.Title.objects.exists()


def test_an_unknown_column_is_reported_on_the_header_row(title_file):
    data = title_file(header="slug,name_ru,established_on,established_by,citations,colour")
    report = import_bytes("title", data.replace(b"c1\n", b"c1,red\n"))

    assert [(error.row, error.column) for error in report.errors] == [(1, "colour")]
    assert not models.Title.objects.exists()


def test_a_missing_required_column_is_reported(make_citation):
    report = import_bytes("title", csv_file("slug,name_en", "hero,Hero"))

    assert {(error.row, error.column) for error in report.errors} == {
        (1, "name_ru"),
        (1, "citations"),
    }


def test_one_bad_row_among_many_rolls_back_the_whole_import(no_records, make_citation):
    make_citation(slug="c1")
    rows = [f"person-{number},Человек {number},c1" for number in range(100)]
    rows[57] = "person-57,Человек,unknown"

    report = import_bytes("person", csv_file("slug,name_ru,citations", *rows))

    assert [error.row for error in report.errors] == [59]
    assert not models.Person.objects.exists()


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


def test_xlsx_typed_by_hand_with_numbers_dates_and_booleans(no_records, make_source):
    make_source(slug="src")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["slug", "source", "paragraph", "sentence", "quote_ru", "published"])
    sheet.append(["q1", "src", 3, 4.0, "Цитата", True])
    sheet.append(["q2", "src", "5", "6", "Ещё", "нет"])
    output = io.BytesIO()
    workbook.save(output)

    report = import_bytes("citation", output.getvalue(), "xlsx")

    assert report.ok, report.errors
    first, second = models.Citation.objects.order_by("slug")
    assert (first.paragraph, first.sentence, first.published) == (3, 4, True)
    assert (second.paragraph, second.sentence, second.published) == (5, 6, False)


def test_json_with_lists_and_native_values(make_citation):
    make_citation(slug="c1")
    data = json.dumps(
        [{"slug": "ivanov", "name_ru": "Иванов", "published": True, "citations": ["c1"]}]
    )

    report = import_bytes("person", data.encode(), "json")

    assert report.ok, report.errors
    assert models.Person.objects.get(slug="ivanov").published is True


# Export ---------------------------------------------------------------------------------


def test_csv_export_opens_in_excel_with_a_bom_and_the_field_names(seeded):
    data = export_bytes("title")

    assert data.startswith(b"\xef\xbb\xbfslug,published,name_ru,name_en,")
    assert "Герой Социалистического Труда" in data.decode("utf-8-sig")


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_cells_that_a_spreadsheet_would_run_as_formulas_are_escaped(make_person, file_format):
    make_person(slug="p", name_ru='=HYPERLINK("http://evil","x")', name_en="@SUM(A1)")

    data = export_bytes("person", file_format)

    if file_format == "csv":
        text = data.decode("utf-8-sig")
        assert """'=HYPERLINK(""http://evil"",""x"")""" in text
        assert "'@SUM(A1)" in text
    else:
        sheet = load_workbook(io.BytesIO(data)).active
        values = [cell.value for cell in sheet[2]]
        assert '\'=HYPERLINK("http://evil","x")' in values
        assert all(cell.data_type != "f" for cell in sheet[2])


def test_escaped_formulas_come_back_as_they_were(make_person):
    person = make_person(slug="p", name_ru="=1+1", name_en="'-quoted")
    data = export_bytes("person")
    models.Person.objects.filter(pk=person.pk).update(name_ru="changed", name_en="")

    assert import_bytes("person", data).updated == 1

    person.refresh_from_db()
    assert (person.name_ru, person.name_en) == ("=1+1", "'-quoted")


# Accountability and cost ----------------------------------------------------------------


def test_every_import_is_logged_with_who_what_and_the_counts(editor, make_citation):
    make_citation(slug="c1")

    import_bytes(
        "person", csv_file("slug,name_ru,citations", "a,А,c1"), user=editor, file_name="a.csv"
    )
    import_bytes(
        "person", csv_file("slug,name_ru,citations", "b,Б,zz"), user=editor, file_name="b.csv"
    )

    rejected, imported = models.ImportLog.objects.all()
    assert (imported.file_name, imported.user, imported.status) == ("a.csv", editor, "imported")
    assert (imported.new_count, imported.failed_count) == (1, 0)
    assert (rejected.file_name, rejected.status, rejected.failed_count) == ("b.csv", "rejected", 1)
    assert "zz" in rejected.errors


def test_a_dry_run_writes_nothing(no_records, make_citation):
    make_citation(slug="c1")

    report = import_bytes("person", csv_file("slug,name_ru,citations", "a,А,c1"), dry_run=True)

    assert report.new == 1
    assert not models.Person.objects.exists()


def statement_batches(model, rows):
    fields = model._meta.concrete_fields
    return math.ceil(rows / connection.ops.bulk_batch_size(fields, [None] * rows))


def provision_file(rows, *, prefix):
    lines = ["slug,title,aspect,value_ru,value_key,start,start_decree,end_decree,citations"]
    lines += [
        f"{prefix}-{number},hero,rank,Ранг {number},r{number},1940-05-22,decree-1940,,c1 c2"
        for number in range(rows)
    ]
    return csv_file(*lines)


@pytest.mark.parametrize("rows", [50, 500])
def test_an_import_costs_the_same_number_of_queries_for_50_and_500_rows(
    make_citation, make_title, make_decree, django_assert_max_num_queries, rows
):
    citations = [make_citation(slug="c1"), make_citation(slug="c2")]
    make_title(slug="hero", citations=citations)
    make_decree(slug="decree-1940", date=PartialDate(1940, 5, 22))
    import_bytes("provision", provision_file(rows, prefix="old"))
    update = provision_file(rows, prefix="old").replace(b"c1 c2", b"c2")
    new = provision_file(rows, prefix="new")

    # Bulk statements are split only where the database caps the parameters of one query.
    # The fixed part: lookups, the version check under lock, the log, the search index.
    allowed = 13 + 4 * statement_batches(models.Provision.history.model, rows)
    with django_assert_max_num_queries(allowed):
        assert import_bytes("provision", new).new == rows
    with django_assert_max_num_queries(allowed):
        assert import_bytes("provision", update).updated == rows
    assert allowed < rows


def test_a_long_text_survives_the_round_trip(no_records, make_source):
    make_source(slug="long", text="Слово " * 50_000)
    data = export_bytes("source")
    models.Source.objects.update(text="")

    assert import_bytes("source", data).updated == 1
    assert models.Source.objects.get().text == "Слово " * 50_000
