"""Facts about one title gathered from its relations: its acts, what an award included."""

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


def title_decrees(*, title: Title) -> list[Decree]:
    """The acts that established or abolished the title or set or ended its provisions.

    The title comes from ``Title.objects.for_detail()``.
    """
    decrees = [title.established_by, title.abolished_by]
    for provision in title.provisions.all():
        decrees += [provision.start_decree, provision.end_decree]
    unique = {decree.pk: decree for decree in decrees if decree is not None}
    return sorted(unique.values(), key=lambda decree: (decree.date, decree.slug))


def title_facts(*, title: Title) -> TitleFacts:
    """The facts of a title's page: its insignia, what an award included, how it ended.

    The events of its abolition are those of the title dated within its dated abolition;
    a title whose abolition the source does not date has none.
    """
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
    )
