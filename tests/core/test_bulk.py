"""Reading and writing many rows at once (awards.core.bulk): batches, links read a batch at
a time, rows inserted and deleted without a model instance each, records built and created
as Django builds the rows it reads."""

from awards.core.bulk import (
    BATCH_SIZE,
    build,
    chunks,
    create_records,
    delete_rows,
    insert_rows,
    link_columns,
    links_of,
)
from awards.models import Citation, Source, Title

CITATIONS = Title._meta.get_field("citations")


def test_chunks_split_the_items_in_lists_of_at_most_the_size():
    assert list(chunks(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(chunks([], 2)) == []
    assert [len(chunk) for chunk in chunks(range(BATCH_SIZE + 1))] == [BATCH_SIZE, 1]


def test_chunks_read_an_iterator_once():
    assert list(chunks(iter("abcde"), 3)) == [["a", "b", "c"], ["d", "e"]]


def test_the_link_columns_of_a_many_to_many_field_are_its_through_table_s_keys():
    through, record, target = link_columns(CITATIONS)

    assert through is Title.citations.through
    assert (record, target) == ("title_id", "citation_id")


def test_the_links_of_many_records_are_read_in_one_query(
    make_title, make_citation, django_assert_num_queries
):
    titles = [
        make_title(
            citations=[make_citation(slug=f"q{number}-a"), make_citation(slug=f"q{number}-b")]
        )
        for number in range(3)
    ]

    with django_assert_num_queries(1):
        links = set(
            links_of(CITATIONS, [title.pk for title in titles], "title_id", "citation__slug")
        )

    assert links == {
        (title.pk, f"q{number}-{end}") for number, title in enumerate(titles) for end in "ab"
    }


def test_link_rows_are_inserted_and_deleted_by_plain_values(make_title, make_citation):
    title = make_title(citations=[])
    first, second = make_citation(), make_citation()
    through = Title.citations.through

    insert_rows(through, ["title_id", "citation_id"], [(title.pk, first.pk), (title.pk, second.pk)])

    assert set(title.citations.values_list("pk", flat=True)) == {first.pk, second.pk}
    delete_rows(through, through.objects.filter(citation=first).values_list("pk", flat=True))
    assert list(title.citations.values_list("pk", flat=True)) == [second.pk]


def test_a_built_record_holds_the_values_given_and_the_fields_defaults():
    source = build(Source, {"slug": "built", "name_ru": "Источник"})

    assert source.pk is None and source._state.adding
    assert (source.slug, source.name_ru) == ("built", "Источник")
    assert not source.name_en
    assert (source.language, source.version) == (Source().language, Source().version)
    assert source.created_at is not None


def test_records_created_in_bulk_get_their_keys_and_read_back_as_saved(
    db, django_assert_num_queries
):
    sources = [build(Source, {"slug": f"bulk-{n}", "name_ru": f"Источник {n}"}) for n in range(5)]

    with django_assert_num_queries(1):
        create_records(Source, sources)

    assert len({source.pk for source in sources}) == 5
    stored = Source.objects.get(pk=sources[3].pk)
    assert (stored.slug, stored.name_ru, stored.name) == ("bulk-3", "Источник 3", "Источник 3")
    assert not sources[3]._state.adding


def test_a_record_related_to_one_created_after_it_was_assigned_takes_its_key(db):
    source = build(Source, {"slug": "later", "name_ru": "Источник"})
    citation = build(
        Citation, {"slug": "later-1", "paragraph": 1, "sentence": 1, "quote_ru": "Цитата"}
    )
    citation.source = source

    create_records(Source, [source])
    create_records(Citation, [citation])

    assert Citation.objects.get(pk=citation.pk).source_id == source.pk
