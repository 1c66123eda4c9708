"""Which provisions of a title were in force on a given date, aspect by aspect.

Every answer is one of three: in force, not in force, or "the source does not say". Each
boundary of a provision rests on its basis (``awards.models.boundaries``): a dated boundary
decides by its date; one at the title's establishment or abolition by the title's date, if
the title has one; an unknown boundary decides nothing. A date that falls within a boundary
known only to a year or a month is not decided either. Nothing of a title is in force
before its dated establishment or from its dated abolition. The end of a provision is the
first day it no longer held; an abolition counts the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from awards.core.dates import PartialDate
from awards.models import Provision, Title
from awards.models.boundaries import Basis

ASPECT_ORDER = {aspect: index for index, aspect in enumerate(Provision.Aspect)}


class Status(StrEnum):
    IN_FORCE = "in_force"
    NOT_IN_FORCE = "not_in_force"
    # "The source does not say": kept under its old name, which addresses and styles use.
    UNCERTAIN = "uncertain"


class Boundary(StrEnum):
    """Which boundary leaves an answer open: the provision's own or its title's."""

    START = "start"
    END = "end"
    ESTABLISHMENT = "establishment"
    ABOLITION = "abolition"


@dataclass(frozen=True)
class Gap:
    """Why the source does not say: a boundary without a date, or dated too coarsely."""

    boundary: Boundary
    date: PartialDate | None


@dataclass(frozen=True)
class Answer:
    status: Status
    gaps: tuple[Gap, ...] = ()


@dataclass(frozen=True)
class ProvisionOnDate:
    provision: Provision
    status: Status
    gaps: tuple[Gap, ...] = field(default=())


def _from(start: PartialDate | None, on: PartialDate, boundary: Boundary) -> Answer:
    """Whether the date falls on or after a beginning."""
    if start is None:
        return Answer(Status.UNCERTAIN, (Gap(boundary, None),))
    if on.earliest() >= start.latest():
        return Answer(Status.IN_FORCE)
    if on.latest() < start.earliest():
        return Answer(Status.NOT_IN_FORCE)
    return Answer(Status.UNCERTAIN, (Gap(boundary, start),))


def _until(
    end: PartialDate | None, on: PartialDate, boundary: Boundary, *, start: PartialDate | None
) -> Answer:
    """Whether the date falls before an end (the first day that no longer counts)."""
    if end is None:
        # An end comes after its start: on the day a provision began, it held.
        if start is not None and on.latest() <= start.earliest():
            return Answer(Status.IN_FORCE)
        return Answer(Status.UNCERTAIN, (Gap(boundary, None),))
    if on.latest() < end.earliest():
        return Answer(Status.IN_FORCE)
    if on.earliest() >= end.latest():
        return Answer(Status.NOT_IN_FORCE)
    return Answer(Status.UNCERTAIN, (Gap(boundary, end),))


def _combine(*answers: Answer) -> Answer:
    statuses = {answer.status for answer in answers}
    if Status.NOT_IN_FORCE in statuses:
        return Answer(Status.NOT_IN_FORCE)
    if Status.UNCERTAIN in statuses:
        gaps = dict.fromkeys(gap for answer in answers for gap in answer.gaps)
        return Answer(Status.UNCERTAIN, tuple(gaps))
    return Answer(Status.IN_FORCE)


def _title_bounds(*, title: Title, on: PartialDate) -> list[Answer]:
    """What the title's own dates decide: nothing of it holds outside its dated life."""
    bounds = []
    if title.established_date is not None:
        bounds.append(_from(title.established_date, on, Boundary.ESTABLISHMENT))
    if title.abolished_date is not None:
        bounds.append(_until(title.abolished_date, on, Boundary.ABOLITION, start=None))
    return bounds


def title_existence(*, title: Title, on: PartialDate) -> Answer:
    """Whether the title existed on the date: only its dated boundaries decide."""
    established = title.established_date
    return _combine(
        _from(established, on, Boundary.ESTABLISHMENT),
        _until(title.abolished_date, on, Boundary.ABOLITION, start=established),
    )


def _side(*, provision: Provision, title: Title, side: str) -> tuple[PartialDate | None, Boundary]:
    """The date a boundary of the provision stands on (if any), and whose boundary it is."""
    basis = getattr(provision, f"{side}_basis")
    if basis == Basis.TITLE_LIFE:
        if side == "start":
            return title.established_date, Boundary.ESTABLISHMENT
        return title.abolished_date, Boundary.ABOLITION
    own = Boundary.START if side == "start" else Boundary.END
    return (getattr(provision, side) if basis == Basis.DATED else None), own


