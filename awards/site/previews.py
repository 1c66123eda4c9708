"""A record's public page as a pending revision would make it (awards.records.moderation):
for the revision's author and the chief editors only, never cached, never indexed."""

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from awards.models import PendingRevision
from awards.records import moderation
from awards.site import views

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


@require_safe
@staff_member_required
def revision_preview(request, pk):
    """The public page of the revision's record, its proposed values and links applied in
    memory to the record as the public page reads it; nothing is saved."""
    revision = get_object_or_404(PendingRevision.objects.for_queue(), pk=pk)
    allowed = moderation.may_see_revisions(request.user) and (
        revision.author_id == request.user.pk or moderation.may_review(request.user, revision)
    )
    if not allowed:
        raise PermissionDenied
    view_class = DETAIL_VIEWS.get(revision.content_type.model)
    if view_class is None:
        raise Http404
    view = view_class()
    view.setup(request)
    record = view.get_queryset().filter(pk=revision.object_id).first()
    if record is None:
        raise Http404
    view.object = moderation.proposed_record(revision, record=record)
    for name, pks in revision.links.items():
        field = record._meta.get_field(name)
        # What the page reads of the relation: the proposed records, drafts left out.
        record.__dict__.setdefault("_prefetched_objects_cache", {})[name] = (
            field.related_model.objects.published().filter(pk__in=pks)
        )
    context = view.get_context_data(object=view.object, revision_preview=revision)
    response = view.render_to_response(context)
    response.render()
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
