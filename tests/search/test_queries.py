"""Search over the published records (awards.search.queries): both languages, both databases,
drafts never found.

The tables of queries below run unchanged on SQLite and on PostgreSQL (`make test` runs
both): the same query gives the same records on either."""

import pytest
from django.db import connection, transaction

from awards.search.queries import matches_sql, query_terms, search_records
from tests.support.search_results import found_by_kind

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search runs on PostgreSQL only"
)


def test_a_lower_case_query_finds_capitalised_cyrillic_words(seeded):
    found = found_by_kind("серп и молот")
    assert "hammer-and-sickle" in found["medal"]


def test_an_inflected_name_finds_the_order_of_lenin(seeded):
    found = found_by_kind("ленина")
    assert "order-of-lenin" in found["medal"]
    assert "1988-repeat-order-of-lenin-abolished" in found["event"]


def test_results_are_grouped_by_kind_in_a_fixed_order(seeded):
    kinds = [group.kind for group in search_records(query="ленина")]
    assert kinds == ["decree", "medal", "event", "provision", "citation"]


def test_english_words_find_the_english_version(seeded):
    assert "hammer-and-sickle" in found_by_kind("hammer")["medal"]


def test_drafts_are_never_found(make_title):
    make_title(name_ru="Черновое звание", published=False)
    assert found_by_kind("черновое") == {}


def test_a_provision_of_a_draft_title_is_never_found(make_title, make_provision):
    make_provision(title=make_title(published=False), value_ru="Тайное положение")
    assert found_by_kind("тайное") == {}


def test_an_empty_query_finds_nothing(seeded):
    assert search_records(query="   ") == []


@on_postgresql
def test_a_different_case_ending_finds_the_title_on_postgresql(seeded):
    assert "hero-of-socialist-labour" in found_by_kind("герою")["title"]


@on_postgresql
def test_an_inflected_word_finds_the_medal_on_postgresql(seeded):
    assert "hammer-and-sickle" in found_by_kind("медалью")["medal"]


@pytest.mark.parametrize("query", ["!!!", "и", "&|!:*()", "'", "%", "_"])
def test_punctuation_and_stop_words_do_not_break_the_search(seeded, query):
    assert isinstance(search_records(query=query), list)


# Word forms, several words, prefixes: one table for both databases ----------------------


# Each query finds (at least) these records of the fixtures, whatever the database.
FOUND_IN_THE_FIXTURES = [
    ("медали", "medal", "hammer-and-sickle"),
    ("медаль", "medal", "hammer-and-sickle"),
    ("медалью", "medal", "hammer-and-sickle"),
    ("героя", "title", "hero-of-socialist-labour"),
    ("герою", "title", "hero-of-socialist-labour"),
    ("герою труда", "title", "hero-of-labour"),
    ("ленина", "medal", "order-of-lenin"),
    ("ленина", "event", "1988-repeat-order-of-lenin-abolished"),
    ("орденом ленина", "medal", "order-of-lenin"),
    ("социалистич", "title", "hero-of-socialist-labour"),
    ("hammer", "medal", "hammer-and-sickle"),
    ("medals", "medal", "hammer-and-sickle"),
]


@pytest.mark.parametrize(("query", "kind", "slug"), FOUND_IN_THE_FIXTURES)
def test_a_word_form_finds_the_record(seeded, query, kind, slug):
    assert slug in found_by_kind(query).get(kind, set())


@pytest.mark.parametrize(
    "forms",
    [
        ("медаль", "медали", "медалью", "медалей"),
        ("герой", "героя", "герою", "героем"),
        ("указ", "указа", "указом"),
        ("ленин", "ленина", "лениным"),
        ("звание", "звания", "званием"),
    ],
)
def test_every_form_of_a_word_finds_the_same_records(seeded, forms):
    first, *others = (found_by_kind(form) for form in forms)
    assert first
    assert all(found == first for found in others)


def _the_small_library(new_title, new_medal, new_event, new_citation):
    hero = new_title(slug="hero", name_ru="Герой Труда", name_en="Hero of Labour")
    new_title(
        slug="hsl",
        name_ru="Герой Социалистического Труда",
        description_ru="Высшая степень отличия в области хозяйственного строительства.",
    )
    new_medal(slug="sickle", name_ru="Золотая медаль «Серп и Молот»", name_en="Hammer and Sickle")
    new_medal(slug="lenin", name_ru="Орден Ленина", kind="order")
    new_event(slug="decree-1973", name_ru="Указом 1973 года снято ограничение награждений")
    new_event(slug="medals-1940", name_ru="Медали героям", description_ru="Медалью награждали")
    new_event(slug="draft", name_ru="Черновик о медалях", published=False)
    new_citation(slug="quote", quote_ru="Звание Героя Труда присваивалось с 1927 года.")
    return hero


