"""The admin speaks the editor's language: the citation picker, inlines and date messages."""

import html
import json
import re

import pytest
from django.core.exceptions import ValidationError

from awards import models
from awards.core.dates import PartialDate
from tests.support.admin_pages import admin_url, form_data, page_text


def pick_citation(client, term):
    """The labels the citation picker of a provision offers for what the editor typed."""
    response = client.get(
        "/admin/autocomplete/",
        {"term": term, "app_label": "awards", "model_name": "provision", "field_name": "citations"},
    )
    return [result["text"] for result in response.json()["results"]]


def test_the_picker_finds_passages_by_paragraph_as_it_labels_them(seeded, editor_client):
    labels = pick_citation(editor_client, "абзац 5")

    assert labels
    assert all(", абзац 5, предложение " in label for label in labels)


def test_the_picker_finds_a_passage_by_paragraph_and_sentence(seeded, editor_client):
    labels = pick_citation(editor_client, "абзац 6, предложение 2")

    assert labels
    assert all(label.endswith(", абзац 6, предложение 2") for label in labels)


def test_the_picker_finds_a_passage_by_the_whole_label_it_shows(seeded, editor_client):
    citation = models.Citation.objects.get(slug="hsl-p5-s1")

    assert str(citation) in pick_citation(editor_client, str(citation))


def inline_buttons(response):
    """The "add another" text of each inline, as its script will show it."""
    data = re.findall(r'data-inline-formset="([^"]+)"', response.content.decode())
    return [json.loads(html.unescape(item))["options"]["addText"] for item in data]


def test_inline_buttons_and_headers_are_russian(seeded, editor_client):
    title = models.Title.objects.get(slug="hero-of-labour")

    response = editor_client.get(admin_url(models.Title, "change", title.pk))

    assert set(inline_buttons(response)) == {"Положение: добавить ещё", "Цитата: добавить ещё"}
    headers = re.findall(r'<th class="column-citation[^"]*">\s*([^<]+?)\s*<', response.text)
    assert headers == ["Цитата"]
    assert "Citation" not in page_text(response) and "CITATION" not in response.text


def post_decree(client, **date):
    url = admin_url(models.Decree, "add")
    page = client.get(url)
    fields = {"slug": "new-act", "name_ru": "Указ", "kind": "decree"}
    fields |= {f"date_{part}": value for part, value in date.items()}
    return client.post(url, form_data(page, **fields))


def test_an_impossible_date_is_explained_in_russian(seeded, editor_client):
    response = post_decree(editor_client, year="1939", month="2", day="30")

    assert "Такой даты не существует: в 1939-02 нет 30-го числа." in page_text(response)


def test_a_date_outside_the_history_is_refused_with_the_years_it_may_take(seeded, editor_client):
    response = post_decree(editor_client, year="2050")

    assert not models.Decree.objects.filter(slug="new-act").exists()
    assert (
        "Даты этой истории лежат между 1917 и 1991 годами (от революции до конца СССР); "
        "2050 — вне их." in page_text(response)
    )


@pytest.mark.parametrize(
    ("builder", "field"),
    [
        ("make_decree", "date"),
        ("make_title", "established_on"),
        ("make_title", "abolished_on"),
        ("make_medal", "established_on"),
        ("make_event", "date"),
        ("make_provision", "start"),
        ("make_provision", "end"),
    ],
)
def test_every_dated_record_keeps_to_the_years_of_the_ussr(request, builder, field):
    record = request.getfixturevalue(builder)()
    setattr(record, field, PartialDate(1916, 12))

    with pytest.raises(ValidationError) as refused:
        record.full_clean()

    assert "1917" in refused.value.message_dict[field][0]
