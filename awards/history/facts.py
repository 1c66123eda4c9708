"""Facts about one title gathered from its relations: its acts, what an award included,
and whether the source only mentions it."""

from __future__ import annotations

from dataclasses import dataclass

from awards.models import Decree, Event, Medal, Provision, Title

# What a recipient was handed: the aspects of a provision that describe the award itself.
AWARD_CONTENTS = (
    Provision.Aspect.CERTIFICATE,
    Provision.Aspect.ORDER_OF_LENIN,
    Provision.Aspect.GOLD_MEDAL,
)


@dataclass(frozen=True)
class TitleFacts:
    title: Title
    insignia: list[Medal]
    award_contents: list[Provision]
    abolition_events: list[Event]
    mentioned_only: bool = False
    compared_with: tuple[Title, ...] = ()


def title_decrees(*, title: Title) -> list[Decree]:
    """The acts that established or abolished the title or set or ended its provisions.

    The title comes from ``Title.objects.for_detail()``.
    """
    decrees = [title.established_by, title.abolished_by]
    for provision in title.provisions.all():
        decrees += [provision.start_decree, provision.end_decree]
    unique = {decree.pk: decree for decree in decrees if decree is not None}
    return sorted(unique.values(), key=lambda decree: (decree.date, decree.slug))


def mentioned_only(*, title: Title) -> bool:
    """Whether the source only mentions the title: it neither dates its establishment or
    abolition nor names an act that did either (the source is about another title)."""
    return not (
        title.established_date
        or title.abolished_date
        or title.established_by_id
        or title.abolished_by_id
    )


def compared_titles(*, title: Title) -> tuple[Title, ...]:
    """The titles the source compares this one with: published titles it does date that
    are cited by the same passages."""
    return tuple(
        Title.objects.published()
        .filter(citations__in=title.citations.all(), established_on__isnull=False)
        .exclude(pk=title.pk)
        .distinct()
        .order_by("established_on", "slug")
    )


def title_facts(*, title: Title) -> TitleFacts:
    """The fact box of a title: its insignia, what an award included, how it ended, and,
    for a title the source only mentions, the titles it is compared with.

    The events of its abolition are those of the title dated within its dated abolition;
    a title whose abolition the source does not date has none.
    """
    only_mentioned = mentioned_only(title=title)
    abolition_events = []
    if abolished := title.abolished_date:
        abolition_events = [
            event
            for event in title.events.all()
            if event.date.earliest() >= abolished.earliest()
            and event.date.latest() <= abolished.latest()
        ]
    return TitleFacts(
        title=title,
        insignia=list(title.medals.all()),
        award_contents=sorted(
            (p for p in title.provisions.all() if p.aspect in AWARD_CONTENTS),
            key=lambda provision: (
                AWARD_CONTENTS.index(provision.aspect),
                provision.start.isoformat() if provision.start else "",
            ),
        ),
        abolition_events=abolition_events,
        mentioned_only=only_mentioned,
        compared_with=compared_titles(title=title) if only_mentioned else (),
    )
