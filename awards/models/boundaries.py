"""What a boundary of a period rests on: a dated act or event, the title's own life, or nothing.

A provision's start and end and a title's establishment and abolition each have a basis.
Silence in the source is recorded as silence (``UNKNOWN``), never as a default: "from the
title's establishment" or "until its abolition" (``TITLE_LIFE``) needs a passage that says
so, and a dated boundary needs its date.
"""

from dataclasses import dataclass

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _


class Basis(models.TextChoices):
    DATED = "dated", _("dated: an act, an event or a date the source gives")
    TITLE_LIFE = "title_life", _("the title's establishment or abolition, as a passage says")
    UNKNOWN = "unknown", _("unknown: the source does not say")


class BasisField(models.CharField):
    """A basis of a boundary. Empty means nobody stated one (a file without the column):
    validation then settles it from what the record holds (``settle_unstated_basis``).

    Its form field is required and starts empty on a new record, so an editor has to choose.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 12)
        kwargs.setdefault("choices", Basis.choices)
        kwargs.setdefault("default", "")
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        if isinstance(field, forms.TypedChoiceField):
            field.choices = [("", "---------"), *(c for c in field.choices if c[0])]
            field.initial = None
            field.required = True
        return field


def settle_unstated_basis(basis: str, *, date, act) -> str:
    """The basis of a boundary nobody stated: dated if it has a date or an act, else unknown.

    Never "the title's life", which needs a passage that says so.
    """
    if basis:
        return basis
    return Basis.DATED if date is not None or act is not None else Basis.UNKNOWN


def note_unsupported_basis(
    errors: dict,
    *,
    basis: str,
    fields: dict[str, str],
    date,
    act,
    citation=None,
    allows_title_life: bool = True,
) -> None:
    """Note in ``errors`` what a boundary lacks, or holds against, its basis.

    ``fields`` names the form fields: ``basis``, ``date``, ``act`` and (for provisions)
    ``citation``. A dated boundary needs its date; one at the title's establishment or
    abolition takes its date from the title and needs the passage that says so; an
    unknown one carries no date, act or passage.
    """
    if basis == Basis.DATED:
        if date is None:
            errors[fields["date"]] = _(
                "A dated boundary needs its date (known to a year, a month or a day)."
            )
    elif basis == Basis.TITLE_LIFE:
        if not allows_title_life:
            errors[fields["basis"]] = _("A title's own boundary is either dated or unknown.")
        elif date is not None or act is not None:
            errors[fields["basis"]] = _(
                "A boundary at the title's establishment or abolition takes its date from "
                "the title: leave the date and the act empty."
            )
        elif citation is None:
            errors[fields["citation"]] = _(
                "Name the passage that says the provision holds from the title's "
                "establishment or until its abolition."
            )
    elif basis == Basis.UNKNOWN and (date is not None or act is not None or citation is not None):
        errors[fields["basis"]] = _(
            "An unknown boundary has no date, act or passage: choose “dated” if the "
            "source gives them."
        )


@dataclass(frozen=True)
class SideOfPeriod:
    """One boundary of a provision's period as pages show it: ``side`` is "start" or "end"."""

    side: str
    basis: str
    date: object
    act: object
    citation: object
