"""What every record shares (awards.models.base): slugs, addresses, drafts, the years of the
history, and deletion refused while a record is in use."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from awards import models
from awards.core.dates import PartialDate
from tests.support.admin_pages import admin_url, page_text, post_decree
from tests.support.validation import errors_of


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


def test_slug_is_unique(make_title):
    make_title(slug="hero")
    duplicate = models.Title(slug="hero", name_ru="Другое звание")
    assert "slug" in errors_of(duplicate)


def test_records_know_their_public_address(make_title, make_decree, make_person):
    assert make_title(slug="hero").get_absolute_url() == "/titles/hero/"
    assert make_decree(slug="d-1927").get_absolute_url() == "/decrees/d-1927/"
    assert make_person(slug="pomansky").get_absolute_url() == "/people/pomansky/"


def test_published_leaves_drafts_out(make_title):
    make_title(slug="public", published=True)
    make_title(slug="draft", published=False)
    titles = models.Title.objects.filter(slug__in=["public", "draft"])
    assert [t.slug for t in titles.published()] == ["public"]


def test_saving_bumps_updated_at(make_title):
    title = make_title()
    before = title.updated_at
    title.save()
    assert title.updated_at > before
