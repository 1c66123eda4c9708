"""Stage 4 of a registry list: each row's conferment numbered among its person's awards
of the title (those recorded and those of the file, by date) and checked against the
title's rules on its date; duplicate rows and keys already taken refused, so that the
check finds whatever the write would refuse."""

from __future__ import annotations

from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext as _

from awards.core.bulk import build, chunks
from awards.core.dates import IN, date_phrase, format_partial_date
from awards.core.inflection import DATIVE
from awards.core.medal_numbers import medal_order_of
from awards.core.slugs import keyed_slug
from awards.exchange.kinds.registry_list.resolve import RegistryPlan
from awards.exchange.pipeline.report import (
    PROGRESS_EVERY,
    ImportReport,
    published_change_refused,
)
from awards.models import Conferment, Decree, Person
from awards.models.registry import sort_names
from awards.registry.checks import check_with, mark, titles_for_check
from awards.registry.life import life_findings
from awards.registry.matching import dates_agree


def validate(
    *, plan: RegistryPlan, report: ImportReport, track=None, may_change_published: bool = True
) -> None:
    """Each row's conferment numbered and checked against the rules; duplicate rows and
    keys already taken refused. Nothing is checked once a row names what is not found."""
    if not report.ok:
        return
    _check_conferments(
        rows=plan.rows_ok,
        people=plan.person_of,
        titles=plan.titles,
        decrees=plan.decrees,
        citations=plan.citations,
        plan=plan,
        report=report,
        track=track,
        may_change_published=may_change_published,
    )
    _refuse_taken_slugs(plan=plan, report=report)
    report.failed = len(report.failed_rows - {None})


