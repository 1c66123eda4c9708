"""The registry's lines as its pages list them: plain values read with ``values_list``,
not records, so that a page of fifty conferments builds fifty small objects instead of
two hundred model instances (a conferment, its person, title and act) with their
translation descriptors and signals.

Each line answers what the list's templates ask of a conferment (its person's name,
address and life dates, its title, date, act and badges) with the rules of the records
themselves: the name in the page's language as the translated fields read it, whether
the award was posthumous (``Conferment.is_posthumous``), whether it stands revoked.
"""

from __future__ import annotations

from dataclasses import dataclass

from modeltranslation.utils import get_language, resolution_order

from awards.core.dates import PartialDate
from awards.models.base import detail_url
from awards.models.registry import awarded_posthumously, stands_revoked


def in_language(values: dict, name: str) -> str:
    """A translated field as its descriptor reads it: the value in the page's language,
    else in the fallback language (Russian); empty when neither has one."""
    for language in resolution_order(get_language()):
        value = values.get(f"{name}_{language}")
        if value is not None and value != "":
            return value
    return ""


@dataclass(frozen=True, slots=True)
class PersonLine:
    slug: str
    name: str
    born_on: PartialDate | None
    born_on_old_style: PartialDate | None
    died_on: PartialDate | None
    died_on_old_style: PartialDate | None

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return detail_url("person", self.slug)


@dataclass(frozen=True, slots=True)
class TitleLine:
    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class DecreeLine:
    slug: str
    name: str
    published: bool

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return detail_url("decree", self.slug)


# What a line reads of a conferment and of the records it names, in this order.
_OWN = (
    "pk",
    "slug",
    "date",
    "person_id",
    "title_id",
    "sort_name_ru",
    "sort_name_en",
    "medal_number",
    "medal_order",
    "public_ordinal",
    "posthumous",
    "rules_uncertain",
    "revoked_on",
    "revoked_by_id",
    "restored_on",
    "restored_by_id",
)
_PERSON = (
    "person__slug",
    "person__name_ru",
    "person__name_en",
    "person__born_on",
    "person__born_on_old_style",
    "person__died_on",
    "person__died_on_old_style",
)
_TITLE = ("title__name_ru", "title__name_en")
_DECREE = ("decree__slug", "decree__published", "decree__name_ru", "decree__name_en")
FIELDS = (*_OWN, *_PERSON, *_TITLE, *_DECREE)


@dataclass(frozen=True, slots=True)
class ConfermentLine:
    """A conferment as the registry's lists show it."""

    pk: int
    slug: str
    date: PartialDate
    person_id: int
    title_id: int
    sort_name_ru: str
    sort_name_en: str
    medal_number: str
    medal_order: int | None
    public_ordinal: int
    posthumous: bool
    rules_uncertain: bool
    revoked_on: PartialDate | None
    revoked_by_id: int | None
    restored_on: PartialDate | None
    restored_by_id: int | None
    person: PersonLine
    title: TitleLine
    decree: DecreeLine | None

    @classmethod
    def of(cls, row: tuple) -> ConfermentLine:
        """The line of a row of ``FIELDS``."""
        values = dict(zip(FIELDS, row, strict=True))
        person = PersonLine(
            slug=values["person__slug"],
            name=in_language(values, "person__name"),
            born_on=values["person__born_on"],
            born_on_old_style=values["person__born_on_old_style"],
            died_on=values["person__died_on"],
            died_on_old_style=values["person__died_on_old_style"],
        )
        decree = None
        if values["decree__slug"] is not None:
            decree = DecreeLine(
                slug=values["decree__slug"],
                name=in_language(values, "decree__name"),
                published=values["decree__published"],
            )
        return cls(
            *row[: len(_OWN)],
            person=person,
            title=TitleLine(name=in_language(values, "title__name")),
            decree=decree,
        )

    def get_absolute_url(self) -> str:
        return detail_url("person", self.person.slug) + f"#conferment-{self.slug}"

    @property
    def is_posthumous(self) -> bool:
        """As ``Conferment.is_posthumous``."""
        return awarded_posthumously(
            posthumous=self.posthumous, date=self.date, died_on=self.person.died_on
        )

    @property
    def revoked(self) -> bool:
        """As ``Conferment.revoked``."""
        return stands_revoked(
            revoked_on=self.revoked_on,
            revoked_by_id=self.revoked_by_id,
            restored_on=self.restored_on,
            restored_by_id=self.restored_by_id,
        )


def lines(queryset):
    """A QuerySet of conferments as the values of their lines (``ConfermentLine.of``
    builds each): for ``keyset_page(..., row=ConfermentLine.of)``."""
    return queryset.values_list(*FIELDS)