def provision_answer(*, provision: Provision, title: Title, on: PartialDate) -> Answer:
    """Whether the provision held on the date (a day, or a whole month or year), and if
    the source does not say, why."""
    start, start_boundary = _side(provision=provision, title=title, side="start")
    end, end_boundary = _side(provision=provision, title=title, side="end")
    return _combine(
        *_title_bounds(title=title, on=on),
        _from(start, on, start_boundary),
        _until(end, on, end_boundary, start=start),
    )


def provision_status(*, provision: Provision, title: Title, on: PartialDate) -> Status:
    """Whether the provision held on the date: in force, not in force, or not said."""
    return provision_answer(provision=provision, title=title, on=on).status


def answers_on(
    *, title: Title, provisions: list[Provision], on: PartialDate
) -> list[ProvisionOnDate]:
    """Each provision of the title with its answer on the date, those not in force included.

    ``provisions`` are the title's provisions, fetched by the caller with what it needs.
    """
    answers = []
    for provision in provisions:
        answer = provision_answer(provision=provision, title=title, on=on)
        answers.append(ProvisionOnDate(provision=provision, status=answer.status, gaps=answer.gaps))
    return answers


def provisions_on(
    *, title: Title, provisions: list[Provision], on: PartialDate
) -> list[ProvisionOnDate]:
    """Each provision of the title that held, or may have held, on the date."""
    return [
        rule
        for rule in answers_on(title=title, provisions=provisions, on=on)
        if rule.status is not Status.NOT_IN_FORCE
    ]


def aspect_label(aspect: str) -> str:
    if aspect in ASPECT_ORDER:
        return str(Provision.Aspect(aspect).label)
    return aspect


def aspect_position(aspect: str) -> int:
    """Where the aspect stands in the order of ``Provision.Aspect``."""
    # An aspect unknown to the choices (an old import) sorts last rather than failing.
    return ASPECT_ORDER.get(aspect, len(ASPECT_ORDER))


def group_by_aspect_on_date(rules: list[ProvisionOnDate]) -> dict[str, list[ProvisionOnDate]]:
    """The provisions on a date by aspect, aspects in the order of ``Provision.Aspect``."""
    groups: dict[str, list[ProvisionOnDate]] = {}
    for rule in sorted(rules, key=lambda rule: aspect_position(rule.provision.aspect)):
        groups.setdefault(rule.provision.aspect, []).append(rule)
    return groups


@dataclass(frozen=True)
class AspectOnDate:
    aspect: str
    label: str
    rules: list[ProvisionOnDate]


@dataclass(frozen=True)
class RulesOnDate:
    title: Title
    on: PartialDate
    existence: Answer
    aspects: list[AspectOnDate]
    not_in_force: list[ProvisionOnDate]

    @property
    def title_existed(self) -> bool:
        """False only when the title's dates put the date outside its life."""
        return self.existence.status is not Status.NOT_IN_FORCE

    @property
    def outside_life(self) -> tuple[str, PartialDate] | None:
        """Where the date falls outside the title's life: ("before", its establishment) or
        ("after", its abolition); None when the title existed or the source leaves it open."""
        if self.title_existed:
            return None
        established = self.title.established_date
        if established and self.on.latest() < established.earliest():
            return ("before", established)
        return ("after", self.title.abolished_date)

    @property
    def uncertain(self) -> bool:
        return any(rule.status is Status.UNCERTAIN for row in self.aspects for rule in row.rules)


def rules_on_date(*, title: Title, provisions: list[Provision], on: PartialDate) -> RulesOnDate:
    """Every provision of the title on the date: by aspect those in force and those the
    source does not decide (with the reason), and apart those surely not in force."""
    answers = answers_on(title=title, provisions=provisions, on=on)
    groups = group_by_aspect_on_date(
        [rule for rule in answers if rule.status is not Status.NOT_IN_FORCE]
    )
    return RulesOnDate(
        title=title,
        on=on,
        existence=title_existence(title=title, on=on),
        aspects=[
            AspectOnDate(aspect=aspect, label=aspect_label(aspect), rules=rules)
            for aspect, rules in groups.items()
        ],
        not_in_force=[
            rule
            for rules in group_by_aspect_on_date(
                [rule for rule in answers if rule.status is Status.NOT_IN_FORCE]
            ).values()
            for rule in rules
        ],
    )
