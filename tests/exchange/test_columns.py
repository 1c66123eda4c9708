"""One column type for every field a Resource declares (awards.exchange.columns): a cell
cleaned into a field value or refused with a message, a value rendered back into a cell,
relations read by slug a batch at a time."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from awards.core.dates import PartialDate
from awards.exchange.columns import (
    Kind,
    current_links,
    export_columns,
    fetch_by_slug,
    import_columns,
    related_slugs,
    unknown_slug_message,
)
from awards.exchange.resources import resource_for
from awards.models import Title

COLUMNS = import_columns(resource_for("title")())


def test_each_column_knows_its_kind_of_field():
    kinds = {name: column.kind for name, column in COLUMNS.items()}

    assert kinds["established_on"] is Kind.VALUE
    assert kinds["predecessor"] is Kind.FOREIGN_KEY
    assert kinds["citations"] is Kind.MANY


def test_a_file_must_have_the_columns_whose_fields_have_no_default():
    assert {name for name, column in COLUMNS.items() if column.required} == {
        "slug",
        "name_ru",
        "citations",
    }


def test_a_translation_column_is_stored_with_its_field_and_relations_are_read_by_slug():
    assert COLUMNS["name_ru"].stored_with == "name"
    assert COLUMNS["slug"].stored_with is None
    assert COLUMNS["predecessor"].export_lookup == "predecessor__slug"
    assert COLUMNS["citations"].export_lookup is None
    assert COLUMNS["established_on"].export_lookup == "established_on"


def test_the_export_columns_are_the_import_columns_in_the_file_s_order():
    names = [column.name for column in export_columns(resource_for("title")())]

    assert names[:3] == ["slug", "published", "name_ru"]
    assert set(names) == set(COLUMNS)


@pytest.mark.parametrize(
    ("name", "cell", "value"),
    [
        ("established_on", "1927-07", PartialDate(1927, 7)),
        ("established_on", "", None),
        ("published", "ИСТИНА", True),
        ("predecessor", "", None),
        ("citations", "c2, c1", ["c1", "c2"]),
        ("name_en", "", None),
    ],
)
def test_a_cell_is_cleaned_into_the_field_s_value(name, cell, value):
    assert COLUMNS[name].clean(cell) == value


@pytest.mark.parametrize(
    ("name", "cell", "message"),
    [
        ("established_on", "1927-13", "Даты «1927-13» не существует."),
        ("name_ru", "", "Это поле не может быть пустым."),
        ("citations", "", "Это поле не может быть пустым."),
        ("slug", "bad slug", "только из латинских букв"),
    ],
)
def test_a_cell_its_field_refuses_is_an_error_with_the_field_s_message(name, cell, message):
    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        COLUMNS[name].clean(cell)

    assert message in refused.value.messages[0]


def test_a_value_is_rendered_as_a_csv_cell_and_as_a_native_value():
    date, citations, published = (
        COLUMNS["established_on"],
        COLUMNS["citations"],
        COLUMNS["published"],
    )

    assert date.render(PartialDate(1927, 7, 27)) == "1927-07-27"
    assert citations.render(["b", "a"]) == "a, b"
    assert citations.render_native(["b", "a"]) == ["a", "b"]
    assert (published.render(True), published.render_native(True)) == ("TRUE", True)


def test_an_empty_text_is_no_change_from_none():
    assert not COLUMNS["name_en"].differs(None, "")
    assert COLUMNS["name_en"].differs("Hero", "Heroes")


def test_records_and_their_links_are_read_by_slug_a_batch_at_a_time(
    make_title, make_citation, django_assert_num_queries
):
    titles = [
        make_title(
            slug=f"t{n}", citations=[make_citation(slug=f"t{n}-b"), make_citation(slug=f"t{n}-a")]
        )
        for n in range(3)
    ]
    pks = [title.pk for title in titles]

    with django_assert_num_queries(3):
        found = fetch_by_slug(Title, ["t0", "t2", "nope"])
        slugs = related_slugs(COLUMNS["citations"], pks)
        links = current_links(COLUMNS["citations"], pks)

    assert set(found) == {"t0", "t2"}
    assert slugs[titles[1].pk] == ["t1-a", "t1-b"]
    assert set(links[titles[2].pk]) == {"t2-a", "t2-b"}


def test_an_unknown_slug_is_named_with_the_kind_of_record_it_should_be():
    with translation.override("en"):
        assert unknown_slug_message(COLUMNS["predecessor"], "nope") == (
            "There is no title with the slug “nope”."
        )
