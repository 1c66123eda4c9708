"""Titles compared with each other, and one title compared with itself at several dates.

Provisions of the same aspect with the same ``value_key`` are the same rule. Two titles
share an aspect when the sets of keys of their provisions are equal over their whole
lives; they differ when both have provisions of the aspect with other keys; when only
one title has a provision of the aspect, the sources are silent about the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from awards.core.dates import PartialDate
from awards.history.rules import (
    Answer,
    ProvisionOnDate,
    Status,
    aspect_label,
    aspect_position,
    group_by_aspect_on_date,
    provisions_on,
    title_existence,
)
from awards.models import Citation, Medal, Provision, Title


class Verdict(StrEnum):
    SHARED = "shared"
    DIFFERENT = "different"
    ONLY_FIRST = "only_first"
    ONLY_SECOND = "only_second"


@dataclass(frozen=True)
class AspectComparison:
    aspect: str
    label: str
    first: list[Provision]
    second: list[Provision]
    verdict: Verdict


@dataclass(frozen=True)
class MedalComparison:
    medal: Medal
    verdict: Verdict


@dataclass(frozen=True)
class TitleComparison:
    first: Title
    second: Title
    aspects: list[AspectComparison]
    medals: list[MedalComparison]
    common_citations: list[Citation]

    @property
    def shared(self) -> list[AspectComparison]:
        return [row for row in self.aspects if row.verdict is Verdict.SHARED]

    @property
    def different(self) -> list[AspectComparison]:
        return [row for row in self.aspects if row.verdict is Verdict.DIFFERENT]

    @property
    def one_sided(self) -> list[AspectComparison]:
        """The aspects the sources state for one of the titles only."""
        return [
            row for row in self.aspects if row.verdict in (Verdict.ONLY_FIRST, Verdict.ONLY_SECOND)
        ]


def group_by_aspect(provisions: list[Provision]) -> dict[str, list[Provision]]:
    """Provisions by aspect, aspects in the order of ``Provision.Aspect``."""
    groups: dict[str, list[Provision]] = {}
    for provision in sorted(
        provisions,
        key=lambda p: (
            aspect_position(p.aspect),
            p.start.isoformat() if p.start else "",
        ),
    ):
        groups.setdefault(provision.aspect, []).append(provision)
    return groups


def _verdict(first: set, second: set) -> Verdict:
    if first == second:
        return Verdict.SHARED
    if not second:
        return Verdict.ONLY_FIRST
    if not first:
        return Verdict.ONLY_SECOND
    return Verdict.DIFFERENT


def compare_titles(*, first: Title, second: Title) -> TitleComparison:
    """Each aspect of two titles side by side, marked shared, different or stated for one.

    Insignia are compared the same way, and every passage that speaks of both titles (one
    that the records of each cite, the titles' own or their provisions') is kept, in the
    order of the source. The titles come from
    ``Title.objects.for_comparison()``, which prefetches their published provisions,
    insignia and citations.
    """
    first_groups = group_by_aspect(list(first.provisions.all()))
    second_groups = group_by_aspect(list(second.provisions.all()))
    aspects = sorted({*first_groups, *second_groups}, key=aspect_position)
    rows = [
        AspectComparison(
            aspect=aspect,
            label=aspect_label(aspect),
            first=first_groups.get(aspect, []),
            second=second_groups.get(aspect, []),
            verdict=_verdict(
                {p.value_key for p in first_groups.get(aspect, [])},
                {p.value_key for p in second_groups.get(aspect, [])},
            ),
        )
        for aspect in aspects
    ]
    first_medals = {medal.pk: medal for medal in first.medals.all()}
    second_medals = {medal.pk: medal for medal in second.medals.all()}
    medals = [
        MedalComparison(
            medal=medal,
            verdict=_verdict({pk} & first_medals.keys(), {pk} & second_medals.keys()),
        )
        for pk, medal in {**first_medals, **second_medals}.items()
    ]
    first_citations = _citations_of(first)
    second_citations = _citations_of(second)
    return TitleComparison(
        first=first,
        second=second,
        aspects=rows,
        medals=medals,
        common_citations=sorted(
            (citation for pk, citation in first_citations.items() if pk in second_citations),
            key=lambda citation: (citation.source_id, citation.paragraph, citation.sentence),
        ),
    )


def _citations_of(title: Title) -> dict[int, Citation]:
    """The passages cited by the title and by its provisions, by primary key."""
    citations = {citation.pk: citation for citation in title.citations.all()}
    for provision in title.provisions.all():
        citations |= {citation.pk: citation for citation in provision.citations.all()}
    return citations


@dataclass(frozen=True)
class Cell:
    """The provisions of one aspect in force (or possibly in force) on one date."""

    rules: list[ProvisionOnDate]
    changed: bool

    @property
    def uncertain(self) -> bool:
        return any(rule.status is Status.UNCERTAIN for rule in self.rules)


@dataclass(frozen=True)
class AspectOverDates:
    aspect: str
    label: str
    cells: list[Cell]

    @property
    def changed(self) -> bool:
        return any(cell.changed for cell in self.cells)


@dataclass(frozen=True)
class DateColumn:
    date: PartialDate
    existence: Answer

    @property
    def title_existed(self) -> bool:
        """False only when the title's dates put the date outside its life."""
        return self.existence.status is not Status.NOT_IN_FORCE


@dataclass(frozen=True)
class TitleOverDates:
    title: Title
    columns: list[DateColumn]
    aspects: list[AspectOverDates]


def _cell_signature(rules: list[ProvisionOnDate]) -> frozenset:
    return frozenset((rule.provision.value_key, rule.status) for rule in rules)


def compare_dates(
    *, title: Title, provisions: list[Provision], dates: list[PartialDate]
) -> TitleOverDates:
    """Each aspect of the title on each date; a cell is marked changed when its rules
    (or their certainty) differ from those of the previous date.
    """
    dates = sorted(set(dates))
    on_dates = [
        group_by_aspect_on_date(provisions_on(title=title, provisions=provisions, on=date))
        for date in dates
    ]
    aspects = sorted({aspect for groups in on_dates for aspect in groups}, key=aspect_position)
    rows = []
    for aspect in aspects:
        cells = []
        previous = None
        for groups in on_dates:
            rules = groups.get(aspect, [])
            signature = _cell_signature(rules)
            cells.append(Cell(rules=rules, changed=previous is not None and signature != previous))
            previous = signature
        rows.append(AspectOverDates(aspect=aspect, label=aspect_label(aspect), cells=cells))
    columns = [
        DateColumn(date=date, existence=title_existence(title=title, on=date)) for date in dates
    ]
    return TitleOverDates(title=title, columns=columns, aspects=rows)