def _check_conferments(
    *, rows, people, titles, decrees, citations, plan, report, track, may_change_published
) -> None:
    """Each row's conferment numbered among the person's awards of the title (those
    recorded and those of the file, by date) and checked against the rules; one that adds
    or changes a published conferment is refused unless the importer may publish."""
    recorded = defaultdict(list)
    person_pks = sorted({people[id(row)].pk for row in rows if people[id(row)].pk})
    for chunk in chunks(person_pks):
        for conferment in Conferment.objects.filter(person__in=chunk).order_by("date", "pk"):
            recorded[conferment.person_id, conferment.title_id].append(conferment)
    checked_titles = titles_for_check(title.pk for title in titles.values())
    by_pair = defaultdict(list)
    now = timezone.now()
    # The rows naming each person's awards of a title, by (person, title): a row whose date
    # can be the same day as an earlier row's names the same award, a duplicate.
    file_awards = defaultdict(list)
    for index, row in enumerate(rows):
        if track is not None and index % PROGRESS_EVERY == 0 and index:
            # Numbering, then the rules: each row counts half here, half below.
            track(stage="validate", validated=index // 2)
        person = people[id(row)]
        title = titles[row.values["title"]]
        pair = (id(person), title.pk)
        date = row.values["date"]
        earlier = next(((d, n) for d, n in file_awards[pair] if dates_agree(d, date)), None)
        if earlier is not None:
            report.add_error(row.number, "", _repeats(earlier[1], exact=earlier[0] == date))
            continue
        file_awards[pair].append((date, row.number))
        decree = None
        if row.values.get("decree_date"):
            decree = decrees[
                row.values["decree_date"].isoformat(), row.values.get("decree_number", "")
            ]
        same = [c for c in recorded.get((person.pk, title.pk), []) if dates_agree(c.date, date)]
        if len(same) > 1:
            report.add_error(row.number, "date", _several_awards(date, same))
            continue
        if not same and decree is not None and decree.pk is not None:
            clash = next(
                (c for c in recorded.get((person.pk, title.pk), []) if c.decree_id == decree.pk),
                None,
            )
            if clash is not None:
                report.add_error(row.number, "date", _clash(date, clash, person=person))
                continue
        if same:
            existing = same[0]
            refined = date.precision != existing.date.precision and (
                existing.date.earliest()
                <= date.earliest()
                <= date.latest()
                <= existing.date.latest()
            )
            changed = (
                refined
                or existing.medal_number != row.values.get("medal_number", "")
                or (decree is not None and existing.decree_id != decree.pk)
            )
            if changed and existing.published and not may_change_published:
                report.add_error(row.number, "published", published_change_refused())
            elif changed:
                if refined:
                    # A more precise date of the same award refines it, under the rules of
                    # the day it now names.
                    existing.date, existing.year = date, date.year
                    check = check_with(
                        existing,
                        title=checked_titles[title.pk],
                        ordinal=existing.ordinal,
                        name_the_person=True,
                    )
                    if check.refusals:
                        for finding in check.refusals:
                            report.add_error(row.number, "date", str(finding))
                        continue
                    mark(existing, check)
                existing.medal_number = row.values.get("medal_number", "")
                existing.medal_order = medal_order_of(existing.medal_number)
                existing.decree = decree or existing.decree
                existing.updated_at = now
                existing.version += 1
                plan.updated.append(existing)
                report.updated += 1
            else:
                report.unchanged += 1
            continue
        if row.values["published"] and not may_change_published:
            report.add_error(row.number, "published", published_change_refused())
            continue
        conferment = build(
            Conferment,
            {
                "date": row.values["date"],
                "medal_number": row.values.get("medal_number", ""),
                "medal_order": medal_order_of(row.values.get("medal_number", "")),
                "posthumous": row.values.get("posthumous", False),
                "published": row.values["published"],
                "created_at": now,
                "updated_at": now,
            },
        )
        conferment.person, conferment.title, conferment.decree = person, title, decree
        if not _lives_allow(conferment, row=row, report=report):
            continue
        by_pair[pair].append((row, conferment))
    checks = {}
    # The rows already settled above (recorded conferments, refused rows) count as checked.
    checked = len(rows) - sum(len(entries) for entries in by_pair.values())
    for (_person, title_pk), entries in by_pair.items():
        # A report each time the count passes a multiple of PROGRESS_EVERY.
        passes = checked // PROGRESS_EVERY != (checked + len(entries)) // PROGRESS_EVERY
        if track is not None and passes:
            track(stage="validate", validated=(len(rows) + checked) // 2)
        checked += len(entries)
        person = entries[0][1].person
        awards = [(c.date, 0, c.pk or 0, None, c) for c in recorded.get((person.pk, title_pk), [])]
        awards += [(c.date, 1, row.number, row, c) for row, c in entries]
        awards.sort(key=lambda item: (item[0], item[1], item[2]))
        published = [item[4] for item in awards if item[4].published]
        public_numbers = {id(c): number for number, c in enumerate(published, start=1)}
        for ordinal, (_date, _new, _order, row, conferment) in enumerate(awards, start=1):
            if row is None:
                continue
            conferment.ordinal, conferment.times = ordinal, len(awards)
            if conferment.published:
                conferment.public_ordinal = public_numbers[id(conferment)]
                conferment.public_times = len(published)
            # The rules answer alike for the same title, date, number and citizenship:
            # a list of thousands checks a few hundred distinct cases.
            case = (title_pk, conferment.date, ordinal, person.citizenship)
            if case not in checks:
                checks[case] = check_with(
                    conferment, title=checked_titles[title_pk], ordinal=ordinal
                )
            check = checks[case]
            if check.refusals:
                # Checked again for this row alone: a refusal names its person.
                check = check_with(
                    conferment,
                    title=checked_titles[title_pk],
                    ordinal=ordinal,
                    name_the_person=True,
                )
                for finding in check.refusals:
                    report.add_error(row.number, "date", str(finding))
                continue
            conferment.rules_uncertain = bool(check.warnings)
            conferment.uncertain_rules = " ".join(check.uncertain_rules)
            conferment.year = conferment.date.year
            conferment.sort_name_ru, conferment.sort_name_en = sort_names(person)
            conferment.slug = _conferment_slug(person, conferment)
            plan.conferments.append(conferment)
            plan.rows[id(conferment)] = row.number
            plan.conferment_citations.append(
                (conferment, [citations[slug] for slug in row.values["citations"]])
            )
            report.new += 1


def _lives_allow(conferment: Conferment, *, row, report: ImportReport) -> bool:
    """Whether the person's dates of birth and death allow the conferment
    (awards.registry.life); one dated after the death and not marked posthumous is
    posthumous all the same, and the report says so."""
    person = conferment.person
    refusals = life_findings(
        date=conferment.date,
        born_on=person.born_on,
        died_on=person.died_on,
        stated_posthumous=conferment.posthumous,
    )
    for finding in refusals:
        report.add_error(row.number, "date", str(finding))
    if not refusals and conferment.is_posthumous and not conferment.posthumous:
        report.add_notice(
            row.number,
            "posthumous",
            _(
                "The title is dated %(date)s, after the person’s death (%(died)s): it is "
                "shown as conferred posthumously, though the row does not say so."
            )
            % {
                "date": format_partial_date(conferment.date),
                "died": format_partial_date(person.died_on),
            },
        )
    return not refusals


def _repeats(row: int, *, exact: bool) -> str:
    if exact:
        return _(
            "The row repeats row %(row)d: the same person, title and date of conferment. "
            "Keep one of them."
        ) % {"row": row}
    return _(
        "The row names the award of row %(row)d again: the same person and title, on a date "
        "that can be the same day. Keep the row that gives the date as the source does."
    ) % {"row": row}


def _several_awards(date, awards: list) -> str:
    return _(
        "The date %(date)s can be the day of either of this person's awards of the title "
        "recorded on %(dates)s: give the date as precisely as the source does."
    ) % {
        "date": format_partial_date(date),
        "dates": ", ".join(format_partial_date(award.date) for award in awards),
    }


def _clash(date, award, *, person: Person) -> str:
    """The row's act conferred the title on another date: the person named in the dative
    where the name can be put in it («присвоено Тестман Хелене Андреевне»)."""
    values = {
        "recorded": date_phrase(award.date, IN),
        "date": format_partial_date(date),
        "person": person.name_in(DATIVE),
    }
    if values["person"] is None:
        return (
            _(
                "The act of this row conferred the title on the person %(recorded)s, as recorded; "
                "the row gives %(date)s. Correct the date, or the record."
            )
            % values
        )
    return (
        _(
            "The act of this row conferred the title on %(person)s %(recorded)s, as recorded; "
            "the row gives %(date)s. Correct the date, or the record."
        )
        % values
    )


def _conferment_slug(person: Person, conferment: Conferment) -> str:
    parts = (person.slug, conferment.title.slug, conferment.date.isoformat())
    return keyed_slug("-".join(parts), key="|".join(parts))


def _refuse_taken_slugs(*, plan: RegistryPlan, report: ImportReport) -> None:
    """A new record whose key another record already has would fail the write, and fail
    it again on every retry: the check refuses it, naming its row."""
    new_records = (
        (Person, [person for person, _citations in plan.people]),
        (Decree, plan.new_decrees),
        (Conferment, plan.conferments),
    )
    for model, records in new_records:
        planned = defaultdict(list)
        for record in records:
            planned[record.slug].append(record)
        taken = set()
        for chunk in chunks(sorted(planned)):
            taken.update(model._base_manager.filter(slug__in=chunk).values_list("slug", flat=True))
        for slug, alike in planned.items():
            if slug in taken or len(alike) > 1:
                for record in alike:
                    report.add_error(
                        plan.rows[id(record)],
                        "",
                        _("The key “%(slug)s” of the %(kind)s this row adds is already used.")
                        % {"slug": slug, "kind": model._meta.verbose_name},
                    )
