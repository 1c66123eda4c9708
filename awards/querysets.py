"""What the public pages fetch: published records with their published relations.

Every relation goes through a ``Prefetch`` over a published queryset, so a draft never
reaches a public page through a record that links to it: a foreign key to a draft reads
as ``None`` and a many-to-many relation leaves the draft out. The number of queries of
each function is fixed, whatever the number of records.
"""

from django.db.models import Prefetch, QuerySet

from awards.models import (
    Authority,
    Citation,
    Decree,
    Event,
    Medal,
    Person,
    Provision,
    Source,
    Title,
)


def published_citations() -> QuerySet:
    """Published passages of published sources, with their source."""
    return Citation.objects.published().filter(source__published=True).select_related("source")


def published_provisions() -> QuerySet:
    """Published provisions of published titles, ordered by aspect and start."""
    return Provision.objects.published().filter(title__published=True).order_by("aspect", "start")


def _published(lookup: str, queryset: QuerySet) -> Prefetch:
    return Prefetch(lookup, queryset=queryset)


def _citations(prefix: str = "") -> Prefetch:
    return _published(f"{prefix}citations", published_citations())


def _provision_links(prefix: str) -> list[Prefetch]:
    """The acts and events that set and ended provisions, found under ``prefix``."""
    return [
        _published(f"{prefix}start_decree", Decree.objects.published()),
        _published(f"{prefix}end_decree", Decree.objects.published()),
        _published(f"{prefix}start_event", Event.objects.published()),
        _published(f"{prefix}end_event", Event.objects.published()),
    ]


def _medals_with_designers() -> Prefetch:
    return _published(
        "medals",
        Medal.objects.published().prefetch_related(
            _published("designer", Person.objects.published())
        ),
    )


def _title_provisions() -> list[Prefetch]:
    """A title's provisions with the acts and events that set them, and their citations."""
    return [
        _published("provisions", published_provisions()),
        *_provision_links("provisions__"),
        _citations("provisions__"),
    ]


def titles_for_list() -> QuerySet:
    return Title.objects.published().prefetch_related(
        _published("established_by", Decree.objects.published()),
        _published("medals", Medal.objects.published()),
    )


def titles_for_choice() -> QuerySet:
    """The titles a visitor may pick in a form, in the order they were established."""
    return Title.objects.published().order_by("established_on", "name_ru")


def titles_for_detail() -> QuerySet:
    return Title.objects.published().prefetch_related(
        _published("established_by", Decree.objects.published()),
        _published("abolished_by", Decree.objects.published()),
        _published("predecessor", Title.objects.published()),
        _published("successors", Title.objects.published()),
        _published("conferred_by", Authority.objects.published()),
        _medals_with_designers(),
        _published("events", Event.objects.published()),
        *_title_provisions(),
        _citations(),
    )


def titles_for_comparison() -> QuerySet:
    """Titles with their provisions (and what set them), insignia and citations."""
    return Title.objects.published().prefetch_related(
        _published("established_by", Decree.objects.published()),
        _published("abolished_by", Decree.objects.published()),
        _published("medals", Medal.objects.published()),
        *_title_provisions(),
        _citations(),
    )


def titles_for_fact_box() -> QuerySet:
    return Title.objects.published().prefetch_related(
        _published("established_by", Decree.objects.published()),
        _published("abolished_by", Decree.objects.published()),
        _medals_with_designers(),
        _published("events", Event.objects.published()),
        *_title_provisions(),
        _citations(),
    )


def titles_for_timeline() -> QuerySet:
    """Titles with a date of establishment: each gives a period of the history."""
    return (
        Title.objects.published()
        .filter(established_on__isnull=False)
        .prefetch_related(_published("successors", Title.objects.published()))
    )


def decrees_for_detail() -> QuerySet:
    return Decree.objects.published().prefetch_related(
        _published("authorities", Authority.objects.published()),
        _published("titles_established", Title.objects.published()),
        _published("titles_abolished", Title.objects.published()),
        _published("medals_established", Medal.objects.published()),
        _published("provisions_started", published_provisions().select_related("title")),
        _published("provisions_ended", published_provisions().select_related("title")),
        _published("events", Event.objects.published()),
        _citations(),
    )


def decrees_for_history() -> QuerySet:
    return Decree.objects.published().prefetch_related(
        _published("authorities", Authority.objects.published()),
        _published("titles_established", Title.objects.published()),
        _published("titles_abolished", Title.objects.published()),
        _published("medals_established", Medal.objects.published()),
        _citations(),
    )


def events_for_detail() -> QuerySet:
    return Event.objects.published().prefetch_related(
        _published("titles", Title.objects.published()),
        _published("decrees", Decree.objects.published()),
        _published("medals", Medal.objects.published()),
        _published("provisions_started", published_provisions().select_related("title")),
        _published("provisions_ended", published_provisions().select_related("title")),
        _citations(),
    )


def events_for_history() -> QuerySet:
    return Event.objects.published().prefetch_related(
        _published("titles", Title.objects.published()),
        _published("decrees", Decree.objects.published()),
        _published("medals", Medal.objects.published()),
        _citations(),
    )


def medals_for_detail() -> QuerySet:
    return Medal.objects.published().prefetch_related(
        _published("established_by", Decree.objects.published()),
        _published("designer", Person.objects.published()),
        _published("titles", Title.objects.published()),
        _published("events", Event.objects.published()),
        _citations(),
    )


def authorities_for_detail() -> QuerySet:
    return Authority.objects.published().prefetch_related(
        _published("parent", Authority.objects.published()),
        _published("bodies", Authority.objects.published()),
        _published("decrees", Decree.objects.published()),
        _published("titles_conferred", Title.objects.published()),
        _citations(),
    )


def people_for_detail() -> QuerySet:
    return Person.objects.published().prefetch_related(
        _published("medals_designed", Medal.objects.published()),
        _citations(),
    )


def provisions_for_detail() -> QuerySet:
    return (
        Provision.objects.published()
        .filter(title__published=True)
        .select_related("title")
        .prefetch_related(*_provision_links(""), _citations())
    )


def sources_for_detail() -> QuerySet:
    return Source.objects.published().prefetch_related(
        _published("citations", Citation.objects.published())
    )


# The records that cite a passage, each kind under its reverse name on Citation.
CITING_RELATIONS = {
    "cited_by_title": Title,
    "cited_by_decree": Decree,
    "cited_by_medal": Medal,
    "cited_by_event": Event,
    "cited_by_authority": Authority,
    "cited_by_person": Person,
    "cited_by_provision": Provision,
}


def citations_for_detail() -> QuerySet:
    return published_citations().prefetch_related(
        *(
            _published(
                relation,
                (
                    published_provisions().select_related("title")
                    if model is Provision
                    else model.objects.published()
                ),
            )
            for relation, model in CITING_RELATIONS.items()
        )
    )
