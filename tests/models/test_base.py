"""Nothing published cites nothing: a passage, source or body in use cannot be deleted."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from awards import models


def admin_url(model, view, *args):
    return reverse(f"admin:awards_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def used_citation(make_citation, make_title, make_person):
    citation = make_citation(paragraph=7, sentence=2)
    make_title(name_ru="Звание с цитатой", citations=[citation])
    make_person(name_ru="Человек с цитатой", citations=[citation])
    return citation


def test_deleting_a_used_citation_lists_who_uses_it_and_is_refused(
    seeded, chief_editor_client, used_citation
):
    url = admin_url(models.Citation, "delete", used_citation.pk)

    page = chief_editor_client.get(url)
    chief_editor_client.post(url, {"post": "yes"})

    assert "Звание: " in page.text and "Звание с цитатой" in page.text
    assert "Человек: " in page.text and "Человек с цитатой" in page.text
    assert 'name="post"' not in page.text
    assert models.Citation.objects.filter(pk=used_citation.pk).exists()


def test_bulk_deletion_of_citations_is_refused_while_one_is_used(
    seeded, chief_editor_client, used_citation, make_citation
):
    unused = make_citation()
    selection = {"action": "delete_selected", "_selected_action": [used_citation.pk, unused.pk]}

    page = chief_editor_client.post(admin_url(models.Citation, "changelist"), selection)
    chief_editor_client.post(admin_url(models.Citation, "changelist"), {**selection, "post": "yes"})

    assert "Звание с цитатой" in page.text
    assert "Человек с цитатой" in page.text
    assert models.Citation.objects.filter(pk__in=[used_citation.pk, unused.pk]).count() == 2


def test_a_citation_nothing_cites_is_deleted(seeded, chief_editor_client, make_citation):
    unused = make_citation()

    chief_editor_client.post(admin_url(models.Citation, "delete", unused.pk), {"post": "yes"})

    assert not models.Citation.objects.filter(pk=unused.pk).exists()


def test_a_used_citation_cannot_be_deleted_below_the_admin(seeded, used_citation):
    with pytest.raises(ProtectedError) as refused:
        used_citation.delete()
    with pytest.raises(ProtectedError):
        models.Citation.objects.filter(pk=used_citation.pk).delete()

    assert {str(record) for record in refused.value.protected_objects} == {
        "Звание с цитатой",
        "Человек с цитатой",
    }
    assert "Звание с цитатой" in str(refused.value)


def test_deleting_a_source_with_passages_is_refused_with_them_named(
    seeded, chief_editor_client, used_citation
):
    source = used_citation.source
    url = admin_url(models.Source, "delete", source.pk)

    page = chief_editor_client.get(url)
    chief_editor_client.post(url, {"post": "yes"})

    assert str(used_citation) in page.text
    assert models.Source.objects.filter(pk=source.pk).exists()
    with pytest.raises(ProtectedError):
        source.delete()


def test_deleting_a_body_that_issued_acts_is_refused_with_them_named(
    seeded, chief_editor_client, make_authority, make_decree, make_title
):
    body = make_authority(name_ru="Президиум")
    decree = make_decree(name_ru="Указ о звании")
    decree.authorities.add(body)
    make_title(name_ru="Звание, что он присваивал").conferred_by.add(body)

    page = chief_editor_client.get(admin_url(models.Authority, "delete", body.pk))

    assert "Указ о звании" in page.text
    assert "Звание, что он присваивал" in page.text
    with pytest.raises(ProtectedError):
        models.Authority.objects.filter(pk=body.pk).delete()
    assert decree.authorities.get() == body
