"""A conferment checked against its title's rules on its date, with the awards its person
already has: for the admin's form, the importers and the person's public page.

The rules themselves are in awards.registry.rules; this module fetches what they need
(a title with its published provisions and their passages) and stores what they answer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Prefetch

from awards.core.content_generation import kept_for_generation
from awards.models import Conferment, Medal, Person, Provision, Title
from awards.models.registry import MANY_TIMES
from awards.registry.life import (
    BEFORE_BIRTH,
    BEFORE_WORKING_AGE,
    LONG_AFTER_DEATH,
    POSTHUMOUS_BEFORE_DEATH,
    life_findings,
)
from awards.registry.rules import (
    ABOLITION,
    ESTABLISHMENT,
    FOREIGN_CITIZENS,
    REPEAT_LIMIT,
    ConfermentCheck,
    check_conferment,
)

# The field of the conferment form a refusal is shown at.
FIELD_OF_RULE = {
    ESTABLISHMENT: "date",
    ABOLITION: "date",
    REPEAT_LIMIT: "date",
    FOREIGN_CITIZENS: "person",
    BEFORE_BIRTH: "date",
    BEFORE_WORKING_AGE: "date",
    LONG_AFTER_DEATH: "date",
    POSTHUMOUS_BEFORE_DEATH: "posthumous",
}
# "Twice" and "thrice" heroes, and those honoured four times and more (possible after
# 1973): the computed lists of repeat recipients, by the name in their address.
REPEAT_LISTS = {"twice": 2, "thrice": 3, "four-and-more": MANY_TIMES}


def titles_for_check(title_ids: Iterable[int]) -> dict[int, Title]:
    """The titles by key, each with what the rules check reads: its published provisions
    and their passages, the acts that established and abolished it, and their passages."""
    passages = Prefetch("citations", queryset=_citations())
    return {
        title.pk: title
        for title in Title.objects.filter(pk__in=set(title_ids))
        .select_related("established_by", "abolished_by")
        .prefetch_related(
            Prefetch(
                "provisions",
                queryset=Provision.objects.published().prefetch_related(passages),
                to_attr="checked_provisions",
            ),
            passages,
            Prefetch("established_by__citations", queryset=_citations()),
            Prefetch("abolished_by__citations", queryset=_citations()),
        )
    }


# The checked titles of the public pages, by content generation and title keys.
_titles_of_generation: dict[tuple[str, frozenset], dict[int, Title]] = {}


def titles_for_pages(title_ids: Iterable[int]) -> dict[int, Title]:
    """``titles_for_check`` for the public pages, kept for the content generation.

    A person's page checks each conferment against its title's rules, which take five
    queries to read; titles and their rules change rarely. Every committed write renews
    the generation (awards.site.page_cache), as it does for the cached pages themselves,
    so these are never older than a cached page would be. Inside a transaction, where a
    write may not be committed yet, they are read afresh.
    """
    ids = frozenset(title_ids)
    return kept_for_generation(_titles_of_generation, ids, lambda: titles_for_check(ids))


def _citations():
    from awards.models import Citation

    return Citation.objects.select_related("source")


def check_with(
    conferment: Conferment, *, title: Title, ordinal: int, name_the_person: bool = False
) -> ConfermentCheck:
    """The rules check of a conferment, its title fetched by titles_for_check();
    ``name_the_person``: a refusal names the person (where it is read apart from them)."""
    return check_conferment(
        title=title,
        provisions=title.checked_provisions,
        on=conferment.date,
        ordinal=ordinal,
        citizenship=conferment.person.citizenship,
        recipient=conferment.person if name_the_person else None,
    )


def ordinal_of(conferment: Conferment) -> int:
    """Which award of its title this is for the person: one more than those dated before
    it (by the stored order of dates; the same date, by the order of entry)."""
    earlier = Conferment.objects.filter(person=conferment.person_id, title=conferment.title_id)
    if conferment.pk:
        earlier = earlier.exclude(pk=conferment.pk)
    before = earlier.filter(date__lt=conferment.date)
    if conferment.pk:
        before = before | earlier.filter(date=conferment.date, pk__lt=conferment.pk)
    return before.count() + 1


def assess(conferment: Conferment) -> ConfermentCheck:
    """Check a conferment about to be saved: refused rules — the title's on its date, and
    the person's dates of birth and death (awards.registry.life) — raise ValidationError,
    naming the rule and its passage; uncertain ones are stored on the record to be
    filtered on."""
    title = titles_for_check([conferment.title_id])[conferment.title_id]
    check = check_with(
        conferment, title=title, ordinal=ordinal_of(conferment), name_the_person=True
    )
    person = conferment.person
    refusals = check.refusals + life_findings(
        date=conferment.date,
        born_on=person.born_on,
        died_on=person.died_on,
        stated_posthumous=conferment.posthumous,
    )
    if refusals:
        errors = defaultdict(list)
        for finding in refusals:
            errors[FIELD_OF_RULE.get(finding.rule, NON_FIELD_ERRORS)].append(str(finding))
        raise ValidationError(dict(errors))
    mark(conferment, check)
    return check


def mark(conferment: Conferment, check: ConfermentCheck) -> None:
    """Store whether the rules were uncertain for the conferment, and which."""
    conferment.rules_uncertain = bool(check.warnings)
    conferment.uncertain_rules = " ".join(check.uncertain_rules)


@dataclass(frozen=True)
class CheckedConferment:
    conferment: Conferment
    check: ConfermentCheck


def person_conferments(*, person: Person) -> list[CheckedConferment]:
    """A person's published conferments, each with what the rules of its date say and the
    insignia they grant (to be shown beside what the record says)."""
    conferments = list(
        Conferment.objects.published()
        .filter(person=person)
        .select_related("revoked_by", "restored_by")
        .prefetch_related(
            Prefetch("citations", queryset=_citations().filter(published=True)),
            Prefetch("insignia", queryset=Medal.objects.published()),
        )
        .order_by("date", "pk")
    )
    titles = titles_for_pages(conferment.title_id for conferment in conferments)
    return [
        CheckedConferment(
            conferment=conferment,
            # Numbered among the published ones: a draft award never shows through.
            check=check_with(
                conferment, title=titles[conferment.title_id], ordinal=conferment.public_ordinal
            ),
        )
        for conferment in conferments
    ]
