"""What every record's admin shares (awards.admin.base): each kind's pages, the citations
inline, one history entry per save, publishing actions, searches that refuse a NUL."""

import html
import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from awards import models
from tests.support.admin_pages import (
    admin_url,
    change_form_data,
    citation_inline_prefix,
    drafted,
    form_data,
    history_entries,
    open_form,
    page_text,
    post_title,
)
from tests.support.russian_words import RUSSIAN

pytestmark = pytest.mark.django_db


MODELS = models.RECORD_MODELS


def admin_pages(model):
    record = model.objects.order_by("pk").first()
    return [
        admin_url(model, "changelist"),
        admin_url(model, "add"),
        admin_url(model, "change", record.pk),
        admin_url(model, "history", record.pk),
    ]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_every_admin_page_shows_an_editor_the_record(seeded, editor_client, model):
    record = model.objects.order_by("pk").first()
    with translation.override("ru"):
        name = str(record)
    # «Добавить цитату», «Изменить человека»: the name of the kind in the accusative.
    kind = RUSSIAN[model._meta.label_lower][1]
    changelist, add, change, history = (editor_client.get(url) for url in admin_pages(model))
    for response in (changelist, add, change, history):
        assert response.status_code == 200, response.request["PATH_INFO"]
        assert response.headers["Content-Language"] == "ru"
    assert f'href="{admin_url(model, "change", record.pk)}"' in changelist.content.decode()
    assert f"Добавить {kind}" in page_text(add)
    assert f"Изменить {kind} {name}" in page_text(change)
    history_text = page_text(history)
    assert f"История изменений: {name}" in history_text
    assert "Создано" in history_text and "fixtures" in history_text


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_anonymous_visitors_are_sent_to_login(seeded, client, model):
    for url in admin_pages(model):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


def test_change_list_shows_dates_as_known(seeded, editor_client):
    response = editor_client.get(admin_url(models.Event, "changelist"))
    text = response.content.decode()
    assert ">1921<" in text
    assert ">1988<" in text
    title_list = editor_client.get(admin_url(models.Title, "changelist")).content.decode()
    assert "27 декабря 1938 г." in title_list


