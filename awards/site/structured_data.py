"""schema.org descriptions of the pages, as JSON-LD dictionaries.

Each record kind maps to the schema.org type that fits it; kinds with no fitting type
(a provision, an honorific title) are described as a ``DefinedTerm`` or ``CreativeWork``
part of the site's collection rather than forced into a wrong type.
"""

from django.utils.translation import get_language

from awards.core.dates import PartialDate, format_partial_date
from awards.models import (
    Authority,
    Citation,
    Decree,
    Event,
    Medal,
    Person,
    Provision,
    Source,
    Title,
)

SCHEMA_TYPES = {
    Title: "DefinedTerm",
    Medal: "DefinedTerm",
    Provision: "DefinedTerm",
    Decree: "Legislation",
    Event: "Event",
    Authority: "GovernmentOrganization",
    Person: "Person",
    Source: "CreativeWork",
    Citation: "Quotation",
}


def _date(value: PartialDate | None) -> str | None:
    return value.isoformat() if value else None


def website(*, name: str, url: str, search_url: str) -> dict:
    """The site, with the search box that search engines may offer."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": name,
        "url": url,
        "inLanguage": get_language(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": f"{search_url}?q={{search_term_string}}",
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumbs(*, trail: list[tuple[str, str]]) -> dict:
    """A BreadcrumbList of (name, absolute url) pairs, from the home page down."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def record(*, record, url: str) -> dict:
    """The record as its schema.org type, with its dates and the passages it cites."""
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES[type(record)],
        "name": str(record),
        "url": url,
        "inLanguage": get_language(),
    }
    description = getattr(record, "description", "") or getattr(record, "summary", "")
    if description:
        data["description"] = description
    if isinstance(record, Decree):
        data["legislationDate"] = _date(record.date)
        data["legislationType"] = record.get_kind_display()
    elif isinstance(record, Event):
        data["startDate"] = _date(record.date)
    elif isinstance(record, Citation):
        data["text"] = record.quote
        data["isPartOf"] = {"@type": "CreativeWork", "name": str(record.source)}
    elif isinstance(record, Source):
        if record.author:
            data["author"] = record.author
        data["inLanguage"] = record.language
    return {key: value for key, value in data.items() if value is not None}


def person(*, person: Person, url: str, conferments) -> dict:
    """A person as a schema.org ``Person``: the other names, the dates of life known (ISO
    partials: "1901", "1901-05"), the places, and each title received, as text with its
    date. A conferment revoked and not restored is no longer an award, and is left out."""
    data = record(record=person, url=url)
    alternates = [name.name for name in person.other_names.all()]
    if written := person.name_as_written_if_different:
        alternates.insert(0, written)
    details = {
        "alternateName": list(dict.fromkeys(alternates)) or None,
        "givenName": person.given_name or None,
        "familyName": person.surname or None,
        "birthDate": _date(person.born_on),
        "deathDate": _date(person.died_on),
        "birthPlace": _place(person.birth_place),
        "deathPlace": _place(person.death_place),
        "jobTitle": person.occupation or None,
        "award": [
            f"{conferment.title} ({format_partial_date(conferment.date)})"
            for conferment in conferments
            if not conferment.revoked
        ]
        or None,
    }
    return data | {key: value for key, value in details.items() if value is not None}


def _place(name: str) -> dict | None:
    return {"@type": "Place", "name": name} if name else None
