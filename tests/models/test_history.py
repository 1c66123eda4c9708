import pytest
from django.core.exceptions import ValidationError

from awards import models
from awards.core.dates import PartialDate

pytestmark = pytest.mark.django_db


def errors_of(record) -> dict:
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    return error.value.message_dict


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


def test_provision_cannot_end_before_it_starts(make_provision):
    provision = make_provision(start=PartialDate(1973, 5, 14), end=PartialDate(1940))
    assert "end" in errors_of(provision)


def test_provision_set_by_an_act_dated_outside_the_life_of_its_title(
    make_title, make_decree, make_provision
):
    title = make_title(established_on=PartialDate(1938, 12, 27), abolished_on=PartialDate(1991))
    decree = make_decree(date=PartialDate(1995, 1, 1))
    provision = make_provision(title=title, start_decree=decree)
    message = errors_of(provision)["start_decree"][0]
    assert "вне срока существования звания" in message
    assert "1 января 1995 г." in message


def test_provision_act_and_start_date_must_agree(make_decree, make_provision):
    decree = make_decree(date=PartialDate(1940, 5, 22))
    provision = make_provision(start=PartialDate(1941), start_decree=decree)
    assert "start_decree" in errors_of(provision)


def test_provision_start_known_to_the_year_agrees_with_an_act_in_that_year(
    make_decree, make_provision
):
    decree = make_decree(date=PartialDate(1940, 5, 22))
    make_provision(start=PartialDate(1940), start_decree=decree).full_clean()


def test_citation_must_quote_its_source(make_source, make_citation):
    source = make_source(text="Автор проекта медали - художник А. Поманский.")
    assert "quote_ru" in errors_of(make_citation(source=source, quote_ru="Придуманная фраза"))
    make_citation(source=source, quote_ru="художник   А. Поманский").full_clean()


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


def test_text_fields_follow_the_active_language_with_russian_fallback(make_title):
    from django.utils import translation

    title = make_title(name_ru="Герой Труда", name_en="Hero of Labour")
    untranslated = make_title(name_ru="Только по-русски")
    with translation.override("en"):
        assert str(title) == "Hero of Labour"
        assert str(untranslated) == "Только по-русски"
    with translation.override("ru"):
        assert str(title) == "Герой Труда"


def test_every_change_is_kept_in_history(make_title):
    title = make_title(name_ru="Герой Труда")
    title.name_ru = "Герой Труда (1927)"
    title.save()
    latest, previous = title.history.order_by("-history_date", "-history_id")[:2]
    assert (previous.name_ru, latest.name_ru) == ("Герой Труда", "Герой Труда (1927)")
    assert latest.history_type == "~"
    assert [change.field for change in latest.diff_against(previous).changes] == ["name_ru"]


def test_a_change_of_citations_is_kept_in_history(make_title, make_citation):
    title = make_title()
    first, second = make_citation(slug="first"), make_citation(slug="second")
    title.citations.set([first])
    title.citations.add(second)
    latest, previous = title.history.order_by("-history_date", "-history_id")[:2]
    change = latest.diff_against(previous).changes
    assert [item.field for item in change] == ["citations"]
    assert [link["citation"] for link in change[0].old] == [first.pk]
    assert sorted(link["citation"] for link in change[0].new) == [first.pk, second.pk]


def test_saving_bumps_updated_at(make_title):
    title = make_title()
    before = title.updated_at
    title.save()
    assert title.updated_at > before


def test_a_published_provision_of_a_draft_title_is_not_published(make_title, make_provision):
    public = make_provision(title=make_title())
    hidden = make_provision(title=make_title(published=False))
    provisions = models.Provision.objects.filter(pk__in=[public.pk, hidden.pk])
    assert list(provisions.published()) == [public]


def test_a_published_passage_of_a_draft_source_is_not_published(make_source, make_citation):
    public = make_citation()
    hidden = make_citation(source=make_source(published=False))
    citations = models.Citation.objects.filter(pk__in=[public.pk, hidden.pk])
    assert list(citations.published()) == [public]


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


def test_a_citation_lists_the_published_records_citing_it_by_kind(
    make_title, make_decree, make_citation
):
    citation = make_citation()
    title = make_title(citations=[citation])
    make_title(citations=[citation], published=False)
    decree = make_decree(citations=[citation])
    fetched = models.Citation.objects.for_detail().get(pk=citation.pk)
    assert fetched.cited_by() == [
        (models.Title._meta.verbose_name_plural, [title]),
        (models.Decree._meta.verbose_name_plural, [decree]),
    ]
