"""Comparisons, as the pages compute them (awards.history.comparisons): two titles aspect
by aspect, and one title over several dates."""

from __future__ import annotations

import re

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from awards.api import schemas
from awards.api.parameters import READ_METHODS, LanguageIn
from awards.api.rules import GapOut, RuleOut, comparable_title, parse_date
from awards.history.comparisons import Verdict, compare_dates, compare_titles

router = Router(tags=["comparisons"])

# As the page's form allows (awards.site.forms.MAX_DATES).
MIN_DATES, MAX_DATES = 2, 6
VERDICTS = ", ".join(verdict.value for verdict in Verdict)


class TwoTitlesIn(LanguageIn):
    first: str = Field(..., description="The slug of a title.")
    second: str = Field(..., description="The slug of another title.")


class DatesIn(LanguageIn):
    dates: str = Field(..., description="Two to six dates, separated by commas: 1939,1973-05.")


class AspectComparisonOut(Schema):
    aspect: str
    label: str
    first: list[schemas.ProvisionOut]
    second: list[schemas.ProvisionOut]
    verdict: str = Field(description=f"One of: {VERDICTS}.")


class InsigniaComparisonOut(Schema):
    insignia: schemas.Ref = Field(alias="medal")
    verdict: str


class TitleComparisonOut(Schema):
    first: schemas.Ref
    second: schemas.Ref
    aspects: list[AspectComparisonOut]
    insignia: list[InsigniaComparisonOut] = Field(alias="medals")
    common_citations: list[schemas.CitationOut]


class ColumnOut(Schema):
    date: schemas.PartialDateText
    status: str = Field(description="Whether the title existed on the date.")
    gaps: list[GapOut]

    @staticmethod
    def resolve_status(column) -> str:
        return column.existence.status

    @staticmethod
    def resolve_gaps(column) -> list:
        return list(column.existence.gaps)


class CellOut(Schema):
    rules: list[RuleOut]
    changed: bool


class AspectOverDatesOut(Schema):
    aspect: str
    label: str
    cells: list[CellOut]


class TitleOverDatesOut(Schema):
    title: schemas.Ref
    columns: list[ColumnOut]
    aspects: list[AspectOverDatesOut]


@router.api_operation(
    READ_METHODS,
    "/compare/",
    response={200: TitleComparisonOut, 404: schemas.ErrorOut, 422: schemas.ErrorOut},
    operation_id="compare_titles",
    summary="Two titles side by side: each aspect shared, different or stated for one",
)
def compare_two_titles(request, query: Query[TwoTitlesIn]):
    if query.first == query.second:
        raise HttpError(422, "Choose two different titles.")
    return compare_titles(
        first=comparable_title(query.first), second=comparable_title(query.second)
    )


@router.api_operation(
    READ_METHODS,
    "/titles/{slug}/over-dates/",
    response={200: TitleOverDatesOut, 404: schemas.ErrorOut, 422: schemas.ErrorOut},
    operation_id="compare_dates",
    summary="One title on several dates, each change marked",
)
def title_over_dates(request, slug: str, query: Query[DatesIn]):
    dates = {parse_date(word) for word in re.split(r"[\s,;]+", query.dates) if word}
    if not MIN_DATES <= len(dates) <= MAX_DATES:
        raise HttpError(422, f"Give between {MIN_DATES} and {MAX_DATES} different dates.")
    title = comparable_title(slug)
    return compare_dates(title=title, provisions=list(title.provisions.all()), dates=list(dates))
