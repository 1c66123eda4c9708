"""The declarations of each kind of record in the admin (awards.admin.records): the citation
picker of a provision, the import log."""

import re

from awards import models
from tests.support.admin_imports import upload


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
