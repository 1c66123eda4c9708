"""The rules every conferment of the registry is checked against, on its own date.

The rules come from the same engine as the public "rules on a date" page
(``awards.history.rules.rules_on_date``): a provision is in force, not in force, or the source does
not say. A conferment is

- refused when a rule surely in force on its date excludes it — the rule and the passage
  that states it are named;
- uncertain when the source does not say whether a rule allowed it (a date known only to
  a year that straddles a change, a rule the source does not give): it is saved, marked;
- allowed otherwise.

The functions take records the caller has fetched (a title with its provisions, their
passages and the acts that established and abolished it) and plain values; they never
query the database themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from awards.core.dates import (
    EARLIER_THAN,
    IN,
    LATER_THAN,
    ON,
    PartialDate,
    date_phrase,
    format_partial_date,
)
from awards.core.inflection import DATIVE
from awards.history.rules import Boundary, RulesOnDate, Status, rules_on_date
from awards.models import Person, Provision, Title

# The rules, as codes stored with an uncertain conferment (``Conferment.uncertain_rules``).
ESTABLISHMENT = "establishment"
ABOLITION = "abolition"
REPEAT_LIMIT = "repeat_limit"
FOREIGN_CITIZENS = "foreign_citizens"
RULES = (ESTABLISHMENT, ABOLITION, REPEAT_LIMIT, FOREIGN_CITIZENS)

# A provision of repeat awards is written "at-most-3" or "unlimited" (its value_key).
LIMIT_KEY = re.compile(r"^at-most-(?P<count>\d+)$")
UNLIMITED_KEY = "unlimited"
YES, NO = "yes", "no"

# The insignia that accompany an award, by the aspect of the title's rules that grants them,
# and whether they go with the first award, the repeat ones, or each.
FIRST, REPEAT, EACH = "first", "repeat", "each"
INSIGNIA_ASPECTS = (
    (Provision.Aspect.CERTIFICATE, EACH),
    (Provision.Aspect.ORDER_OF_LENIN, FIRST),
    (Provision.Aspect.GOLD_MEDAL, EACH),
    (Provision.Aspect.REPEAT_ORDER_OF_LENIN, REPEAT),
)


class Verdict(StrEnum):
    ALLOWED = "allowed"
    UNCERTAIN = "uncertain"
    REFUSED = "refused"


@dataclass(frozen=True)
class Finding:
    """What one rule says of a conferment that it does not simply allow."""

    rule: str
    verdict: Verdict
    message: str
    citations: tuple = ()

    def __str__(self):
        if not self.citations:
            return self.message
        return _("%(message)s (source: %(citations)s)") % {
            "message": self.message,
            "citations": "; ".join(str(citation) for citation in self.citations),
        }


@dataclass(frozen=True)
class InsigniaDue:
    """An insignia the rules in force on the date grant with the award."""

    aspect: str
    label: str
    status: Status
    provision: Provision

    @property
    def uncertain(self) -> bool:
        return self.status is Status.UNCERTAIN


@dataclass(frozen=True)
class ConfermentCheck:
    findings: tuple[Finding, ...]
    insignia: tuple[InsigniaDue, ...]

    @property
    def verdict(self) -> Verdict:
        verdicts = {finding.verdict for finding in self.findings}
        if Verdict.REFUSED in verdicts:
            return Verdict.REFUSED
        if Verdict.UNCERTAIN in verdicts:
            return Verdict.UNCERTAIN
        return Verdict.ALLOWED

    @property
    def refusals(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.verdict is Verdict.REFUSED]

    @property
    def warnings(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.verdict is Verdict.UNCERTAIN]

    @property
    def uncertain_rules(self) -> list[str]:
        return [finding.rule for finding in self.warnings]


def check_conferment(
    *,
    title: Title,
    provisions: list[Provision],
    on: PartialDate,
    ordinal: int,
    citizenship: str,
    recipient: Person | None = None,
) -> ConfermentCheck:
    """Every rule of the title on the date of the ``ordinal``-th award of it to a person of
    ``citizenship`` (a ``Person.Citizenship`` value), and the insignia due with it. A
    refusal names the ``recipient``, when given, in the case its sentence needs."""
    rules = rules_on_date(title=title, provisions=provisions, on=on)
    findings = [
        *title_life_findings(rules=rules),
        repeat_limit_finding(rules=rules, ordinal=ordinal, recipient=recipient),
        foreign_citizen_finding(rules=rules, citizenship=citizenship),
    ]
    return ConfermentCheck(
        findings=tuple(finding for finding in findings if finding is not None),
        insignia=tuple(insignia_due(rules=rules, ordinal=ordinal)),
    )


def title_life_findings(*, rules: RulesOnDate) -> list[Finding]:
    """A title cannot be conferred before its establishment or after its abolition.

    The engine's answer on the title's existence decides (``RulesOnDate.existence``):
    refused when its dated boundaries put the date outside the title's life; uncertain,
    for each boundary that leaves it open, when the date is too coarse to fall on one side
    of it or when the source gives no date of establishment or abolition.
    """
    title, on = rules.title, rules.on
    answer = rules.existence
    when = format_partial_date(on)
    if answer.status is Status.NOT_IN_FORCE:
        established = title.established_date
        if established is not None and on.latest() < established.earliest():
            return [
                Finding(
                    ESTABLISHMENT,
                    Verdict.REFUSED,
                    # Translators: “established” is a date with its preposition (“on 27 July
                    # 1927”, «27 июля 1927 года», «в 1927 году»); “later” the award's date
                    # after “after” («позже 1926 года»).
                    _("The title “%(title)s” was established %(established)s, %(later)s.")
                    % {
                        "title": title,
                        "established": date_phrase(established, IN),
                        "later": date_phrase(on, LATER_THAN),
                    },
                    _citations_of(title.established_by, title),
                )
            ]
        return [
            Finding(
                ABOLITION,
                Verdict.REFUSED,
                # Translators: “abolished” is a date with its preposition (“in 1991”,
                # «в 1991 году»); “earlier” the award's date after “before” («раньше 1995
                # года»).
                _("The title “%(title)s” was abolished %(abolished)s, %(earlier)s.")
                % {
                    "title": title,
                    "abolished": date_phrase(title.abolished_date, IN),
                    "earlier": date_phrase(on, EARLIER_THAN),
                },
                _citations_of(title.abolished_by, title),
            )
        ]
    findings = []
    for gap in answer.gaps if answer.status is Status.UNCERTAIN else ():
        establishment = gap.boundary == Boundary.ESTABLISHMENT
        if gap.date is None:
            message = (
                _("The source does not say when the title “%(title)s” was established.")
                if establishment
                else _(
                    "The source does not say whether or when the title “%(title)s” was abolished."
                )
            ) % {"title": title}
            citations = ()
        elif establishment:
            message = _(
                "The title “%(title)s” was established %(established)s: the date %(on)s may "
                "fall before it."
            ) % {"title": title, "established": date_phrase(gap.date, IN), "on": when}
            citations = _citations_of(title.established_by, title)
        else:
            message = _(
                "The title “%(title)s” was abolished %(abolished)s: the date %(on)s may fall "
                "after it."
            ) % {"title": title, "abolished": date_phrase(gap.date, IN), "on": when}
            citations = _citations_of(title.abolished_by, title)
        findings.append(
            Finding(
                ESTABLISHMENT if establishment else ABOLITION,
                Verdict.UNCERTAIN,
                message,
                citations,
            )
        )
    return findings


def repeat_limit(value_key: str) -> int | None:
    """The most awards a repeat-awards rule allows (None: no limit, or not a limit)."""
    match = LIMIT_KEY.match(value_key)
    return int(match["count"]) if match else None


def repeat_limit_finding(
    *, rules: RulesOnDate, ordinal: int, recipient: Person | None = None
) -> Finding | None:
    """A repeat award beyond the limit in force on its date is refused.

    The first award needs no rule. A later one is refused when a limit in force is
    exceeded (at most three from 1940 until 14 May 1973), uncertain when a limit may have
    been in force or the source gives no rule of repeat awards for the date. The refusal
    names the recipient in the dative («присвоено Тестман Хелене Андреевне») when the name
    can be put in it, and keeps to the person-free wording otherwise.
    """
    if ordinal <= 1:
        return None
    on = date_phrase(rules.on, IN)
    rules_of_repeats = _rules_of(rules, Provision.Aspect.REPEAT_AWARDS)
    exceeded = [
        rule
        for rule in rules_of_repeats
        if (limit := repeat_limit(rule.provision.value_key)) is not None and ordinal > limit
    ]
    surely = [rule for rule in exceeded if rule.status is Status.IN_FORCE]
    if surely:
        rule = surely[0]
        return Finding(
            REPEAT_LIMIT,
            Verdict.REFUSED,
            _over_limit(title=rules.title, ordinal=ordinal, on=on, rule=rule, recipient=recipient),
            tuple(rule.provision.citations.all()),
        )
    if exceeded:
        rule = exceeded[0]
        return Finding(
            REPEAT_LIMIT,
            Verdict.UNCERTAIN,
            _("Award No. %(ordinal)d may exceed the limit of repeat awards %(on)s: %(rule)s.")
            % {"ordinal": ordinal, "on": on, "rule": rule.provision.value},
            tuple(rule.provision.citations.all()),
        )
    if not any(rule.status is Status.IN_FORCE for rule in rules_of_repeats):
        return Finding(
            REPEAT_LIMIT,
            Verdict.UNCERTAIN,
            ngettext(
                "The source does not say whether the title could be conferred %(ordinal)d "
                "time %(on)s.",
                "The source does not say whether the title could be conferred %(ordinal)d "
                "times %(on)s.",
                ordinal,
            )
            % {"ordinal": ordinal, "on": date_phrase(rules.on, ON)},
        )
    return None


def foreign_citizen_finding(*, rules: RulesOnDate, citizenship: str) -> Finding | None:
    """A title whose rules exclude foreign citizens cannot be conferred on one.

    Refused when such a rule is in force on the date; uncertain when it may be, or when the
    source gives no rule of foreign citizens for the date. A person whose citizenship the
    record does not state is not checked.
    """
    if citizenship != Person.Citizenship.FOREIGN:
        return None
    rules_of_foreigners = _rules_of(rules, Provision.Aspect.FOREIGN_CITIZENS)
    excluding = [rule for rule in rules_of_foreigners if rule.provision.value_key == NO]
    for rule in excluding:
        if rule.status is Status.IN_FORCE:
            return Finding(
                FOREIGN_CITIZENS,
                Verdict.REFUSED,
                _("The title was not conferred on foreign citizens: %(rule)s.")
                % {"rule": rule.provision.value},
                tuple(rule.provision.citations.all()),
            )
    if excluding:
        return Finding(
            FOREIGN_CITIZENS,
            Verdict.UNCERTAIN,
            _("The title may not have been conferred on foreign citizens %(on)s: %(rule)s.")
            % {"on": date_phrase(rules.on, IN), "rule": excluding[0].provision.value},
            tuple(excluding[0].provision.citations.all()),
        )
    # A rule admitting them that may not have held is a doubt about the title's own dates,
    # which its establishment and abolition report.
    if not any(rule.provision.value_key == YES for rule in rules_of_foreigners):
        return Finding(
            FOREIGN_CITIZENS,
            Verdict.UNCERTAIN,
            _("The source does not say whether the title could be conferred on foreign citizens."),
        )
    return None


def _over_limit(*, title: Title, ordinal: int, on: str, rule, recipient: Person | None) -> str:
    """Why the ``ordinal``-th award is refused: with the recipient's name in the dative
    where it can be given so, in wording without the person otherwise."""
    person = recipient.name_in(DATIVE) if recipient is not None else None
    if person is None:
        return _("Award No. %(ordinal)d exceeds the limit in force %(on)s: %(rule)s.") % {
            "ordinal": ordinal,
            "on": on,
            "rule": rule.provision.value,
        }
    return ngettext(
        "The title “%(title)s” could not be conferred on %(person)s %(count)d time under the "
        "limit in force %(on)s: %(rule)s.",
        "The title “%(title)s” could not be conferred on %(person)s %(count)d times under the "
        "limit in force %(on)s: %(rule)s.",
        ordinal,
    ) % {
        "title": title,
        "person": person,
        "count": ordinal,
        "on": on,
        "rule": rule.provision.value,
    }


def insignia_due(*, rules: RulesOnDate, ordinal: int) -> list[InsigniaDue]:
    """The insignia the rules in force on the date grant with the ``ordinal``-th award:
    the certificate and the gold medal with each award, the Order of Lenin with the first,
    and with a repeat one while that rule held (until 1988). A rule "no" grants nothing;
    a rule that may or may not have held grants its insignia marked uncertain."""
    due = []
    for aspect, applies_to in INSIGNIA_ASPECTS:
        if (applies_to == FIRST and ordinal > 1) or (applies_to == REPEAT and ordinal <= 1):
            continue
        for rule in _rules_of(rules, aspect):
            if rule.provision.value_key == NO:
                continue
            due.append(
                InsigniaDue(
                    aspect=aspect,
                    label=str(Provision.Aspect(aspect).label),
                    status=rule.status,
                    provision=rule.provision,
                )
            )
            break
    return due


def _rules_of(rules: RulesOnDate, aspect: str) -> list:
    return [rule for row in rules.aspects if row.aspect == aspect for rule in row.rules]


def _citations_of(act, title: Title) -> tuple:
    """The passages that date an establishment or abolition: the act's, or the title's."""
    if act is not None:
        citations = tuple(act.citations.all())
        if citations:
            return citations
    return tuple(title.citations.all())
