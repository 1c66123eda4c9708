"""Registry lists in and out: one row per conferment, in the shape researchers keep them.

A row names the person (by ``person``, the slug of a person already recorded, or by the
Russian surname, given name, patronymic and date of birth), the title (its slug), the date
of the conferment, the act (by its date and number: one that is not recorded yet is added,
citing the row's passages) and the passages (``citations``) that state it. People are
matched, not duplicated: an existing person with the same name and date of birth is that
person, and so is every row of the file that names them alike.

The whole file is checked before anything is written — every cell, every match, and every
conferment against the rules of its title on its date with the awards the person already
has (awards.registry.rules) — and written in one transaction, in bulk, with one history
entry per record, or not at all. A conferment already recorded (same person, title and
date) is updated, not added. The report, the import log and the progress reports (after
each stage and each batch of rows, for the background jobs of awards.exchange.jobs) are
the importer's.

This sits at the importer's level of the exchange package: it reads files through
``files`` and reports through ``importer.ImportReport``.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Field
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from awards.core.bulk import (
    BATCH_SIZE,
    analyze,
    build,
    chunks,
    create_records,
    insert_rows,
    link_columns,
)
from awards.core.dates import PartialDate, format_partial_date
from awards.core.transliteration import transliterate
from awards.exchange.columns import fetch_by_slug
from awards.exchange.files import ImportFileError, Table, format_from_name, is_filled, read_table
from awards.exchange.importer import (
    PROGRESS_EVERY,
    ImportReport,
    ProgressCallback,
    ProgressTracker,
    log_import,
    published_change_refused,
    refuse_import,
)
from awards.exchange.widgets import PartialDateWidget, cell_text, check_text
from awards.models import Citation, Conferment, Decree, ImportLog, Person, Title
from awards.models.registry import sort_names
from awards.records.revisions import record_bulk_changes
from awards.registry.checks import check_with, titles_for_check

PERSON_COLUMNS = (
    "person",
    "surname_ru",
    "given_name_ru",
    "patronymic_ru",
    "surname_en",
    "given_name_en",
    "patronymic_en",
    "born_on",
    "birth_place_ru",
    "died_on",
    "death_place_ru",
    "occupation_ru",
    "citizenship",
)
CONFERMENT_COLUMNS = (
    "title",
    "date",
    "decree_date",
    "decree_number",
    "medal_number",
    "citations",
    "published",
)
COLUMNS = PERSON_COLUMNS + CONFERMENT_COLUMNS
REQUIRED = ("title", "date", "citations")
DATE_COLUMNS = ("born_on", "died_on", "date", "decree_date")
TRUE = {"1", "true", "yes", "да", "истина"}
CITIZENSHIPS = frozenset(Person.Citizenship.values)


@dataclass
class Row:
    number: int
    values: dict


@dataclass
class RegistryPlan:
    # The row that brings each new record in (by the record's id), to name in errors.
    rows: dict = field(default_factory=dict)
    people: list = field(default_factory=list)
    decrees: list = field(default_factory=list)
    decree_citations: list = field(default_factory=list)
    conferments: list = field(default_factory=list)
    conferment_citations: list = field(default_factory=list)
    updated: list = field(default_factory=list)


# The front door -----------------------------------------------------------------------


def import_registry(
    *,
    data: bytes,
    file_name: str,
    file_format: str | None = None,
    encoding: str | None = None,
    user=None,
    dry_run: bool = False,
    origin: str = ImportLog.Origin.COMMAND,
    progress: ProgressCallback | None = None,
    may_change_published: bool = True,
) -> ImportReport:
    """Import a registry list: all its rows, or, on any error, nothing.

    ``progress`` receives the counts as the importer's does. Without
    ``may_change_published`` (an editor's upload, awards.records.roles) a row that adds or changes
    a published conferment is an error, and the acts a list adds are drafts.
    """
    file_format = file_format or format_from_name(file_name)
    report = ImportReport(
        model_name="conferment", file_name=file_name, file_format=file_format, dry_run=dry_run
    )
    track = ProgressTracker(progress, total=0, report=report)
    track(stage="read")
    try:
        table = read_table(data, file_format=file_format, encoding=encoding)
    except ImportFileError as error:
        report.add_error(None, "", error.message)
        log_import(report=report, user=user, origin=origin)
        track(stage="done")
        return report
    track(stage="read", total=len(table.rows))
    rows = clean(table=table, report=report, track=track)
    plan = (
        resolve(rows=rows, report=report, track=track, may_change_published=may_change_published)
        if report.ok
        else None
    )
    if not report.ok:
        return refuse_import(report, table=table, user=user, origin=origin, track=track)
    track(stage="validate", validated=len(table.rows), to_write=report.new + report.updated)
    if not dry_run:
        try:
            with transaction.atomic():
                write(
                    plan=plan,
                    user=user,
                    reason=_("Imported from %(file)s") % {"file": file_name},
                    track=track,
                )
                log_import(report=report, user=user, origin=origin)
        except IntegrityError:
            # Another editor saved one of the new slugs between the check and the write.
            report.add_error(
                None, "", _("The records changed while the file was imported; try again.")
            )
            return refuse_import(report, table=table, user=user, origin=origin, track=track)
    track(stage="done")
    return report


# Clean --------------------------------------------------------------------------------


def clean(*, table: Table, report: ImportReport, track=None) -> list[Row]:
    """Each row's cells as values: text checked as every import checks it (no control
    characters or unpaired surrogates, within its field's length, a key that is a slug),
    dates parsed (as text or as spreadsheet dates), lists split."""
    header_row = table.header_row_number
    for header in table.headers:
        if header not in COLUMNS:
            report.add_error(
                header_row,
                header,
                _("Unknown column. The columns of a registry list are: %(columns)s.")
                % {"columns": ", ".join(COLUMNS)},
            )
    for name in REQUIRED:
        if name not in table.headers:
            report.add_error(header_row, name, _("This required column is missing from the file."))
    if "person" not in table.headers and "surname_ru" not in table.headers:
        report.add_error(
            header_row, "surname_ru", _("Name the people by “person” or by “surname_ru”.")
        )
    if not report.ok:
        return []
    fields = text_fields()
    dates = PartialDateWidget()
    rows = []
    for offset, cells in enumerate(table.rows):
        number = table.first_row_number + offset
        if track is not None and offset % PROGRESS_EVERY == 0 and offset:
            track(stage="clean", read=offset)
        if not any(is_filled(cell) for cell in cells):
            continue
        values = {}
        for header, cell in zip(table.headers, cells, strict=False):
            if header in DATE_COLUMNS:
                try:
                    values[header] = dates.clean(cell)
                except ValueError as error:
                    report.add_error(number, header, str(error))
                    values[header] = None
                continue
            values[header] = text = cell_text(cell).strip()
            for message in _text_errors(text, field=fields.get(header), list_of=header):
                report.add_error(number, header, message)
        for name in DATE_COLUMNS:
            values.setdefault(name, None)
        for name in REQUIRED:
            if not values.get(name):
                report.add_error(number, name, _("This field is required."))
        if not values.get("person") and not values.get("surname_ru"):
            report.add_error(number, "surname_ru", _("Name the person: a surname or a key."))
        citizenship = values.get("citizenship", "")
        if citizenship not in CITIZENSHIPS:
            report.add_error(
                number,
                "citizenship",
                _("Write one of: %(choices)s.")
                % {"choices": ", ".join(value for value in Person.Citizenship.values if value)},
            )
        values["citations"] = [
            slug.strip() for slug in values.get("citations", "").split(",") if slug.strip()
        ]
        values["published"] = values.get("published", "").lower() in TRUE
        rows.append(Row(number, values))
    if track is not None:
        track(stage="clean", read=len(table.rows))
    return rows


def text_fields() -> dict[str, Field]:
    """The model field each text column of a list is written to (``citations``: each of
    its slugs): the column's values are checked against it."""
    return {
        **{
            name: Person._meta.get_field(name)
            for name in PERSON_COLUMNS
            if name not in ("person", *DATE_COLUMNS)
        },
        "person": Person._meta.get_field("slug"),
        "title": Title._meta.get_field("slug"),
        "decree_number": Decree._meta.get_field("number"),
        "medal_number": Conferment._meta.get_field("medal_number"),
        "citations": Citation._meta.get_field("slug"),
    }


def _text_errors(text: str, *, field: Field | None, list_of: str) -> list[str]:
    """What is wrong with a text cell: its characters, then each value against the field's
    validators (its length; a slug's letters)."""
    try:
        check_text(text)
    except ValueError as error:
        return [str(error)]
    if field is None or not text:
        return []
    parts = [part.strip() for part in text.split(",")] if list_of == "citations" else [text]
    if field.choices:
        return []
    errors = []
    for part in parts:
        try:
            field.run_validators(part)
        except ValidationError as error:
            errors += error.messages
    return errors


# Resolve and check --------------------------------------------------------------------


def person_key(values: dict) -> tuple:
    """How a row names a person without a key: Russian name and date of birth."""
    born = values.get("born_on")
    return (
        values.get("surname_ru", "").lower(),
        values.get("given_name_ru", "").lower(),
        values.get("patronymic_ru", "").lower(),
        born.isoformat() if born else "",
    )


def resolve(
    *, rows: list[Row], report: ImportReport, track=None, may_change_published: bool = True
) -> RegistryPlan:
    """Find or plan every person, title, act and passage the rows name, then check every
    conferment against the rules with the awards its person already has."""
    plan = RegistryPlan()
    titles = fetch_by_slug(Title, {row.values["title"] for row in rows})
    citations = fetch_by_slug(Citation, {slug for row in rows for slug in row.values["citations"]})
    people = _people(rows=rows, report=report, plan=plan)
    decrees = _decrees(rows=rows, plan=plan, published=may_change_published)
    rows_ok = []
    for row in rows:
        ok = True
        if row.values["title"] not in titles:
            report.add_error(
                row.number,
                "title",
                _("There is no title with the slug “%(slug)s”.") % {"slug": row.values["title"]},
            )
            ok = False
        for slug in row.values["citations"]:
            if slug not in citations:
                report.add_error(
                    row.number,
                    "citations",
                    _("There is no passage with the slug “%(slug)s”.") % {"slug": slug},
                )
                ok = False
        if ok and id(row) in people:
            rows_ok.append(row)
    if not report.ok:
        return plan
    _check_conferments(
        rows=rows_ok,
        people=people,
        titles=titles,
        decrees=decrees,
        citations=citations,
        plan=plan,
        report=report,
        track=track,
        may_change_published=may_change_published,
    )
    _refuse_taken_slugs(plan=plan, report=report)
    report.failed = len(report.failed_rows - {None})
    return plan


def _refuse_taken_slugs(*, plan: RegistryPlan, report: ImportReport) -> None:
    """A new record whose key another record already has would fail the write, and fail
    it again on every retry: the check refuses it, naming its row."""
    new_records = (
        (Person, [person for person, _citations in plan.people]),
        (Decree, plan.decrees),
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
        plan.decrees.append(found[key])
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
    # The first row naming each award (person, title, date): a second is a duplicate.
    first_of_award = {}
    for index, row in enumerate(rows):
        if track is not None and index % PROGRESS_EVERY == 0 and index:
            # Numbering, then the rules: each row counts half here, half below.
            track(stage="validate", validated=index // 2)
        person = people[id(row)]
        title = titles[row.values["title"]]
        pair = (id(person), title.pk)
        award = (*pair, row.values["date"])
        if award in first_of_award:
            report.add_error(
                row.number,
                "",
                _(
                    "The row repeats row %(row)d: the same person, title and date of "
                    "conferment. Keep one of them."
                )
                % {"row": first_of_award[award]},
            )
            continue
        first_of_award[award] = row.number
        existing = next(
            (
                conferment
                for conferment in recorded.get((person.pk, title.pk), [])
                if conferment.date == row.values["date"]
            ),
            None,
        )
        decree = None
        if row.values.get("decree_date"):
            decree = decrees[
                row.values["decree_date"].isoformat(), row.values.get("decree_number", "")
            ]
        if existing is not None:
            changed = existing.medal_number != row.values.get("medal_number", "") or (
                decree is not None and existing.decree_id != decree.pk
            )
            if changed and existing.published and not may_change_published:
                report.add_error(row.number, "published", published_change_refused())
            elif changed:
                existing.medal_number = row.values.get("medal_number", "")
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
                "published": row.values["published"],
                "created_at": now,
                "updated_at": now,
            },
        )
        conferment.person, conferment.title, conferment.decree = person, title, decree
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


def _conferment_slug(person: Person, conferment: Conferment) -> str:
    parts = (person.slug, conferment.title.slug, conferment.date.isoformat())
    return keyed_slug("-".join(parts), key="|".join(parts))


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


# Write --------------------------------------------------------------------------------


def write(*, plan: RegistryPlan, user, reason: str, track=None) -> None:
    """People, acts and conferments in bulk, their passages, one history entry each."""
    editor = user if user is not None and user.is_authenticated else None
    people = [person for person, _citations in plan.people]
    create_records(Person, people)
    _link(Person, ((person, slugs) for person, slugs in plan.people), by_slug=True)
    create_records(Decree, plan.decrees)
    _link(Decree, plan.decree_citations, by_slug=True)
    # Conferments built before their new people and acts had keys take them now; a batch
    # at a time, so that the progress moves.
    written = 0
    for chunk in chunks(plan.conferments, BATCH_SIZE):
        create_records(Conferment, chunk)
        written += len(chunk)
        if track is not None:
            track(stage="write", written=written)
    _link(Conferment, plan.conferment_citations)
    if plan.updated:
        Conferment.objects.bulk_update(
            plan.updated, ["medal_number", "decree", "updated_at", "version"], batch_size=500
        )
        if track is not None:
            track(stage="write", written=written + len(plan.updated))
    record_bulk_changes(model=Person, created=people, user=editor, reason=reason)
    record_bulk_changes(model=Decree, created=plan.decrees, user=editor, reason=reason)
    record_bulk_changes(
        model=Conferment,
        created=plan.conferments,
        updated=plan.updated,
        user=editor,
        reason=reason,
    )
    analyze(Person, Conferment, rows=len(people) + len(plan.conferments))


def _link(model, pairs, *, by_slug: bool = False) -> None:
    through, source, target = link_columns(model._meta.get_field("citations"))
    if by_slug:
        pairs = list(pairs)
        found = fetch_by_slug(Citation, {slug for _record, slugs in pairs for slug in slugs})
        pairs = [(record, [found[slug] for slug in slugs]) for record, slugs in pairs]
    insert_rows(
        through,
        [source, target],
        ((record.pk, citation.pk) for record, citations in pairs for citation in citations),
    )


# Export -------------------------------------------------------------------------------


def export_rows() -> Iterator[list]:
    """Every conferment as a row of a registry list, the person by key, in date order."""
    queryset = (
        Conferment.objects.select_related("person", "title", "decree")
        .prefetch_related("citations")
        .order_by("date", "pk")
    )
    for conferment in queryset.iterator(chunk_size=2000):
        person = conferment.person
        decree = conferment.decree
        yield [
            person.slug,
            person.surname_ru,
            person.given_name_ru,
            person.patronymic_ru,
            person.surname_en,
            person.given_name_en,
            person.patronymic_en,
            person.born_on.isoformat() if person.born_on else "",
            person.birth_place_ru,
            person.died_on.isoformat() if person.died_on else "",
            person.death_place_ru,
            person.occupation_ru,
            person.citizenship,
            conferment.title.slug,
            conferment.date.isoformat(),
            decree.date.isoformat() if decree else "",
            decree.number if decree else "",
            conferment.medal_number,
            ",".join(sorted(citation.slug for citation in conferment.citations.all())),
            "1" if conferment.published else "0",
        ]
