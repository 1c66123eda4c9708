"""The full-text index of the records' text (awards.search.index), kept current on every write."""

from django.core.management import call_command
from django.db import connection

from awards.models import Citation, Decree, Event, ImportLog, Source, Title
from awards.search.index import (
    TABLE,
    entries_of,
    entry_id,
    index_id_column,
    index_records,
    kind_number,
    rebuild_search_index,
    remove_records,
    words,
)
from tests.support.search_results import found_by_kind


def test_the_index_follows_every_write(no_records, make_title):
    new_title = make_title

    title = new_title(name_ru="Звание Ударника")
    assert found_by_kind("ударника") == {"title": {title.slug}}

    title.name_ru = "Звание Передовика"
    title.save()
    assert found_by_kind("ударника") == {}
    assert found_by_kind("передовика") == {"title": {title.slug}}

    Title.objects.filter(pk=title.pk).update(published=False)
    assert found_by_kind("передовика") == {}

    title.delete()
    assert found_by_kind("передовика") == {}


def test_records_imported_in_bulk_are_found(no_records, make_citation, tmp_path):
    new_citation = make_citation
    new_citation(slug="imported-citation")
    path = tmp_path / "titles.csv"
    path.write_text(
        "slug,name_ru,published,citations\nudarnik,Звание Ударника Труда,1,imported-citation\n",
        encoding="utf-8",
    )
    call_command("import_records", "title", str(path), verbosity=0)

    assert found_by_kind("ударник") == {"title": {"udarnik"}}


def test_people_of_the_registry_are_found_by_name_occupation_and_place(seeded):
    from awards.exchange.kinds.registry_list import RegistryListKind
    from awards.exchange.pipeline.run import import_file

    rows = (
        "surname_ru,given_name_ru,born_on,birth_place_ru,occupation_ru,title,date,citations,"
        "published\n"
        "Пахомова,Анна,1920,Тамбов,доярка,hero-of-socialist-labour,1966,hsl-p4-s1,1\n"
        "Черновой,Пётр,1921,Тамбов,токарь,hero-of-socialist-labour,1966,hsl-p4-s1,0\n"
    )
    assert import_file(kind=RegistryListKind(), data=rows.encode(), file_name="list.csv").ok
    found = found_by_kind("доярки")
    assert [slug.split("-")[0] for slug in found["person"]] == ["pakhomova"]
    assert found_by_kind("пахомовой")["person"] == found["person"]
    # A draft person is never found, by any of their words.
    assert found_by_kind("тамбов")["person"] == found["person"]
    assert found_by_kind("токарь") == {}


def unindexed_title(slug: str, name: str) -> Title:
    """A published title written without signals, so without its search entry."""
    (title,) = Title.objects.bulk_create(
        [
            Title(
                slug=slug,
                name=name,
                name_ru=name,
                published=True,
                established_basis="unknown",
                abolished_basis="unknown",
            )
        ]
    )
    return title


def test_words_are_held_in_lower_case_with_yo_as_ye_and_without_punctuation():
    assert words("Ёлка, «Серп и Молот»! 1940-й") == ["елка", "серп", "и", "молот", "1940", "й"]


def test_index_records_makes_a_record_findable_and_remove_records_unfindable(no_records):
    title = unindexed_title("innovator", "Звание Новатора")
    assert found_by_kind("новатора") == {}

    index_records(model=Title, records=[title])
    assert found_by_kind("новатора") == {"title": {"innovator"}}

    remove_records(model=Title, pks=[title.pk])
    assert found_by_kind("новатора") == {}


def test_the_index_rebuilt_holds_every_record_again(no_records, make_title):
    indexed = make_title(name_ru="Звание Ударника")
    unindexed_title("innovator", "Звание Новатора")

    written = rebuild_search_index()

    # The two titles, and the passage and source the first cites.
    assert written == Title.objects.count() + Citation.objects.count() + Source.objects.count()
    assert Title.objects.count() == 2
    assert found_by_kind("новатора") == {"title": {"innovator"}}
    assert found_by_kind("ударника") == {"title": {indexed.slug}}


def test_a_kind_that_is_not_searched_gets_no_entry(db, django_assert_num_queries):
    log = ImportLog(model_name="title", file_name="titles.csv", file_format="csv")

    assert kind_number(ImportLog) is None
    with django_assert_num_queries(0):
        index_records(model=ImportLog, records=[log])
        remove_records(model=ImportLog, pks=[1])


def test_the_entries_of_two_kinds_never_share_a_key():
    title, decree = kind_number(Title), kind_number(Decree)

    assert {entry_id(title, pk) for pk in range(1, 1000)}.isdisjoint(
        entry_id(decree, pk) for pk in range(1, 1000)
    )


def test_the_entries_of_rows_of_values_are_what_a_write_indexes(no_records, make_event):
    # bench/search.py writes its generated records' entries through entries_of.
    event = make_event(name_ru="Награждение «Героев» Труда", description_ru="Ёлка и мёд")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {index_id_column(connection)}, names, body FROM {TABLE} "
            f"WHERE {index_id_column(connection)} = %s",
            [entry_id(kind_number(Event), event.pk)],
        )
        written = cursor.fetchall()

    row = {
        "pk": event.pk,
        "name_ru": event.name_ru,
        "name_en": event.name_en,
        "description_ru": event.description_ru,
        "description_en": event.description_en,
    }
    assert [tuple(entry) for entry in written] == entries_of(model=Event, rows=[row])
    assert written[0][1:] == ("награждение героев труда", "елка и мед")
