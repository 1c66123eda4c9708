"""Stage 3 of a registry list: every person, title, act and passage the rows name found
or planned. People are matched as a researcher matches them, and a doubt is a question
for the editor (``people``). An act not recorded yet is planned, citing the row's
passages. New records get slugs that cannot collide (awards.core.slugs.keyed_slug)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from awards.core.bulk import build, chunks
from awards.core.dates import PartialDate, format_partial_date
from awards.core.slugs import keyed_slug
from awards.core.transliteration import transliterate
from awards.exchange.columns import fetch_by_slug
from awards.exchange.kinds.registry_list.clean import Row
from awards.exchange.kinds.registry_list.people import resolve_people
from awards.exchange.pipeline.report import ImportReport
from awards.models import Citation, Decree, Title


@dataclass
class RegistryPlan:
    """What the rows name (found by resolve), and what the write will add and change."""

    # The row that brings each new record in (by the record's id), to name in errors.
    rows: dict = field(default_factory=dict)
    titles: dict = field(default_factory=dict)
    citations: dict = field(default_factory=dict)
    # The person of each row (by the row's id), and the act of each (date, number).
    person_of: dict = field(default_factory=dict)
    decrees: dict = field(default_factory=dict)
    # The rows whose person, title and passages were all found, to be checked.
    rows_ok: list = field(default_factory=list)
    # New people with the slugs of their passages.
    people: list = field(default_factory=list)
    new_decrees: list = field(default_factory=list)
    decree_citations: list = field(default_factory=list)
    conferments: list = field(default_factory=list)
    conferment_citations: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    # Another source's dates of birth and death of the people rows were answered to be.
    other_dates: list = field(default_factory=list)
    # The other names each row gives its person: (person, OtherNameCell, source's key).
    other_names: list = field(default_factory=list)


def resolve(
    *,
    rows: list[Row],
    report: ImportReport,
    may_change_published: bool = True,
    answers: dict | None = None,
):
    """Find or plan every person (awards.exchange.kinds.registry_list.people, with the
    editor's ``answers`` to its questions), title, act and passage the rows name: unknown
    titles and passages are errors of their rows. An act the list adds is a draft unless
    the importer may publish."""
    plan = RegistryPlan()
    plan.titles = fetch_by_slug(Title, {row.values["title"] for row in rows})
    plan.citations = fetch_by_slug(
        Citation, {slug for row in rows for slug in row.values["citations"]}
    )
    people = resolve_people(rows=rows, report=report, answers=answers)
    plan.person_of = people.of_row
    plan.other_dates = people.other_dates
    for person, kind, date, _citations, number in people.other_dates:
        report.note(number, _other_date(person, kind=kind, date=date))
    for person, citations, number in people.new:
        plan.people.append((person, citations))
        plan.rows[id(person)] = number
    plan.decrees = _decrees(rows=rows, plan=plan, published=may_change_published)
    for row in rows:
        ok = True
        if row.values["title"] not in plan.titles:
            report.add_error(
                row.number,
                "title",
                _("There is no title with the slug “%(slug)s”.") % {"slug": row.values["title"]},
            )
            ok = False
        for slug in row.values["citations"]:
            if slug not in plan.citations:
                report.add_error(
                    row.number,
                    "citations",
                    _("There is no passage with the slug “%(slug)s”.") % {"slug": slug},
                )
                ok = False
        if ok and id(row) in plan.person_of:
            plan.rows_ok.append(row)
            # An other name's source is that of the row's first passage.
            source = plan.citations[row.values["citations"][0]].source_id
            plan.other_names += [
                (plan.person_of[id(row)], name, source)
                for name in row.values.get("other_names", ())
            ]
    report.failed = len(report.failed_rows - {None})
    return plan


def _decrees(*, rows: list[Row], plan: RegistryPlan, published: bool) -> dict[tuple, Decree]:
    """The act of each (date, number) the rows name: recorded, or planned to be added
    (published, or a draft when the importer may not publish)."""
    wanted = {
        (row.values["decree_date"].isoformat(), row.values.get("decree_number", ""))
        for row in rows
        if row.values.get("decree_date")
    }
    found = {}
    for chunk in chunks(sorted({date for date, _number in wanted})):
        for decree in Decree.objects.filter(date__in=chunk):
            found[decree.date.isoformat(), decree.number] = decree
    now = timezone.now()
    citations_of, first_rows = {}, {}
    for row in rows:
        if row.values.get("decree_date"):
            key = (row.values["decree_date"].isoformat(), row.values.get("decree_number", ""))
            citations_of.setdefault(key, row.values["citations"])
            first_rows.setdefault(key, row.number)
    for key in sorted(wanted - set(found)):
        date, number = key
        found[key] = _new_decree(date=date, number=number, now=now, published=published)
        plan.new_decrees.append(found[key])
        plan.decree_citations.append((found[key], citations_of[key]))
        plan.rows[id(found[key])] = first_rows[key]
    return found


def _new_decree(*, date: str, number: str, now, published: bool) -> Decree:
    parsed = PartialDate.parse(date)
    name_ru = f"Указ от {format_partial_date(parsed, language='ru')}"
    name_en = f"Decree of {format_partial_date(parsed, language='en')}"
    if number:
        name_ru += f" № {number}"
        name_en += f" No. {number}"
    slug = keyed_slug(f"decree-{date}-{transliterate(number)}", key=f"{date}|{number}")
    return build(
        Decree,
        {
            "slug": slug,
            "published": published,
            "kind": Decree.Kind.DECREE,
            "date": parsed,
            "number": number,
            "name": name_ru,
            "name_ru": name_ru,
            "name_en": name_en,
            "created_at": now,
            "updated_at": now,
        },
    )


def _other_date(person, *, kind: str, date) -> str:
    recorded = person.born_on if kind == "birth" else person.died_on
    values = {
        "date": format_partial_date(date),
        "recorded": format_partial_date(recorded),
        "name": person.name_ru or person.name,
    }
    if kind == "birth":
        return (
            _(
                "the date of birth %(date)s differs from %(recorded)s recorded for %(name)s; it "
                "is kept as another date of birth, with the row's passage."
            )
            % values
        )
    return (
        _(
            "the date of death %(date)s differs from %(recorded)s recorded for %(name)s; it "
            "is kept as another date of death, with the row's passage."
        )
        % values
    )
