"""Every public kind of record, as a list (by slug, a page at a time) and one by one.

Each reads through its model's ``for_detail()``, which starts from ``published()`` and
prefetches each relation through the ``published()`` of the model it leads to: the rule
the pages use, so a draft appears neither as a record nor as a link.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from awards.api import schemas
from awards.api.pagination import api_page
from awards.api.parameters import READ_METHODS, LanguageIn, PageIn
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

# (address, name of one, QuerySet of the public records, schema): the order of the docs.
RECORD_KINDS: list[tuple[str, str, Callable[[], QuerySet], type[schemas.Schema]]] = [
    ("titles", "title", lambda: Title.objects.for_detail(), schemas.TitleOut),
    ("acts", "act", lambda: Decree.objects.for_detail(), schemas.ActOut),
    ("insignia", "insignia", lambda: Medal.objects.for_detail(), schemas.InsigniaOut),
    ("events", "event", lambda: Event.objects.for_detail(), schemas.EventOut),
    ("authorities", "authority", lambda: Authority.objects.for_detail(), schemas.AuthorityOut),
    ("provisions", "provision", lambda: Provision.objects.for_detail(), schemas.ProvisionOut),
    ("sources", "source", lambda: Source.objects.published(), schemas.SourceOut),
    ("citations", "citation", lambda: Citation.objects.published(), schemas.CitationOut),
    ("people", "person", lambda: Person.objects.for_detail(), schemas.PersonOut),
]

router = Router()


def _add_kind(address: str, one: str, records: Callable[[], QuerySet], schema) -> None:
    @router.api_operation(
        READ_METHODS,
        f"/{address}/",
        response=schemas.Page[schema],
        operation_id=f"list_{address}",
        summary=f"Published {address}, by slug",
        tags=[address],
    )
    def list_records(request, query: Query[PageIn]):
        return api_page(request, records(), key="slug")

    @router.api_operation(
        READ_METHODS,
        f"/{address}/{{slug}}/",
        response={200: schema, 404: schemas.ErrorOut},
        operation_id=f"get_{one}",
        summary=f"One published {one}",
        tags=[address],
    )
    def record(request, slug: str, query: Query[LanguageIn]):
        return get_object_or_404(records(), slug=slug)


for kind in RECORD_KINDS:
    _add_kind(*kind)
