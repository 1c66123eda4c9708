"""The registry of conferments, with the registry pages' filters and orders
(awards.site.registry_views): a title, a year, the number of times the person received
the title; by surname (in the language asked for) or by date. And the counts per year.
"""

from __future__ import annotations

from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from awards.api import schemas
from awards.api.pagination import api_page
from awards.api.parameters import READ_METHODS, LanguageIn, PageIn
from awards.models import Conferment, Title
from awards.models.registry import MANY_TIMES
from awards.registry.counts import conferments_per_year

router = Router(tags=["registry"])


class RegistryFilterIn(PageIn):
    title: str | None = Field(None, description="The slug of a title.")
    year: int | None = Field(None, ge=1000, le=9999, description="The year of conferment.")
    times: int | None = Field(
        None,
        ge=1,
        le=MANY_TIMES,
        description=f"People who received the title this many times ({MANY_TIMES}: or more).",
    )
    sort: Literal["surname", "date"] = "surname"


class TitleFilterIn(LanguageIn):
    title: str | None = Field(None, description="The slug of a title.")


class YearCountOut(Schema):
    year: int
    count: int


def _title(slug: str | None) -> Title | None:
    """The published title of the slug; a draft's slug reads as unknown."""
    if slug is None:
        return None
    title = Title.objects.published().filter(slug=slug).first()
    if title is None:
        raise HttpError(404, "No published title has this slug.")
    return title


def _name_key(lang: str) -> str:
    return "sort_name_en" if lang == "en" else "sort_name_ru"


@router.api_operation(
    READ_METHODS,
    "/conferments/",
    response={200: schemas.Page[schemas.ConfermentOut], 404: schemas.ErrorOut},
    operation_id="list_conferments",
    summary="The registry: published conferments, filtered and in order",
)
def registry_list(request, query: Query[RegistryFilterIn]):
    by_date = query.sort == "date"
    key = "date" if by_date else _name_key(query.lang)
    conferments = (
        Conferment.objects.for_registry()
        .filtered(title=_title(query.title), year=query.year, times=query.times, by_date=by_date)
        .prefetch_published("citations")
    )
    return api_page(request, conferments, key=key)


@router.api_operation(
    READ_METHODS,
    "/conferments/{slug}/",
    response={200: schemas.ConfermentOut, 404: schemas.ErrorOut},
    operation_id="get_conferment",
    summary="One published conferment",
)
def conferment(request, slug: str, query: Query[LanguageIn]):
    return get_object_or_404(
        Conferment.objects.published().prefetch_published("citations"), slug=slug
    )


@router.api_operation(
    READ_METHODS,
    "/registry/years/",
    response={200: list[YearCountOut], 404: schemas.ErrorOut},
    operation_id="registry_years",
    summary="Published conferments per year, of one title or of all",
)
def registry_years(request, query: Query[TitleFilterIn]):
    return conferments_per_year(title=_title(query.title))
