"""Builders of registry records for the tests: people who received titles, by date."""

import itertools

from awards import models
from awards.dates import PartialDate
from awards.registry import renumber

_numbers = itertools.count(1)


def hero(*, surname="Иванов", given_name="Иван", patronymic="Иванович", **fields):
    """A published person with the parts of a name, citing a passage of the fixtures."""
    number = next(_numbers)
    fields.setdefault("slug", f"hero-{number}")
    fields.setdefault("published", True)
    if "surname_en" in fields:
        fields.setdefault("name_en", f"{fields['surname_en']} {fields.get('given_name_en', '')}")
    person = models.Person.objects.create(
        name_ru=f"{surname} {given_name} {patronymic}",
        surname_ru=surname,
        given_name_ru=given_name,
        patronymic_ru=patronymic,
        **fields,
    )
    person.citations.set([models.Citation.objects.get(slug="hsl-p1-s1")])
    return person


def confer(person, date, *, title="hero-of-socialist-labour", check=True, **fields):
    """Confer a title on a person on a date ("1943-03-19"), checked as the admin checks it
    (``full_clean``), numbered among the person's awards; returns the saved conferment."""
    number = next(_numbers)
    conferment = models.Conferment(
        slug=f"conferment-{number}",
        person=person,
        title=models.Title.objects.get(slug=title),
        date=PartialDate.parse(date),
        published=True,
        **fields,
    )
    if check:
        conferment.full_clean()
    conferment.save()
    conferment.citations.set([models.Citation.objects.get(slug="hsl-p4-s1")])
    renumber(pairs=[(person.pk, conferment.title_id)])
    conferment.refresh_from_db()
    return conferment
