"""Which provisions of a title were in force on a given date.

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
