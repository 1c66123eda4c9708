"""Stage 5 of a kind of record (awards.exchange.kinds.records.write): records and links in bulk,
one history entry each, versions raised, stale rows refused; queries that do not grow."""

import math

import pytest
from django.db import connection

from awards import models
from awards.core.dates import PartialDate
from tests.support.record_files import csv_file, import_bytes, import_csv


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
