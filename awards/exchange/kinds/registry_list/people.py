"""The person of each row of a registry list, matched as a researcher matches
(awards.registry.matching): a recorded person, another row's new person, a new person —
or a question for the editor, never a silent new person nor a silent merge.

A row names its person by key (``person``: a slug), or asks for a new one (``person``:
``new``), or by the Russian name and date of birth. By name, a row is:

- the recorded person, or the new person of an earlier row, who is the **same** (names in
  full and alike, birth dates that can be the same day) when there is exactly one;
- a **question** when it may be several, or possibly one (an initial, a part missing, another
  birth date): the check lists the candidates, and the editor's answer (``answers``, by
  row number: a slug or ``new``; or the ``person`` cell of the row) settles it;
- a **new person** when no one recorded or in the file has that surname and agreeing names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from awards.core.bulk import build, chunks
from awards.core.names import is_initial, normalized_name, sort_key, split_initials
from awards.core.slugs import keyed_slug
from awards.core.transliteration import transliterate
from awards.exchange.columns import fetch_by_slug
from awards.exchange.kinds.registry_list.clean import Row
from awards.exchange.pipeline.report import ImportReport
from awards.models import Person
from awards.registry.matching import SAME, NameParts, dates_agree, match, person_parts

# What a row's or an answer's ``person`` says when the row is to add a new person.
NEW_PERSON = "new"
NEW_PERSON_WORDS = frozenset({NEW_PERSON, "новый", "новая", "новое"})


@dataclass
class Candidate:
    """Someone a row may name: a recorded person, or the new person of an earlier row."""

    person: Person
    parts: NameParts
    row: int | None = None  # the row that adds them, if they are new

    def described(self) -> dict:
        """The candidate as the editor is asked about them (stored on a job as JSON)."""
        born = self.parts.born_on
        return {
            "slug": self.person.slug,
            "name": self.person.name_ru or self.person.name,
            "born": born.isoformat() if born else "",
            "row": self.row,
        }


@dataclass
class People:
    """The person of each row (by the row's id) and the new people the rows add."""

    of_row: dict = field(default_factory=dict)
    new: list = field(default_factory=list)  # (person, slugs of the row's passages, row)
    # Dates of birth or death a row gives otherwise than the person it is answered to be:
    # (person, kind, date, slugs of the row's passages, row), kept as other dates.
    other_dates: list = field(default_factory=list)


def note_other_dates(people: People, *, person: Person, row: Row) -> None:
    """The row's dates of birth and death that cannot be the person's (another source's
    dates), to keep beside the record's: an editor who answers that a row is this person
    loses none of what the row says."""
    for kind, column in (("birth", "born_on"), ("death", "died_on")):
        given, recorded = row.values.get(column), getattr(person, column)
        if given is not None and recorded is not None and not dates_agree(given, recorded):
            people.other_dates.append((person, kind, given, row.values["citations"], row.number))


def row_parts(values: dict) -> NameParts:
    """The name and birth date a row gives; a given-name cell holding both initials
    («В. А.») gives the given name's and the patronymic's."""
    given, patronymic = values.get("given_name_ru", ""), values.get("patronymic_ru", "")
    initials = split_initials(given)
    if len(initials) == 2 and not patronymic:
        given, patronymic = initials
    elif len(initials) == 1:
        given = initials[0]
    if split_initials(patronymic):
        patronymic = split_initials(patronymic)[0]
    return NameParts(
        surname=values.get("surname_ru", ""),
        given_name=given,
        patronymic=patronymic,
        born_on=values.get("born_on"),
    )


def resolve_people(
    *, rows: list[Row], report: ImportReport, answers: dict[int, str] | None = None
) -> People:
    """The person of every row, or an error or a question of the row (see the module)."""
    answers = {int(number): answer for number, answer in (answers or {}).items()}
    people = People()
    keys = {
        answer
        for row in rows
        for answer in (row.values.get("person"), answers.get(row.number))
        if answer and answer.lower() not in NEW_PERSON_WORDS
    }
    by_slug = fetch_by_slug(Person, keys)
    recorded = _recorded_candidates(rows)
    planned: dict[str, list[Candidate]] = {}
    planned_by_slug: dict[str, Candidate] = {}
    # Rows that name someone alike (the same parts, the same birth date) are one person:
    # the first row's person, or the first row's question.
    person_of_key: dict[tuple, Person] = {}
    question_of_key: dict[tuple, dict] = {}
    now = timezone.now()
    for row in rows:
        cell = row.values.get("person") or ""
        parts = row_parts(row.values)
        key = _key(parts)
        if not cell and key in question_of_key:
            question_of_key[key]["rows"].append(row.number)
            continue
        if not cell and key in person_of_key:
            people.of_row[id(row)] = person_of_key[key]
            continue
        answer = answers.get(row.number) or cell
        if answer and answer.lower() not in NEW_PERSON_WORDS:
            person = by_slug.get(answer) or getattr(planned_by_slug.get(answer), "person", None)
            if person is None:
                column = "person" if answer == cell else ""
                report.add_error(
                    row.number,
                    column,
                    _("There is no person with the key “%(slug)s”.") % {"slug": answer},
                )
            else:
                people.of_row[id(row)] = person
                note_other_dates(people, person=person, row=row)
                if not cell:
                    person_of_key[key] = person
            continue
        surname = normalized_name(parts.surname)
        if not answer:
            found = [
                (verdict, candidate)
                for candidate in [*recorded.get(surname, []), *planned.get(surname, [])]
                if (verdict := match(parts, candidate.parts)) is not None
            ]
            same = [candidate for verdict, candidate in found if verdict == SAME]
            if len(same) == 1:
                people.of_row[id(row)] = person_of_key[key] = same[0].person
                continue
            if found:
                question_of_key[key] = report.ask(
                    row=row.number,
                    name=_display_name(parts),
                    born=parts.born_on.isoformat() if parts.born_on else "",
                    candidates=[candidate.described() for _verdict, candidate in found],
                )
                continue
        candidate = Candidate(person=_new_person(row.values, parts, now=now), parts=parts)
        candidate.row = row.number
        planned.setdefault(surname, []).append(candidate)
        planned_by_slug[candidate.person.slug] = candidate
        people.new.append((candidate.person, row.values["citations"], row.number))
        people.of_row[id(row)] = candidate.person
        if not cell:
            person_of_key[key] = candidate.person
    return people


def _key(parts: NameParts) -> tuple:
    born = parts.born_on
    return (
        normalized_name(parts.surname),
        normalized_name(parts.given_name),
        normalized_name(parts.patronymic),
        born.isoformat() if born else "",
    )


def _recorded_candidates(rows: list[Row]) -> dict[str, list[Candidate]]:
    """The recorded people who share a surname (as compared) with a row naming by name."""
    surnames = {
        normalized_name(row.values.get("surname_ru"))
        for row in rows
        if not row.values.get("person") and row.values.get("surname_ru")
    }
    found: dict[str, list[Candidate]] = {}
    for chunk in chunks(sorted(surnames)):
        for person in Person.objects.filter(match_surname__in=chunk):
            found.setdefault(person.match_surname, []).append(
                Candidate(person=person, parts=person_parts(person))
            )
    return found


def _display_name(parts: NameParts) -> str:
    return " ".join(part for part in (parts.surname, parts.given_name, parts.patronymic) if part)


def _new_person(values: dict, parts: NameParts, *, now) -> Person:
    """A person as the row names them: initials kept as initials, not as names."""
    initials = " ".join(part for part in (parts.given_name, parts.patronymic) if is_initial(part))
    given = "" if is_initial(parts.given_name) else parts.given_name
    patronymic = "" if is_initial(parts.patronymic) else parts.patronymic
    parts_ru = [parts.surname, given, patronymic]
    parts_en = [
        values.get(f"{part}_en") or transliterate(ru)
        for part, ru in zip(("surname", "given_name", "patronymic"), parts_ru, strict=True)
    ]
    name_ru = " ".join(part for part in (parts.surname, given, patronymic) if part)
    name_en = " ".join(part for part in parts_en if part)
    if initials:
        name_ru = f"{name_ru} {initials}"
        name_en = f"{name_en} {transliterate(initials)}".strip()
    born = parts.born_on
    key = "|".join(
        (*(normalized_name(part) for part in parts_ru), initials, born.isoformat() if born else "")
    )
    birth_place = values.get("birth_place_ru", "")
    death_place = values.get("death_place_ru", "")
    occupation = values.get("occupation_ru", "")
    return build(
        Person,
        {
            "slug": keyed_slug(name_en, key=key),
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
            "initials": initials,
            "match_surname": normalized_name(parts_ru[0])[:100],
            "sort_name": sort_key(" ".join(part for part in parts_ru if part) or name_ru),
            "name_as_written": values.get("name_as_written", ""),
            "sex": values.get("sex", ""),
            "born_on": born,
            "born_on_old_style": values.get("born_on_old_style"),
            "died_on": values.get("died_on"),
            "died_on_old_style": values.get("died_on_old_style"),
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
