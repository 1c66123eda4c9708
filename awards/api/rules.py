"""The rules of a title on a date, as the page "Rules on a date" computes them
(awards.history.rules): each provision in force, not in force, or not decided by the
source (three values), with the boundaries that leave it open."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from awards.api import schemas
from awards.api.parameters import READ_METHODS, LanguageIn
from awards.core.dates import PartialDate, PartialDateError
from awards.history.rules import Status, rules_on_date
from awards.models import Title

router = Router(tags=["rules"])

STATUSES = ", ".join(status.value for status in Status)


class OnDateIn(LanguageIn):
    on: str = Field(..., description="A day, a month or a year: 1973-05-14, 1941-06, 1939.")


class GapOut(Schema):
    """Why the source does not decide: a boundary (start, end, establishment, abolition)
    without a date, or dated too coarsely for the date asked about."""

    boundary: str
    date: schemas.PartialDateText


class AnswerOut(Schema):
    status: str = Field(description=f"One of: {STATUSES}.")
    gaps: list[GapOut]


class RuleOut(AnswerOut):
    provision: schemas.ProvisionOut


class AspectRulesOut(Schema):
    aspect: str
    label: str
    rules: list[RuleOut]


class RulesOnDateOut(Schema):
    title: schemas.Ref
    on: schemas.PartialDateText
    existence: AnswerOut
    aspects: list[AspectRulesOut]
    not_in_force: list[RuleOut]


def parse_date(text: str) -> PartialDate:
    try:
        return PartialDate.parse(text)
    except PartialDateError as error:
        raise HttpError(
            422, f"{text!r} is not a date written as 1939, 1941-06 or 1973-05-14: {error}"
        ) from None


def comparable_title(slug: str) -> Title:
    """A published title with what comparisons read: its published provisions, with what
    set and ended them, insignia and passages."""
    return get_object_or_404(Title.objects.for_comparison(), slug=slug)


@router.api_operation(
    READ_METHODS,
    "/titles/{slug}/rules/",
    response={200: RulesOnDateOut, 404: schemas.ErrorOut, 422: schemas.ErrorOut},
    operation_id="rules_on_date",
    summary="The provisions of a title on a date, aspect by aspect",
)
def title_rules(request, slug: str, query: Query[OnDateIn]):
    on = parse_date(query.on)
    title = comparable_title(slug)
    return rules_on_date(title=title, provisions=list(title.provisions.all()), on=on)
