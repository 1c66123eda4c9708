"""Stage 3 of a registry list: every person, title, act and passage the rows name found
or planned. People are matched, not duplicated: an existing person with the same name and
date of birth is that person, and so is every row of the file that names them alike. An
act not recorded yet is planned, citing the row's passages. New records get slugs that
cannot collide (``keyed_slug``)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from awards.core.bulk import build, chunks
from awards.core.dates import PartialDate, format_partial_date
from awards.core.transliteration import transliterate
from awards.exchange.columns import fetch_by_slug
from awards.exchange.kinds.registry_list.clean import Row
from awards.exchange.pipeline.report import ImportReport
from awards.models import Citation, Decree, Person, Title


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
    decrees: list = field(default_factory=list)
    decree_citations: list = field(default_factory=list)
    conferments: list = field(default_factory=list)
    conferment_citations: list = field(default_factory=list)
    updated: list = field(default_factory=list)


def resolve(*, rows: list[Row], report: ImportReport, may_change_published: bool = True):
    """Find or plan every person, title, act and passage the rows name: unknown titles and
    passages are errors of their rows. An act the list adds is a draft unless the importer
    may publish."""
    plan = RegistryPlan()
    plan.titles = fetch_by_slug(Title, {row.values["title"] for row in rows})
    plan.citations = fetch_by_slug(
        Citation, {slug for row in rows for slug in row.values["citations"]}
    )
    plan.person_of = _people(rows=rows, report=report, plan=plan)
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
    report.failed = len(report.failed_rows - {None})
    return plan


def person_key(values: dict) -> tuple:
    """How a row names a person without a key: Russian name and date of birth."""
    born = values.get("born_on")
    return (
        values.get("surname_ru", "").lower(),
        values.get("given_name_ru", "").lower(),
        values.get("patronymic_ru", "").lower(),
        born.isoformat() if born else "",
    )


def _people(*, rows: list[Row], report: ImportReport, plan: RegistryPlan) -> dict[int, Person]:
    """The person of each row (by the row's id): by key, by name and birth date, or new."""
    by_slug = fetch_by_slug(
        Person, {row.values["person"] for row in rows if row.values.get("person")}
    )
    wanted = {person_key(row.values) for row in rows if not row.values.get("person")}
    by_key = defaultdict(list)
    surnames = sorted({key[0] for key in wanted})
    for chunk in chunks(surnames):
        # Matching is by the Russian name as written, regardless of case.
        for person in Person.objects.filter(surname_ru__in=_cases(chunk)):
            key = person_key(
                {
                    "surname_ru": person.surname_ru or "",
                    "given_name_ru": person.given_name_ru or "",
                    "patronymic_ru": person.patronymic_ru or "",
                    "born_on": person.born_on,
                }
            )
            if key in wanted:
                by_key[key].append(person)
    people = {}
    new_by_key = {}
    now = timezone.now()
    for row in rows:
        slug = row.values.get("person")
        if slug:
            if slug not in by_slug:
                report.add_error(
                    row.number,
                    "person",
                    _("There is no person with the key “%(slug)s”.") % {"slug": slug},
                )
                continue
            people[id(row)] = by_slug[slug]
            continue
        key = person_key(row.values)
        found = by_key.get(key, [])
        if len(found) > 1:
            report.add_error(
                row.number,
                "surname_ru",
                _(
                    "Several recorded people have this name and date of birth (%(keys)s): "
                    "name the one meant in the “person” column."
                )
                % {"keys": ", ".join(person.slug for person in found)},
            )
            continue
        if found:
            people[id(row)] = found[0]
            continue
        if key not in new_by_key:
            new_by_key[key] = _new_person(row.values, key=key, now=now)
            plan.people.append((new_by_key[key], row.values["citations"]))
            plan.rows[id(new_by_key[key])] = row.number
        people[id(row)] = new_by_key[key]
    return people


def _cases(surnames: list[str]) -> list[str]:
    return sorted(
        {variant for name in surnames for variant in (name, name.capitalize(), name.title())}
    )


def _new_person(values: dict, *, key: tuple, now) -> Person:
    parts_ru = [values.get(f"{part}_ru", "") for part in ("surname", "given_name", "patronymic")]
    parts_en = [
        values.get(f"{part}_en") or transliterate(ru)
        for part, ru in zip(("surname", "given_name", "patronymic"), parts_ru, strict=True)
    ]
    name_ru = " ".join(part for part in parts_ru if part)
    name_en = " ".join(part for part in parts_en if part)
    slug = keyed_slug(name_en, key="|".join(key))
    birth_place = values.get("birth_place_ru", "")
    death_place = values.get("death_place_ru", "")
    occupation = values.get("occupation_ru", "")
    return build(
        Person,
        {
            "slug": slug,
            "published": values["published"],
            "name": name_ru,
            "name_ru": name_ru,
            "name_en": name_en,
            "surname": parts_ru[0],
            "surname_ru": parts_ru[0],
            "surname_en": parts_en[0],
            "given_name": parts_ru[1],
            "given_name_ru": parts_ru[1],
            "given_name_en": parts_en[1],
            "patronymic": parts_ru[2],
            "patronymic_ru": parts_ru[2],
            "patronymic_en": parts_en[2],
            "born_on": values.get("born_on"),
            "died_on": values.get("died_on"),
            "birth_place": birth_place,
            "birth_place_ru": birth_place,
            "birth_place_en": transliterate(birth_place),
            "death_place": death_place,
            "death_place_ru": death_place,
            "death_place_en": transliterate(death_place),
            "occupation": occupation,
            "occupation_ru": occupation,
            "citizenship": values.get("citizenship", ""),
            "created_at": now,
            "updated_at": now,
        },
    )


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


SLUG_LENGTH = Person._meta.get_field("slug").max_length


DIGEST_LENGTH = 10


def keyed_slug(readable: str, *, key: str) -> str:
    """A slug that reads as ``readable`` and ends in a digest of ``key``, kept whole
    whatever the readable part loses to the length limit: records with different keys
    (a decree numbered «12/3» and one numbered «123», two long names alike in their first
    sixty letters) get different slugs."""
    digest = hashlib.sha1(key.encode()).hexdigest()[:DIGEST_LENGTH]
    head = slugify(readable)[: SLUG_LENGTH - DIGEST_LENGTH - 1].strip("-")
    return f"{head}-{digest}" if head else digest
