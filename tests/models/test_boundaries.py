"""Every boundary has a basis (awards.models.boundaries): editors choose it, validation refuses
one without what it needs, and a second source fills a gap with its own citations, named on
the pages."""

import re

import pytest
from django.core.exceptions import ValidationError

from awards import models
from awards.core.dates import PartialDate
from tests.support.admin_pages import admin_url, change_form_data, form_data, page_text
from tests.support.html_facts import unsourced_facts

pytestmark = pytest.mark.django_db


def _errors(record) -> dict:
    with pytest.raises(ValidationError) as raised:
        record.clean()
    return raised.value.message_dict


def test_a_dated_boundary_needs_its_date():
    provision = models.Provision(start_basis="dated", end_basis="unknown")
    assert "start" in _errors(provision)


def test_the_title_s_life_needs_the_passage_that_says_so(make_citation):
    provision = models.Provision(start_basis="title_life", end_basis="unknown")
    assert "start_citation" in _errors(provision)
    provision.start_citation = make_citation()
    provision.clean()


def test_the_title_s_life_takes_no_date_of_its_own(make_citation):
    provision = models.Provision(
        start_basis="title_life", start_citation=make_citation(), start=PartialDate(1940)
    )
    assert "start_basis" in _errors(provision)


def test_an_unknown_boundary_holds_no_date():
    title = models.Title(established_basis="unknown", established_on=PartialDate(1927))
    assert "established_basis" in _errors(title)


def test_a_title_s_own_boundary_is_not_its_life():
    title = models.Title(established_basis="title_life")
    assert "established_basis" in _errors(title)


def test_a_boundary_nobody_stated_is_dated_with_a_date_and_unknown_without():
    title = models.Title(established_on=PartialDate(1927, 7, 27))
    title.clean()
    assert (title.established_basis, title.abolished_basis) == ("dated", "unknown")


def test_the_admin_makes_the_editor_choose_each_basis(seeded, editor_client):
    html = editor_client.get(admin_url(models.Title, "add")).content.decode()
    for name in ("established_basis", "abolished_basis"):
        select = re.search(rf'<select name="{name}".*?</select>', html, flags=re.S).group(0)
        assert '<option value="" selected>' in select


def test_the_admin_refuses_the_title_s_life_without_its_passage(seeded, editor_client):
    provision = models.Provision.objects.get(slug="hero-of-labour-eligibility")
    url = admin_url(models.Provision, "change", provision.pk)
    data = change_form_data(editor_client.get(url))
    data.update(
        start_basis="title_life",
        start_year="",
        start_month="",
        start_day="",
        start_decree="",
        start_citation="",
    )
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Укажите отрывок" in page_text(response), response.context["adminform"].form.errors
    provision.refresh_from_db()
    assert provision.start_basis == "dated"


def test_a_second_source_fills_a_gap_and_pages_name_it(seeded, chief_editor_client, client):
    page = chief_editor_client.get(admin_url(models.Source, "add"))
    response = chief_editor_client.post(
        admin_url(models.Source, "add"),
        form_data(
            page,
            slug="encyclopaedia",
            name_ru="Энциклопедия наград",
            name_en="Encyclopaedia of awards",
            language="ru",
            text="Звание Герой Труда присваивалось до 1938 года.",
            published="on",
        ),
    )
    assert response.status_code == 302, page_text(response)
    source = models.Source.objects.get(slug="encyclopaedia")
    page = chief_editor_client.get(admin_url(models.Citation, "add"))
    response = chief_editor_client.post(
        admin_url(models.Citation, "add"),
        form_data(
            page,
            slug="encyclopaedia-1",
            source=str(source.pk),
            paragraph="1",
            sentence="1",
            quote_ru="Звание Герой Труда присваивалось до 1938 года.",
            published="on",
        ),
    )
    assert response.status_code == 302, page_text(response)
    citation = models.Citation.objects.get(slug="encyclopaedia-1")
    provision = models.Provision.objects.get(slug="hero-of-labour-conferred-by")
    provision.citations.add(citation)

    response = client.get("/en/titles/hero-of-labour/")
    html = response.content.decode()
    # The note at the foot of the page names the source and the place of the passage.
    assert re.search(r"Encyclopaedia of awards\s*,\s*paragraph 1, sentence 1", page_text(response))
    names = {"Encyclopaedia of awards", "The title of Hero of Socialist Labour: reference text"}
    assert unsourced_facts(html, source_names=names) == []
    assert "Энциклопедия наград" in client.get("/citations/encyclopaedia-1/").content.decode()
