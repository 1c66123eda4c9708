"""The public pages of a record's versions: one version at its permanent address, its
citation to download, and the list of the record's published versions with their reasons.

Only published versions of published records are shown (``records.public_history``), and
nothing of who wrote them.
"""

from django.apps import apps
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_safe

from awards.records.public_history import (
    public_changes,
    public_reason,
    published_version,
    published_versions,
)
from awards.site import views
from awards.site.citing import bibtex, csl_json
from awards.site.record_versions import (
    cited_version,
    feed_title,
    record_at,
    record_url,
    version_url,
)

# The page of each kind of record, which a version's page renders through.
DETAIL_VIEWS = {
    "title": views.TitleDetailView,
    "decree": views.DecreeDetailView,
    "medal": views.MedalDetailView,
    "event": views.EventDetailView,
    "authority": views.AuthorityDetailView,
    "person": views.PersonDetailView,
    "provision": views.ProvisionDetailView,
    "source": views.SourceDetailView,
    "citation": views.CitationDetailView,
}


def _version(model_name: str, history_id: int):
    """The published record and its public history entry, or 404."""
    model = apps.get_model("awards", model_name)
    entry = published_version(model, history_id=history_id)
    if entry is None:
        raise Http404
    return model.objects.published().get(pk=entry.id), entry


@require_safe
def record_version(request, *, model_name: str, slug: str, history_id: int):
    """A record as one of its published versions was, saying when a newer one exists."""
    current, entry = _version(model_name, history_id)
    if current.slug != slug:
        return redirect(version_url(current, entry), permanent=True)
    model = type(current)
    view = DETAIL_VIEWS[model_name]()
    view.setup(request, slug=slug)
    view.object = record_at(entry, model=model)
    view.entry = entry
    view.current_record = current
    context = view.get_context_data(object=view.object)
    return render(request, view.get_template_names()[0], context)


def _citation_file(request, model_name, slug, history_id, *, render_file, content_type, ext):
    current, entry = _version(model_name, history_id)
    if current.slug != slug:
        raise Http404
    cited = cited_version(request, record=current, entry=entry, title=str(entry.instance))
    response = HttpResponse(render_file(cited), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{cited.key}.{ext}"'
    return response


@require_safe
def cite_bibtex(request, *, model_name: str, slug: str, history_id: int):
    return _citation_file(
        request,
        model_name,
        slug,
        history_id,
        render_file=bibtex,
        content_type="application/x-bibtex; charset=utf-8",
        ext="bib",
    )


@require_safe
def cite_csl_json(request, *, model_name: str, slug: str, history_id: int):
    return _citation_file(
        request,
        model_name,
        slug,
        history_id,
        render_file=csl_json,
        content_type="application/vnd.citationstyles.csl+json; charset=utf-8",
        ext="json",
    )


# The versions a history page lists, newest first.
HISTORY_LENGTH = 100


@require_safe
def record_history(request, *, model_name: str, slug: str):
    """A record's published versions, newest first, each with its reason and what it changed."""
    model = apps.get_model("awards", model_name)
    record = get_object_or_404(model.objects.published(), slug=slug)
    entries = list(published_versions(model, record_pk=record.pk)[: HISTORY_LENGTH + 1])
    language = get_language()
    versions = [
        {
            "number": entry.version,
            "date": entry.history_date,
            "reason": public_reason(entry),
            "url": version_url(record, entry),
            "first": previous is None,
            "changes": public_changes(entry, previous, language=language),
        }
        for entry, previous in zip(entries, [*entries[1:], None], strict=True)
    ][:HISTORY_LENGTH]
    return render(
        request,
        "awards/record_history.html",
        {
            "record": record,
            "record_versions": versions,
            "page_title": gettext("History of changes: %(record)s") % {"record": record},
            "feed_url": record_url("changes-feed", record),
            "feed_title": feed_title(record),
        },
    )
