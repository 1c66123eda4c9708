"""The titles, acts, insignia and events (awards.models.history): the validation of their own
fields and what their QuerySets leave out."""

import pytest

from awards import models
from awards.core.dates import PartialDate
from tests.support.admin_pages import page_text, post_title
from tests.support.validation import errors_of

pytestmark = pytest.mark.django_db


def test_title_cannot_be_abolished_before_it_was_established(make_title):
    title = make_title(established_on=PartialDate(1938, 12, 27), abolished_on=PartialDate(1930))
    assert "abolished_on" in errors_of(title)


def test_title_abolished_in_its_year_of_establishment_is_allowed(make_title):
    title = make_title(established_on=PartialDate(1938, 12, 27), abolished_on=PartialDate(1938))
    title.full_clean()


def test_establishing_act_must_be_dated_on_the_date_of_establishment(make_title, make_decree):
    decree = make_decree(date=PartialDate(1927, 7, 27))
    title = make_title(established_on=PartialDate(1938, 12, 27), established_by=decree)
    assert "27 июля 1927 г." in errors_of(title)["established_by"][0]


def test_published_relations_leave_out_what_only_a_draft_makes_public(
    make_title, make_provision, make_source, make_citation
):
    hidden_source = make_source(published=False)
    title = make_title(
        citations=[make_citation(slug="open-passage"), make_citation(source=hidden_source)]
    )
    make_provision(title=title, slug="open-provision")
    make_provision(title=title, slug="draft-provision", published=False)
    fetched = models.Title.objects.for_detail().get(pk=title.pk)
    assert [citation.slug for citation in fetched.citations.all()] == ["open-passage"]
    assert [provision.slug for provision in fetched.provisions.all()] == ["open-provision"]


def test_abolition_before_establishment_is_refused_with_a_message(seeded, editor_client):
    response = post_title(
        editor_client,
        established_on_year="1938",
        established_on_month="12",
        established_on_day="27",
        abolished_on_year="1930",
    )
    assert "Звание не может быть упразднено раньше, чем учреждено." in page_text(response)
    assert not models.Title.objects.filter(slug="new-title").exists()
