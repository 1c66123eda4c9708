"""What changed between two values of a field, marked word by word (awards.core.diffs)."""

import pytest
from django.utils import translation

from awards import models
from awards.core.dates import PartialDate
from awards.core.diffs import display_value, marked_changes
from tests.support.admin_pages import admin_url, drafted, open_form, page_text


def test_the_history_marks_changed_words_in_russian_without_none(seeded, editor_client):
    title = drafted(models.Title.objects.get(slug="hero-of-labour"))
    url, data = open_form(editor_client, title)
    words = data["description_ru"].split()
    data["description_ru"] = " ".join([*words[:3], "исправленное", *words[4:]])
    data["change_reason"] = "Уточнение по источнику"
    editor_client.post(url, data)

    response = editor_client.get(admin_url(models.Title, "history", title.pk))

    page, text = response.content.decode(), page_text(response)
    assert f"<del>{words[3]}</del>" in page and "<ins>исправленное</ins>" in page
    assert "Уточнение по источнику" in text
    assert "Что изменилось" in text and "Кто" in text
    for foreign in ("None", "CHANGES", "Changes", "Изменено: Нет"):
        assert foreign not in text


def test_a_changed_word_alone_is_marked():
    old, new = marked_changes("Указ от 22 мая 1940 года", "Указ от 23 мая 1940 года")

    assert old == "Указ от <del>22</del> мая 1940 года"
    assert new == "Указ от <ins>23</ins> мая 1940 года"


def test_an_added_word_is_marked_in_the_new_value_only():
    assert marked_changes("Герой Труда", "Герой Социалистического Труда") == (
        "Герой Труда",
        "Герой <ins>Социалистического</ins> Труда",
    )


def test_a_rewritten_sentence_is_one_change_not_a_word_here_and_there():
    # "два" is common to both, but alone between changes: read as part of the rewrite.
    assert marked_changes("один два три четыре", "пять два шесть семь") == (
        "<del>один два три четыре</del>",
        "<ins>пять два шесть семь</ins>",
    )


def test_both_values_are_escaped():
    old, new = marked_changes("<b>жирный</b>", "<i>жирный</i>")

    assert old == "<del>&lt;b&gt;жирный&lt;/b&gt;</del>"
    assert new == "<ins>&lt;i&gt;жирный&lt;/i&gt;</ins>"


def test_an_empty_value_reads_as_a_dash():
    assert marked_changes("", "Новое") == ("—", "<ins>Новое</ins>")


def test_an_item_added_to_a_list_is_marked_without_its_separator():
    assert marked_changes(["c1"], ["c1", "c2"]) == ("c1", "c1; <ins>c2</ins>")


def test_lists_are_compared_item_by_item():
    assert marked_changes(["абзац 1", "абзац 2"], ["абзац 1", "абзац 3"]) == (
        "абзац 1; <del>абзац 2</del>",
        "абзац 1; <ins>абзац 3</ins>",
    )


@pytest.mark.parametrize(
    ("model", "field", "value", "shown"),
    [
        (models.Title, "published", True, "yes"),
        (models.Title, "published", False, "no"),
        (models.Title, "established_on", PartialDate(1927, 7), "July 1927"),
        (models.Decree, "kind", "decree", "decree (ukaz)"),
        (models.Title, "name_ru", None, ""),
        (models.Title, "citations", [{"citation": "абзац 1"}, {"citation": "абзац 2"}], None),
    ],
    ids=["yes", "no", "date", "choice", "nothing", "links"],
)
def test_a_value_is_shown_as_an_editor_reads_it(model, field, value, shown):
    with translation.override("en"):
        displayed = display_value(model._meta.get_field(field), value)

    assert displayed == (shown if shown is not None else ["абзац 1", "абзац 2"])
