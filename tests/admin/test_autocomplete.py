"""The admin's pickers (awards.admin.autocomplete): choices ranked by how well their name
matches what the editor typed, the same in every picker."""

import pytest

from awards import models
from awards.admin.autocomplete import rank_by_match


def pick(client, *, model_name, field_name, term):
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "awards", "model_name": model_name, "field_name": field_name, "term": term},
    )
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


def test_a_word_of_the_name_beats_a_match_elsewhere(seeded, editor_client):
    labels = pick(editor_client, model_name="title", field_name="predecessor", term="Социалист")

    assert labels[0] == "Герой Социалистического Труда"
    if "Герой Советского Союза" in labels:
        assert labels.index("Герой Советского Союза") > 0


def test_the_whole_name_first_then_a_word_then_elsewhere(seeded, editor_client, make_title):
    for name in (
        "Антисоциалистическое звание",
        "Ударник социалистического труда",
        "Социалистическое соревнование",
        "Знак «Социалистическое соревнование»",
    ):
        make_title(name_ru=name)

    labels = pick(editor_client, model_name="title", field_name="predecessor", term="социалист")

    assert labels[0] == "Социалистическое соревнование"
    assert set(labels[1:4]) == {
        "Ударник социалистического труда",
        "Знак «Социалистическое соревнование»",
        "Герой Социалистического Труда",
    }
    # The rest match elsewhere: inside a word, or in the description only.
    assert "Антисоциалистическое звание" in labels[4:]


@pytest.mark.parametrize(
    ("model_name", "field_name"), [("conferment", "person"), ("provision", "start_citation")]
)
def test_every_picker_ranks_the_same_way(
    seeded, editor_client, make_person, model_name, field_name
):
    if model_name == "conferment":
        make_person(name_ru="Петров Иван Сергеевич")
        make_person(name_ru="Иванов Пётр Сергеевич")
        term, first = "Иванов", "Иванов Пётр Сергеевич"
    else:
        source = models.Source.objects.get(slug="hero-of-socialist-labour-ru")
        models.Citation.objects.create(
            slug="late-word", source=source, paragraph=90, sentence=1, quote_ru="Был указ о сроке."
        )
        models.Citation.objects.create(
            slug="first-word", source=source, paragraph=91, sentence=1, quote_ru="Указ о сроке."
        )
        term, first = "Указ о сроке", "абзац 91, предложение 1: «Указ о сроке.» — "

    labels = pick(editor_client, model_name=model_name, field_name=field_name, term=term)

    assert labels[0].startswith(first)


def test_the_change_list_search_keeps_the_chosen_order(seeded, editor_client, make_title):
    make_title(name_ru="Социалистическое соревнование")

    response = editor_client.get("/admin/awards/title/", {"q": "Социалист", "o": "-1"})

    names = [str(title) for title in response.context["cl"].result_list]
    assert names == sorted(names, reverse=True)


def test_ranking_without_a_term_keeps_the_queryset(seeded):
    queryset = models.Title.objects.order_by("slug")

    assert rank_by_match(queryset, field="name_ru", term="  ") is queryset
