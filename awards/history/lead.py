"""The lead of a page: a few plain sentences about a title, composed from its record.

What the title was called, when and by which act it was established and abolished, and what
insignia it carried, each sentence with the passages that state it, so that the page can mark
it with its notes. Nothing is written here that the records do not hold: a date the source does
not give is said to be not given, and a title the source does not date is left out of an
overview of the titles.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from awards.core.dates import IN, date_phrase
from awards.models import Citation, Decree, Medal, Title


@dataclass(frozen=True)
class LeadSentence:
    """One sentence of a lead and the passages that state what it says (none for what the
    source does not say)."""

    text: str
    citations: list[Citation]


def title_lead(*, title: Title) -> list[LeadSentence]:
    """What a title's page opens with: its establishment, its abolition, its insignia.

    The title comes from ``Title.objects.for_lead()`` or ``for_detail()``. Each sentence
    cites its act's passages; without an act, the title's own; the insignia, the first
    passage of each (the one that introduces it).
    """
    sentences = [_establishment(title)]
    if title.abolished_date or title.abolished_by:
        sentences.append(
            LeadSentence(
                text=_("It was abolished %(when)s%(act)s.")
                % {"when": _when(title.abolished_date), "act": _act(title.abolished_by)},
                citations=_passages(title.abolished_by, title),
            )
        )
    else:
        sentences.append(
            LeadSentence(
                text=_("The source does not say whether or when it was abolished."),
                citations=[],
            )
        )
    if insignia := _insignia(title):
        sentences.append(insignia)
    return sentences


def titles_lead(*, titles: list[Title]) -> list[LeadSentence]:
    """What the home and history pages open with: each title the source dates, in the order
    they were established, with its establishment, abolition and insignia in two sentences.

    The titles come from ``Title.objects.for_lead()`` or ``for_timeline()``.
    """
    dated = sorted(
        (title for title in titles if title.established_date),
        key=lambda title: (title.established_date, title.slug),
    )
    sentences = []
    for title in dated:
        if title.abolished_date:
            sentences.append(
                LeadSentence(
                    text=_(
                        "The title “%(title)s” was established %(established)s%(act)s "
                        "and abolished %(abolished)s."
                    )
                    % {
                        "title": title.name,
                        "established": _when(title.established_date),
                        "act": _act(title.established_by),
                        "abolished": _when(title.abolished_date),
                    },
                    citations=_passages(title.established_by, title)
                    + _passages(title.abolished_by, title),
                )
            )
        else:
            sentences.append(_establishment(title))
        if insignia := _insignia(title):
            sentences.append(insignia)
    return sentences


def _establishment(title: Title) -> LeadSentence:
    if not title.established_date:
        return LeadSentence(
            text=_("The source does not say when the title “%(title)s” was established.")
            % {"title": title.name},
            citations=[],
        )
    return LeadSentence(
        text=_("The title “%(title)s” was established %(when)s%(act)s.")
        % {
            "title": title.name,
            "when": _when(title.established_date),
            "act": _act(title.established_by),
        },
        citations=_passages(title.established_by, title),
    )


def _insignia(title: Title) -> LeadSentence | None:
    medals = list(title.medals.all())
    if not medals:
        return None
    names = ", ".join(_in_sentence(medal.name) for medal in medals)
    return LeadSentence(
        text=ngettext("Its insignia: %(names)s.", "Its insignia: %(names)s.", len(medals))
        % {"names": names},
        citations=[passage for medal in medals if (passage := _first_passage(medal))],
    )


def _when(date) -> str:
    return date_phrase(date, IN)


def _act(act: Decree | None) -> str:
    return f" ({act.name})" if act is not None else ""


def _passages(act: Decree | None, title: Title) -> list[Citation]:
    """The act's passages when there is an act that cites any; else the title's own."""
    if act is not None and (passages := list(act.citations.all())):
        return passages
    return list(title.citations.all())


def _first_passage(medal: Medal) -> Citation | None:
    passages = sorted(
        medal.citations.all(),
        key=lambda citation: (citation.source_id, citation.paragraph, citation.sentence),
    )
    return passages[0] if passages else None


def _in_sentence(name: str) -> str:
    """An insignia's name inside a Russian sentence: a common noun, written small («орден
    Ленина», «золотая медаль «Серп и Молот»»); English keeps its capitals."""
    if (get_language() or "ru").startswith("ru") and name:
        return name[0].lower() + name[1:]
    return name
