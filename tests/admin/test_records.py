"""The declarations of each kind of record in the admin (awards.admin.records): the citation
picker of a provision, the import log."""

import html
import re

import pytest

from awards import models
from tests.support.admin_imports import upload
from tests.support.admin_pages import admin_url, page_text


def inline_formsets(response):
    return response.context["inline_admin_formsets"]


def page_text_of(fragment):
    """The visible text of a piece of a page."""
    return " ".join(re.sub(r"<[^>]+>", "", html.unescape(fragment)).split())


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
    assert all(label.startswith("абзац 5, предложение ") for label in labels)


def test_the_picker_finds_a_passage_by_paragraph_and_sentence(seeded, editor_client):
    labels = pick_citation(editor_client, "абзац 6, предложение 2")

    assert labels
    assert all(label.startswith("абзац 6, предложение 2: «") for label in labels)


def test_the_picker_finds_a_passage_by_the_whole_label_it_shows(seeded, editor_client):
    citation = models.Citation.objects.get(slug="hsl-p5-s1")

    assert pick_citation(editor_client, citation.label()) == [citation.label()]


def test_the_pickers_passages_differ_by_place_and_the_start_of_their_sentence(
    seeded, editor_client
):
    labels = pick_citation(editor_client, "Звание Героя Социалистического Труда")
    citation = models.Citation.objects.get(slug="hsl-p5-s1")

    assert len(labels) == len(set(labels)) > 3
    assert "абзац 5, предложение 1: «Указом Президиума Верховного Совета СССР от 14 мая…» — " in {
        label.split("Звание")[0] for label in labels
    }
    assert citation.label().endswith(f" — {citation.source}")


def test_the_import_log_names_the_kind_of_record_in_russian(no_records, editor_client):
    models.ImportLog.objects.create(
        model_name="title",
        file_name="titles.csv",
        file_format="csv",
        origin="admin",
        status="imported",
    )

    page = editor_client.get("/admin/awards/importlog/").text

    rows = re.search(r"<tbody>(.*)</tbody>", page, re.S).group(1)
    assert "звание" in rows
    assert ">title<" not in rows
    assert "звание" in editor_client.get("/admin/awards/importlog/?model_name=title").text


def test_the_import_log_is_readable_in_the_admin(editor_client, editor, citation):
    upload(editor_client, b"slug,name_ru,citations\nivanov,X,zz\n", name="broken.csv")

    response = editor_client.get("/admin/awards/importlog/")

    assert response.status_code == 200
    assert "broken.csv" in response.text
    log = models.ImportLog.objects.get()
    detail = editor_client.get(f"/admin/awards/importlog/{log.pk}/change/")
    assert detail.status_code == 200
    assert re.search(r"zz", detail.text)
    assert editor_client.get("/admin/awards/importlog/add/").status_code == 403


def test_the_title_form_lists_its_provisions_a_line_each(seeded, editor_client):
    title = models.Title.objects.get(slug="hero-of-socialist-labour")
    provisions = list(title.provisions.all())

    response = editor_client.get(admin_url(models.Title, "change", title.pk))

    assert not any("provision" in inline.formset.prefix for inline in inline_formsets(response))
    items = re.findall(r'<li class="provision-list__item">(.*?)</li>', response.text, re.S)
    assert len(items) == len(provisions) > 10
    for provision in provisions:
        link = f'<a href="{admin_url(models.Provision, "change", provision.pk)}">'
        assert sum(link in item for item in items) == 1
    gold = next(p for p in provisions if p.aspect == "gold_medal")
    line = page_text_of(
        next(i for i in items if admin_url(models.Provision, "change", gold.pk) in i)
    )
    assert line.startswith(f"Золотая медаль: {gold.value_ru} (с 22 мая 1940 г., введено: ")
    add = f'href="{admin_url(models.Provision, "add")}?title={title.pk}"'
    assert add in response.text


def test_a_provision_added_from_its_title_starts_with_that_title(seeded, editor_client):
    title = models.Title.objects.get(slug="hero-of-socialist-labour")

    response = editor_client.get(admin_url(models.Provision, "add"), {"title": title.pk})

    assert response.context["adminform"].form.initial["title"] == str(title.pk)


@pytest.mark.parametrize("model", [models.Title, models.Provision, models.Authority])
def test_the_forms_speak_plain_russian(seeded, editor_client, model):
    record = model.objects.order_by("pk").first()

    text = page_text(editor_client.get(admin_url(model, "change", record.pk)))

    for jargon in ("Слаг", "слаг", "Ключ сравнения", "Сторона", ": основание"):
        assert jargon not in text
    assert "Адрес страницы:" in text
    assert "Последняя часть адреса страницы записи на сайте" in text


def test_a_provisions_form_names_its_fields_by_what_they_hold(seeded, editor_client):
    provision = models.Provision.objects.order_by("pk").first()

    text = page_text(editor_client.get(admin_url(models.Provision, "change", provision.pk)))

    for label in ("О чём положение:", "Правило", "Краткий ответ для сравнения:"):
        assert label in text
    assert "Начало: на чём основано:" in text and "Окончание: на чём основано:" in text
    assert "по которому сайт сравнивает звания и даты" in text


def test_the_import_log_shows_its_status_second_and_its_counts_named(no_records, editor_client):
    models.ImportLog.objects.create(
        model_name="title",
        file_name="titles.csv",
        file_format="csv",
        origin="admin",
        status="imported",
        dry_run=True,
        new_count=1,
        updated_count=3,
    )

    page = editor_client.get("/admin/awards/importlog/").text

    columns = re.findall(r'<th scope="col" class="(?:sortable )?column-(\w+)', page)
    assert columns[:2] == ["created_at", "status"]
    assert len(columns) == 7
    outcome = re.search(r'<td data-label="Итог" class="field-outcome">([^<]*)</td>', page)[1]
    assert outcome == "только проверка; новых: 1, изменено: 3, без изменений: 0, с ошибками: 0"


def test_each_cell_of_a_list_is_named_by_its_column_for_the_phones_cards(seeded, editor_client):
    page = editor_client.get(admin_url(models.Title, "changelist")).text

    assert '<td data-label="Дата учреждения" class="field-established_on_display">' in page
    assert '<td data-label="Состояние" class="field-publication_state">' in page
    assert '<td class="action-checkbox">' in page


def test_fields_the_models_leave_unexplained_say_what_they_are_for(seeded, editor_client):
    title = models.Title.objects.get(slug="hero-of-socialist-labour")
    decree = models.Decree.objects.order_by("pk").first()

    title_form = page_text(editor_client.get(admin_url(models.Title, "change", title.pk)))
    decree_form = page_text(editor_client.get(admin_url(models.Decree, "change", decree.pk)))

    assert "Звание, на смену которому пришло это, — только если так сказано" in title_form
    assert "Органы власти, которые присваивали звание." in title_form
    # A translated field's columns both take its help.
    assert decree_form.count("Что постановил акт, в одном-двух предложениях") == 2
