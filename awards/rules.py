"""Which provisions of a title were in force on a given date, aspect by aspect.

Dates known only to a year or a month are spans of days, so the answer for a date that
falls inside such a span is "uncertain", never a guess. A provision without a start holds
from the title's establishment; one without an end, until the title's abolition; the end
is the first day the provision no longer held.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from awards.dates import PartialDate
from awards.models import Provision, Title

ASPECT_ORDER = {aspect: index for index, aspect in enumerate(Provision.Aspect)}


class Status(StrEnum):
    IN_FORCE = "in_force"
    NOT_IN_FORCE = "not_in_force"
    UNCERTAIN = "uncertain"


@dataclass(frozen=True)
class ProvisionOnDate:
    provision: Provision
    status: Status


def _start_status(start: PartialDate | None, on: PartialDate) -> Status:
    if start is None:
        return Status.UNCERTAIN
    if on.earliest() >= start.latest():
        return Status.IN_FORCE
    if on.latest() < start.earliest():
        return Status.NOT_IN_FORCE
    return Status.UNCERTAIN


def _end_status(end: PartialDate | None, on: PartialDate) -> Status:
    if end is None:
        return Status.IN_FORCE
    if on.latest() < end.earliest():
        return Status.IN_FORCE
    if on.earliest() >= end.latest():
        return Status.NOT_IN_FORCE
    return Status.UNCERTAIN


def _combine(*statuses: Status) -> Status:
    if Status.NOT_IN_FORCE in statuses:
        return Status.NOT_IN_FORCE
    if Status.UNCERTAIN in statuses:
        return Status.UNCERTAIN
    return Status.IN_FORCE


def provision_status(*, provision: Provision, title: Title, on: PartialDate) -> Status:
    """Whether the provision held on the date (a day, or a whole month or year)."""
    start = provision.start or title.established_on
    end = provision.end or title.abolished_on
    return _combine(_start_status(start, on), _end_status(end, on))


def provisions_on(
    *, title: Title, provisions: list[Provision], on: PartialDate
) -> list[ProvisionOnDate]:
    """Each provision of the title with its status on the date, those not in force left out.

    ``provisions`` are the title's provisions, fetched by the caller with what it needs.
    """
    result = []
    for provision in provisions:
        status = provision_status(provision=provision, title=title, on=on)
        if status is not Status.NOT_IN_FORCE:
            result.append(ProvisionOnDate(provision=provision, status=status))
    return result


def aspect_label(aspect: str) -> str:
    if aspect in Provision.Aspect.values:
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
    title_existed: bool
    aspects: list[AspectOnDate]

    @property
    def uncertain(self) -> bool:
        return any(rule.status is Status.UNCERTAIN for row in self.aspects for rule in row.rules)


def rules_on_date(*, title: Title, provisions: list[Provision], on: PartialDate) -> RulesOnDate:
    """The provisions of the title in force on the date, by aspect, the uncertain marked."""
    groups = group_by_aspect_on_date(provisions_on(title=title, provisions=provisions, on=on))
    return RulesOnDate(
        title=title,
        on=on,
        title_existed=title.is_alive_on(on),
        aspects=[
            AspectOnDate(aspect=aspect, label=aspect_label(aspect), rules=rules)
            for aspect, rules in groups.items()
        ],
    )