# Exactly these records, on either database: the same answers everywhere.
SMALL_LIBRARY_ANSWERS = [
    ("медали", {"medal": {"sickle"}, "event": {"medals-1940"}}),
    ("медалью", {"medal": {"sickle"}, "event": {"medals-1940"}}),
    ("героя", {"title": {"hero", "hsl"}, "event": {"medals-1940"}, "citation": {"quote"}}),
    ("указом", {"event": {"decree-1973"}}),
    ("ленина", {"medal": {"lenin"}}),
    ("герою труда", {"title": {"hero", "hsl"}, "citation": {"quote"}}),
    ("герой социалистического труда", {"title": {"hsl"}}),
    ("серп и молот", {"medal": {"sickle"}}),
    ("геро", {"title": {"hero", "hsl"}, "event": {"medals-1940"}, "citation": {"quote"}}),
    ("хозяйств", {"title": {"hsl"}}),
    ("hammer sick", {"medal": {"sickle"}}),
    ("1927", {"citation": {"quote"}}),
    ("медали ленина", {}),
]


@pytest.mark.parametrize(("query", "answer"), SMALL_LIBRARY_ANSWERS)
def test_the_same_query_finds_the_same_records_on_every_database(
    no_records, make_title, make_medal, make_event, make_citation, query, answer
):
    _the_small_library(make_title, make_medal, make_event, make_citation)
    assert found_by_kind(query) == answer


def test_results_count_every_match_and_show_the_best(no_records, make_event):
    new_event = make_event
    for number in range(60):
        new_event(name_ru=f"Награждение медалью номер {number}")
    new_event(slug="best", name_ru="Медаль", description_ru="Медаль, медаль и медали")

    (group,) = search_records(query="медаль")

    assert group.count == 61
    assert len(group.hits) == 50
    assert group.hits[0].record.slug == "best"


def test_a_search_costs_one_query_and_one_per_kind_found(
    no_records, make_event, make_title, django_assert_num_queries
):
    for number in range(60):
        make_event(name_ru=f"Награждение медалью номер {number}")
    make_event(name_ru="Черновик с медалью", published=False)
    make_title(name_ru="Звание с медалью")

    # The index searched once for every kind; the events, then the titles, read by key.
    with django_assert_num_queries(3):
        groups = search_records(query="медалью")

    assert [(group.kind, group.count, len(group.hits)) for group in groups] == [
        ("title", 1, 1),
        ("event", 60, 50),
    ]


def test_the_best_of_a_kind_are_ranked_by_the_index_then_by_key(no_records, make_event):
    same = [make_event(name_ru="Медаль и медаль") for _ in range(3)]
    weaker = make_event(name_ru="Медаль", description_ru="Длинный рассказ о чём-то другом")

    (group,) = search_records(query="медаль")

    assert [hit.record.pk for hit in group.hits] == [
        *sorted(event.pk for event in same),
        weaker.pk,
    ]


def test_snippets_mark_the_matching_words_and_escape_the_text(no_records, make_event):
    new_event = make_event
    new_event(name_ru="Событие", description_ru="<b>Медалью</b> награждали «героев» труда.")

    (group,) = search_records(query="героя медали")

    assert str(group.hits[0].snippet) == (
        "&lt;b&gt;<mark>Медалью</mark>&lt;/b&gt; награждали «<mark>героев</mark>» труда."
    )


# No query without an index -----------------------------------------------------------


def _plan(query):
    sql, params = matches_sql(query_terms(query))
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        # A small table is read whole, being cheaper; forbid that to see the plan of a big one.
        with transaction.atomic():
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            return "\n".join(row[0] for row in cursor.fetchall())


def test_the_search_reads_the_full_text_index_and_records_by_key(seeded):
    plan = _plan("герою труда")

    if connection.vendor == "sqlite":
        # The index is read once for every kind.
        assert plan.count("VIRTUAL TABLE INDEX") == 1, plan
        scans = [
            line
            for line in plan.splitlines()
            if line.startswith("SCAN awards_") and "VIRTUAL TABLE INDEX" not in line
        ]
        assert scans == [], plan
    else:
        assert plan.count("Bitmap Index Scan on awards_searchentry_document") == 1, plan
        assert "Seq Scan on awards_searchentry" not in plan, plan


def test_a_latin_word_the_stemmer_changes_a_letter_of_still_finds_itself():
    # English Snowball writes a final y as i ("probny" → "probni"): the word as typed
    # must still begin the words it is to find.
    [term] = query_terms("Probny")
    assert term.prefix
    assert "probny".startswith(term.text)
    assert "probnyi".startswith(term.text)
