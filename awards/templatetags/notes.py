"""Numbered notes: a fact's mark (``note_marks``, ``note_remark``) and, at the foot of the page,
the notes they point to (``page_notes``), collected per page by ``awards.site.notes``."""

from django import template
from django.db.models import Manager
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from awards.models import Citation
from awards.site.notes import Mark, PageNotes, page_notes

register = template.Library()


def _notes(context) -> PageNotes:
    request = getattr(context, "request", None) or context.get("request")
    if request is None:
        # A template rendered without a request (an e-mail, a test): its own page of notes,
        # kept in the render context every include shares.
        return context.render_context.dicts[0].setdefault("awards_page_notes", PageNotes())
    return page_notes(request)


def _mark_link(mark: Mark, *, cites: bool):
    note = mark.note
    label = gettext("Note %(number)s") % {"number": note.number}
    if cites:
        return format_html(
            '<a href="#{}" id="{}" data-cites aria-label="{}" title="{}: {}">{}</a>',
            note.anchor,
            mark.id,
            label,
            note.citation.source,
            note.citation.place(),
            note.number,
        )
    return format_html(
        '<a href="#{}" id="{}" aria-label="{}">{}</a>', note.anchor, mark.id, label, note.number
    )


def _marks(marks: list[Mark], *, cites: bool):
    if not marks:
        return ""
    links = format_html_join(", ", "{}", ((_mark_link(mark, cites=cites),) for mark in marks))
    return format_html('<sup class="note-ref">{}</sup>', links)


@register.simple_tag(takes_context=True)
def note_marks(context, citations):
    """The marks of a fact stated by these passages (a passage, a list or a related manager),
    each a superscript number linking to its note; a passage cited twice, one number."""
    if citations is None or citations == "":
        return ""
    if isinstance(citations, Manager):
        citations = citations.all()
    elif isinstance(citations, Citation):
        citations = [citations]
    return _marks(_notes(context).cite_all(citations), cites=True)


@register.simple_tag(takes_context=True)
def provision_marks(context, provision):
    """The marks of a provision after its period: its passages, less those the period beside
    it has marked already (templates/components/_provision_period.html), so that a fact
    dated by its own passage reads «…звания ³», not «…звания ³ ³»."""
    if provision.holds_for_whole_life:
        marked = {provision.start_citation_id}
    else:
        sides = (provision.start_side, provision.end_side)
        marked = {
            side.citation.pk for side in sides if side.basis == "title_life" and side.citation
        }
    citations = [citation for citation in provision.citations.all() if citation.pk not in marked]
    return note_marks(context, citations)


@register.simple_tag(takes_context=True)
def note_remark(context, text):
    """The marks of an editor's remark; each of its sentences stands once among the notes."""
    if not text:
        return ""
    return _marks(_notes(context).remark(text), cites=False)


@register.simple_tag(takes_context=True)
def page_notes_list(context):
    """The notes the page's marks point to, in their order, each with links back to its marks."""
    notes = _notes(context).notes
    if not notes:
        return ""
    return render_to_string("components/_notes.html", {"notes": notes})
