"""A conferment against its hero's life: posthumous when dated after the death
(``Conferment.is_posthumous``, the one rule every page and export reads), refused
when its dates cannot be — before the birth, before the person could have worked, or long
after the death without the source saying it was posthumous.

The rules take plain values (the conferment's date and stated mark, the person's dates of
birth and death) and compare partial dates only where the answer is certain: an award of
1943 to a man who died in March 1943 is not surely posthumous.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from awards.core.dates import PartialDate, add_years, as_partial_date, format_partial_date
from awards.registry.rules import Finding, Verdict

# The rules, as codes of the findings.
BEFORE_BIRTH = "before_birth"
BEFORE_WORKING_AGE = "before_working_age"
LONG_AFTER_DEATH = "long_after_death"
POSTHUMOUS_BEFORE_DEATH = "posthumous_before_death"
# No one is honoured for their labour before their 14th birthday: the age from which Soviet
# law let a young person work, with a parent's consent.
WORKING_AGE = 14
# A posthumous award followed the death within months; one dated more than a year later
# is taken as posthumous only where the source says so.
POSTHUMOUS_WITHIN_YEARS = 1


def life_findings(
    *,
    date: PartialDate,
    born_on: PartialDate | None,
    died_on: PartialDate | None,
    stated_posthumous: bool,
) -> list[Finding]:
    """What the person's dates of birth and death refuse of a conferment on ``date``:

    - surely before the birth;
    - surely before the person's 14th birthday (``WORKING_AGE``);
    - marked posthumous but surely before the death;
    - surely more than a year after the death (``POSTHUMOUS_WITHIN_YEARS``) and not marked
      posthumous by the source.
    """
    date, born_on, died_on = (as_partial_date(value) for value in (date, born_on, died_on))
    values = {"date": format_partial_date(date)}
    findings = []
    if born_on is not None:
        values["born"] = format_partial_date(born_on)
        if date.latest() < born_on.earliest():
            findings.append(
                _refused(
                    BEFORE_BIRTH,
                    _("The title is dated %(date)s, before the person was born (%(born)s).")
                    % values,
                )
            )
        elif date.latest() < add_years(born_on.earliest(), WORKING_AGE):
            findings.append(
                _refused(
                    BEFORE_WORKING_AGE,
                    _(
                        "The title is dated %(date)s, before the person’s 14th birthday (born "
                        "%(born)s): no one is honoured for labour so young. Correct the dates."
                    )
                    % values,
                )
            )
    if died_on is None:
        return findings
    values["died"] = format_partial_date(died_on)
    if stated_posthumous and date.latest() < died_on.earliest():
        findings.append(
            _refused(
                POSTHUMOUS_BEFORE_DEATH,
                _(
                    "The title is marked as conferred posthumously, but it is dated %(date)s, "
                    "before the person’s death (%(died)s)."
                )
                % values,
            )
        )
    if not stated_posthumous and date.earliest() > _posthumous_until(died_on):
        findings.append(
            _refused(
                LONG_AFTER_DEATH,
                _(
                    "The title is dated %(date)s, more than a year after the person’s death "
                    "(%(died)s). If the source says it was conferred posthumously, mark it so; "
                    "otherwise correct the dates."
                )
                % values,
            )
        )
    return findings


def _posthumous_until(died_on: PartialDate) -> datetime.date:
    return add_years(died_on.latest(), POSTHUMOUS_WITHIN_YEARS)


def _refused(rule: str, message: str) -> Finding:
    return Finding(rule=rule, verdict=Verdict.REFUSED, message=message)
