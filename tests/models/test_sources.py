"""Sources and their passages (awards.models.sources): a passage quotes its source, and lists
what cites it."""

import pytest

from awards import models
from tests.support.validation import errors_of

pytestmark = pytest.mark.django_db


def test_citation_must_quote_its_source(make_source, make_citation):
    source = make_source(text="Автор проекта медали - художник А. Поманский.")
    assert "quote_ru" in errors_of(make_citation(source=source, quote_ru="Придуманная фраза"))
    make_citation(source=source, quote_ru="художник   А. Поманский").full_clean()


def test_a_published_passage_of_a_draft_source_is_not_published(make_source, make_citation):
    public = make_citation()
    hidden = make_citation(source=make_source(published=False))
    citations = models.Citation.objects.filter(pk__in=[public.pk, hidden.pk])
    assert list(citations.published()) == [public]


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