def test_editor_adds_a_title_with_a_citation_and_history_records_who(seeded, editor_client):
    response = post_title(
        editor_client, established_on_year="1927", established_on_month="7", established_on_day="27"
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    title = models.Title.objects.get(slug="new-title")
    assert title.established_on.isoformat() == "1927-07-27"
    assert title.citations.count() == 1
    entry = title.history.get()
    assert entry.history_user.username == "test-editor"


def test_a_record_without_a_citation_is_refused(seeded, editor_client):
    url = admin_url(models.Title, "add")
    page = editor_client.get(url)
    response = editor_client.post(
        url,
        form_data(
            page,
            slug="uncited",
            name_ru="Без ссылки",
            established_basis="unknown",
            abolished_basis="unknown",
        ),
    )
    assert not models.Title.objects.filter(slug="uncited").exists()
    text = page_text(response)
    assert "Пожалуйста, исправьте ошибку ниже." in text
    assert "Пожалуйста, отправьте 1 форму." in text


def test_publish_action_records_each_change_in_history(seeded, chief_editor_client):
    models.Event.objects.filter(slug="1921-term-hero-of-labour").update(published=False)
    event = models.Event.objects.get(slug="1921-term-hero-of-labour")
    response = chief_editor_client.post(
        admin_url(models.Event, "changelist"),
        {"action": "publish", "_selected_action": [event.pk]},
        follow=True,
    )
    assert [str(message) for message in response.context["messages"]] == [
        "Опубликовано: 1 событие."
    ]
    event.refresh_from_db()
    assert event.published
    assert event.history.filter(published=True).exists()


def test_an_admin_edit_of_citations_is_one_history_entry_with_the_change(seeded, editor_client):
    title = drafted(models.Title.objects.get(slug="hero-of-labour"))
    url = admin_url(models.Title, "change", title.pk)
    page = editor_client.get(url)
    data = change_form_data(page)
    prefix = citation_inline_prefix(page)
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-{total}-citation"] = models.Citation.objects.get(slug="hsl-p2-s1").pk
    data[f"{prefix}-TOTAL_FORMS"] = total + 1
    entries_before = title.history.count()

    response = editor_client.post(url, data)

    assert response.status_code == 302
    assert title.history.count() == entries_before + 1
    latest, previous = title.history.order_by("-history_date", "-history_id")[:2]
    assert [change.field for change in latest.diff_against(previous).changes] == ["citations"]
    assert latest.history_user.username == "test-editor"
    history_page = editor_client.get(admin_url(models.Title, "history", title.pk)).content.decode()
    assert "абзац 2, предложение 1" in history_page


def test_an_admin_save_without_changes_keeps_relations_in_history(seeded, editor_client):
    title = drafted(models.Title.objects.get(slug="hero-of-labour"))
    url = admin_url(models.Title, "change", title.pk)
    response = editor_client.post(url, change_form_data(editor_client.get(url)))
    assert response.status_code == 302
    latest, previous = title.history.order_by("-history_date", "-history_id")[:2]
    assert latest.diff_against(previous).changes == []


@pytest.mark.parametrize("model", [models.Title, models.ImportLog], ids=["title", "importlog"])
def test_a_search_with_a_nul_character_is_refused_with_a_message(seeded, editor_client, model):
    response = editor_client.get(admin_url(model, "changelist"), {"q": "\x00"})
    assert response.status_code == 200
    assert "Данные содержат запрещённый символ: ноль-байт" in page_text(response)


def test_a_nul_character_in_an_autocomplete_is_ignored(seeded, editor_client):
    response = editor_client.get(
        "/admin/autocomplete/",
        {"term": "\x00", "app_label": "awards", "model_name": "title", "field_name": "predecessor"},
    )
    assert "Герой Труда" in {result["text"] for result in response.json()["results"]}


def inline_buttons(response):
    """The "add another" text of each inline, as its script will show it."""
    data = re.findall(r'data-inline-formset="([^"]+)"', response.content.decode())
    return [json.loads(html.unescape(item))["options"]["addText"] for item in data]


def test_inline_buttons_and_headers_are_russian(seeded, editor_client):
    title = models.Title.objects.get(slug="hero-of-labour")

    response = editor_client.get(admin_url(models.Title, "change", title.pk))

    assert set(inline_buttons(response)) == {"Цитата: добавить ещё"}
    headers = re.findall(r'<th class="column-citation[^"]*">\s*([^<]+?)\s*<', response.text)
    assert headers == ["Отрывок"]
    assert "Citation" not in page_text(response) and "CITATION" not in response.text


def test_a_provision_changed_on_its_own_page_gets_one_entry(seeded, editor_client):
    provision = models.Provision.objects.filter(title__slug="hero-of-socialist-labour").first()
    drafted(provision)
    url, data = open_form(editor_client, provision)
    data["value_ru"] = "Новое значение"
    data["change_reason"] = "Сверка с источником"
    before = provision.history.count()

    assert editor_client.post(url, data).status_code == 302

    provision.refresh_from_db()
    assert (provision.value_ru, provision.version) == ("Новое значение", 2)
    assert provision.history.count() == before + 1
    latest = history_entries(provision)[0]
    assert latest.history_change_reason == "Сверка с источником"
    assert latest.history_user.username == "test-editor"
    assert latest.citations.count() == provision.citations.count() > 0


def test_a_citation_row_is_named_by_its_passage_with_its_whole_sentence(seeded, editor_client):
    event = models.Event.objects.get(slug="1921-term-hero-of-labour")

    response = editor_client.get(admin_url(models.Event, "change", event.pk))

    rows = re.findall(r'<td class="original">\s*<p>\s*([^<]+?)\s*<', response.text)
    assert rows == ["абзац 2, предложение 1", "абзац 2, предложение 2"]
    assert "_citations object" not in response.text
    headers = re.findall(r'<th class="column-(\w+)[^"]*">\s*([^<]+?)\s*<', response.text)
    assert headers == [("citation", "Отрывок"), ("quotation", "Текст отрывка")]
    quotations = re.findall(r'<td class="field-quotation">\s*<p>(.*?)</p>', response.text, re.S)
    # The last is the empty row that «add another» copies.
    assert [html.unescape(text) for text in quotations[:-1]] == [
        citation.quote_ru for citation in event.citations.order_by("paragraph", "sentence")
    ]


def test_the_cited_sentences_stand_under_the_records_fields(seeded, editor_client):
    event = models.Event.objects.get(slug="1921-term-hero-of-labour")

    response = editor_client.get(admin_url(models.Event, "change", event.pk))

    box = re.search(r'<div class="cited-sentences">(.*?)</div>', response.text, re.S)[1]
    assert "появился в 1921 году" in html.unescape(box)
    assert "абзац 2, предложение 2 —" in box
    assert "warning" not in box


def test_a_date_none_of_the_cited_sentences_states_is_a_warning_not_a_refusal(
    seeded, editor_client
):
    event = drafted(models.Event.objects.get(slug="1921-term-hero-of-labour"))
    url, data = open_form(editor_client, event)
    data["date_year"] = "1939"

    response = editor_client.post(url, data, follow=True)

    warning = (
        "Ни в одной из цитируемых фраз нет того, что записано в поле «Дата»: «1939». "
        "Проверьте запись или её цитаты."
    )
    messages = {str(message): message.level_tag for message in response.context["messages"]}
    assert messages[warning] == "warning"
    event.refresh_from_db()
    assert event.date.year == 1939
    form = editor_client.get(url)
    assert warning in page_text(form)


def test_a_date_the_cited_sentences_state_brings_no_warning(seeded, editor_client):
    event = drafted(models.Event.objects.get(slug="1921-term-hero-of-labour"))
    url, data = open_form(editor_client, event)

    response = editor_client.post(url, data, follow=True)

    assert [m.level_tag for m in response.context["messages"]] == ["success"]


@pytest.mark.parametrize("model", models.RECORD_MODELS, ids=lambda m: m._meta.model_name)
def test_every_list_shows_the_state_beside_the_name(seeded, editor_client, model):
    draft = model.objects.order_by("pk").first()
    model.objects.filter(pk=draft.pk).update(published=False)

    response = editor_client.get(admin_url(model, "changelist"))

    columns = re.findall(r'<th scope="col" class="(?:sortable )?column-(\w+)', response.text)
    assert columns[1] == "publication_state"
    assert "published" not in columns
    text = page_text(response)
    assert "Состояние" in text and "черновик" in text
