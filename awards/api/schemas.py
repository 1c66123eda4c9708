"""The API's typed records: one Schema per kind, read from the records the public may see.

Every record carries its public page (``url``, absolute, in the language asked for), its
``version`` (raised by one with every write: awards.models.base) and the passages it cites,
each with its place in the source, its quotation and the source. Texts are in the language
of the request (awards.api.language); a text with no English version reads in Russian, as
on the pages. Dates known to a year or a month are ISO partials: "1940", "1940-05".

Relations come from the QuerySets' ``for_detail()``, which reach records only through
their ``published()``: a link to a draft reads as ``null`` or is left out of a list.
"""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from ninja import Schema
from pydantic import BeforeValidator, Field

from awards.core.dates import PartialDate


def _iso(value: PartialDate | str | None) -> str | None:
    return value.isoformat() if isinstance(value, PartialDate) else value


# A date known to a day, a month or a year, written as ISO 8601 writes each.
PartialDateText = Annotated[
    str | None,
    BeforeValidator(_iso),
    Field(json_schema_extra={"pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}),
]


def _absolute_url(record, context) -> str:
    # The scheme and host read once per answer: a page of fifty rows names hundreds of pages.
    request = context["request"]
    origin = request.__dict__.get("api_origin")
    if origin is None:
        origin = request.__dict__["api_origin"] = f"{request.scheme}://{request.get_host()}"
    return origin + record.get_absolute_url()


class Ref(Schema):
    """Another record, named, with its page."""

    slug: str
    name: str
    url: str

    @staticmethod
    def resolve_name(record) -> str:
        return str(record)

    @staticmethod
    def resolve_url(record, context) -> str:
        return _absolute_url(record, context)


class CitationOut(Schema):
    """A passage of a source: where it stands, what it says, the source it is from."""

    slug: str
    url: str
    version: int
    paragraph: int
    sentence: int
    place: str
    quote: str
    source: Ref

    @staticmethod
    def resolve_url(record, context) -> str:
        return _absolute_url(record, context)

    @staticmethod
    def resolve_place(record) -> str:
        return str(record.place())


class RecordOut(Schema):
    """What every published record of the history has."""

    slug: str
    url: str
    version: int
    citations: list[CitationOut]

    @staticmethod
    def resolve_url(record, context) -> str:
        return _absolute_url(record, context)


class TitleOut(RecordOut):
    name: str
    description: str
    established_basis: str
    established_on: PartialDateText
    established_by: Ref | None
    abolished_basis: str
    abolished_on: PartialDateText
    abolished_by: Ref | None
    predecessor: Ref | None
    conferred_by: list[Ref]
    insignia: list[Ref] = Field(alias="medals")
    provisions: list[Ref]


class ActOut(RecordOut):
    """A normative act (a decree, a resolution, a statute)."""

    kind: str
    kind_label: str = Field(alias="get_kind_display")
    date: PartialDateText
    number: str
    name: str
    summary: str
    authorities: list[Ref]


class InsigniaOut(RecordOut):
    kind: str
    kind_label: str = Field(alias="get_kind_display")
    name: str
    description: str
    established_on: PartialDateText
    established_by: Ref | None
    designer: Ref | None
    titles: list[Ref]


class EventOut(RecordOut):
    date: PartialDateText
    name: str
    description: str
    titles: list[Ref]
    acts: list[Ref] = Field(alias="decrees")
    insignia: list[Ref] = Field(alias="medals")


class AuthorityOut(RecordOut):
    name: str
    short_name: str
    jurisdiction: str
    parent: Ref | None
    description: str


class BoundaryOut(Schema):
    """A boundary of a provision: its basis ("dated", "establishment", "abolition" of the
    title, or "unknown"), its date, and the act, event or passage it rests on."""

    basis: str
    date: PartialDateText
    act: Ref | None
    event: Ref | None
    citation: CitationOut | None


def _boundary(provision, side: str) -> dict:
    return {
        "basis": getattr(provision, f"{side}_basis"),
        "date": getattr(provision, side),
        "act": getattr(provision, f"{side}_decree"),
        "event": getattr(provision, f"{side}_event"),
        "citation": getattr(provision, f"{side}_citation"),
    }


class ProvisionOut(RecordOut):
    title: Ref
    aspect: str
    aspect_label: str = Field(alias="get_aspect_display")
    value: str
    value_key: str
    note: str
    start: BoundaryOut
    end: BoundaryOut

    @staticmethod
    def resolve_start(provision) -> dict:
        return _boundary(provision, "start")

    @staticmethod
    def resolve_end(provision) -> dict:
        return _boundary(provision, "end")


class SourceOut(Schema):
    slug: str
    url: str
    version: int
    name: str
    author: str
    address: str = Field(alias="url")
    language: str
    text: str

    @staticmethod
    def resolve_url(record, context) -> str:
        return _absolute_url(record, context)


class OtherNameOut(Schema):
    name: str
    kind: str
    language: str


class PersonOut(RecordOut):
    name: str
    name_as_written: str
    surname: str
    given_name: str
    patronymic: str
    sex: str
    born_on: PartialDateText
    birth_place: str
    died_on: PartialDateText
    death_place: str
    occupation: str
    citizenship: str
    description: str
    other_names: list[OtherNameOut]


class ConfermentOut(RecordOut):
    """A title conferred on a person; ``times``: how many times the person received the
    title, ``ordinal``: which of them this one is (published conferments counted)."""

    person: Ref
    title: Ref
    act: Ref | None
    date: PartialDateText
    medal_number: str
    revoked_on: PartialDateText
    restored_on: PartialDateText
    posthumous: bool
    note: str
    times: int = Field(alias="public_times")
    ordinal: int = Field(alias="public_ordinal")

    @staticmethod
    def resolve_act(conferment) -> object | None:
        # The registry's rows are fetched with their act joined, not prefetched.
        decree = conferment.decree
        return decree if decree is not None and decree.published else None


Item = TypeVar("Item")


class Page(Schema, Generic[Item]):
    """A page of a list, in a stable order; ``next`` and ``previous``: the addresses of the
    pages on either side, null at the start or the end."""

    items: list[Item]
    next: str | None
    previous: str | None


class ErrorOut(Schema):
    detail: str
