"""Stage 3 of a kind of record (awards.exchange.kinds.records.resolve): rows matched to records,
the changes planned, and rows that would overwrite newer work found as conflicts."""

import pytest

from awards import models
from awards.exchange.resources import resource_for
from tests.support.record_files import (
    DEPENDENCY_ORDER,
    csv_file,
    export_bytes,
    export_people,
    import_bytes,
    import_csv,
)


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


def history_count():
    return sum(resource_for(name)._meta.model.history.count() for name in DEPENDENCY_ORDER)


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


def test_many_to_many_links_are_replaced_by_the_cell(make_citation, make_title):
    first, second, third = (make_citation(slug=slug) for slug in ("c1", "c2", "c3"))
    title = make_title(slug="hero", citations=[first, second])

    report = import_bytes("title", csv_file("slug,name_ru,citations", 'hero,Звание,"c3, c2"'))

    assert report.updated == 1
    assert sorted(title.citations.values_list("slug", flat=True)) == ["c2", "c3"]
    assert title.history.first().history_type == "~"
    assert third.pk in title.citations.values_list("pk", flat=True)
