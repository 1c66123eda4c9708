"""A passage's place read from what an editor types (awards.core.places)."""

import pytest

from awards.core.places import parse_place


def test_paragraph_and_sentence_become_filters_and_the_rest_stays_text():
    assert parse_place("Указ, абзац 5, предложение 2") == (
        {"paragraph": 5, "sentence": 2},
        "Указ",
    )


@pytest.mark.parametrize(
    ("typed", "filters"),
    [
        ("абз. 4", {"paragraph": 4}),
        ("АБЗАЦ 7, ПРЕДЛ. 3", {"paragraph": 7, "sentence": 3}),
        ("para. 3 sentence 1", {"paragraph": 3, "sentence": 1}),
        ("paragraph 12", {"paragraph": 12}),
    ],
)
def test_the_words_are_read_in_either_language_abbreviated_or_not(typed, filters):
    assert parse_place(typed) == (filters, "")


def test_text_without_a_place_is_left_as_it_is():
    assert parse_place("Герой Труда") == ({}, "Герой Труда")
