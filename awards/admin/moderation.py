"""Review of changes to published records in the admin (awards.records.moderation).

``ReviewedChangesAdmin`` is part of every record's admin: an editor's save of a published
record through its change form (inlines included) becomes a pending revision instead of
a write. ``PendingRevisionAdmin`` is the queue: chief editors see every revision and
approve it or send it back with a comment; editors see their own.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.admin.messages import AgreeingAdmin
from awards.models import RECORD_MODELS, REGISTRY_MODELS, PendingRevision
from awards.records import moderation
from awards.records.roles import may_publish


class ReviewedChangesAdmin:
    """For a record's admin: an editor's change to a published record waits for review.

    RecordAdmin asks ``hold_for_review`` before saving the record and, when held, calls
    ``submit_for_review`` instead of saving its relations and inlines.
    """

    def hold_for_review(self, request, obj, *, change: bool) -> bool:
        obj._held_for_review = change and moderation.held_for_review(request.user, obj)
        return obj._held_for_review

    def submit_for_review(self, request, form, formsets) -> None:
        record = form.instance
        opts = record._meta
        concrete = {field.name for field in opts.concrete_fields}
        many = {field.name: field for field in opts.many_to_many}
        through = {field.remote_field.through: field for field in many.values()}
        fields = [name for name in form.changed_data if name in concrete]
        links = {
            name: [linked.pk for linked in form.cleaned_data[name]]
            for name in form.changed_data
            if name in many
        }
        rows = {}
        submitted = 0
        for formset in formsets:
            if not formset.has_changed():
                continue
            if formset.model in through:
                field = through[formset.model]
                target = field.m2m_reverse_field_name()
                links[field.name] = [
                    inline.cleaned_data[target].pk
                    for inline in formset.forms
                    if inline.cleaned_data.get(target) and not inline.cleaned_data.get("DELETE")
                ]
            else:
                rows[formset.fk.remote_field.name] = moderation.inline_rows(
                    formset.forms, exclude=formset.fk.name
                )
        if fields or links or rows:
            moderation.submit(
                record=record,
                fields=fields,
                links=links,
                rows=rows,
                base_version=form.cleaned_data.get("base_version") or record.version,
                author=request.user,
                reason=form.cleaned_data.get("change_reason", ""),
            )
            submitted += 1
        record._revisions_submitted = submitted

    def construct_change_message(self, request, form, formsets, add=False):
        # A held change saved no formset: there is nothing to describe, nor to log.
        if getattr(form.instance, "_held_for_review", False):
            return []
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if not getattr(obj, "_held_for_review", False):
            return super().log_change(request, obj, message)
        return None

    def response_change(self, request, obj):
        if not getattr(obj, "_held_for_review", False):
            return super().response_change(request, obj)
        if getattr(obj, "_revisions_submitted", 0):
            self.message_user(
                request,
                moderation.sent_for_review_message(),
                messages.SUCCESS,
            )
        else:
            self.message_user(request, _("Nothing was changed."), messages.INFO)
        return HttpResponseRedirect(request.path)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        record = self.get_object(request, object_id)
        revisions = []
        if record is not None:
            revisions = PendingRevision.objects.of_record(record).for_queue()
            if may_publish(request.user, self.model):
                revisions = revisions.pending()
            else:
                revisions = revisions.filter(author=request.user).exclude(
                    state=PendingRevision.State.APPROVED
                )
            revisions = list(revisions[:5])
        context = {"record_revisions": revisions, **(extra_context or {})}
        return super().change_view(request, object_id, form_url, context)


class ReviewForm(forms.Form):
    """A chief editor's decision on a revision."""

    APPROVE = "approve"
    SEND_BACK = "send_back"

    decision = forms.ChoiceField(
        choices=[(APPROVE, gettext_lazy("Approve")), (SEND_BACK, gettext_lazy("Send back"))]
    )
    comment = forms.CharField(
        label=gettext_lazy("Comment for the editor"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text=gettext_lazy("Required when you send the change back: say what to change."),
    )

    def clean(self):
        cleaned_data = super().clean()
        if (
            cleaned_data.get("decision") == self.SEND_BACK
            and not cleaned_data.get("comment", "").strip()
        ):
            self.add_error("comment", _("Say what the editor should change."))
        return cleaned_data


class RecordKindFilter(admin.SimpleListFilter):
    """The kinds of record that have revisions, by their names (not every content type)."""

    title = gettext_lazy("kind of record")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        kinds = (
            model_admin.get_queryset(request)
            .order_by()
            .values_list("content_type", flat=True)
            .distinct()
        )
        return [
            (kind.pk, capfirst(kind.model_class()._meta.verbose_name_plural))
            for kind in ContentType.objects.filter(pk__in=kinds)
            if kind.model_class() is not None
        ]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        try:
            return queryset.filter(content_type=int(self.value()))
        except ValueError:
            return queryset.none()


def _reviews_all(user) -> bool:
    return any(may_publish(user, model) for model in (*RECORD_MODELS, *REGISTRY_MODELS))


@admin.register(PendingRevision)
class PendingRevisionAdmin(AgreeingAdmin, admin.ModelAdmin):
    """The queue of changes awaiting review; a revision's page shows it and decides it."""

    list_display = ("record_link", "kind", "author", "created_at", "state")
    list_filter = ("state", RecordKindFilter)
    list_select_related = ("content_type", "author")
    search_fields = ("record_name", "reason")
    date_hierarchy = None
    review_template = "admin/awards/pendingrevision/review.html"

    def get_queryset(self, request):
        queryset = super().get_queryset(request).for_queue()
        if not _reviews_all(request.user):
            queryset = queryset.filter(author=request.user)
        return queryset

    def has_module_permission(self, request):
        return moderation.may_see_revisions(request.user)

    def has_view_permission(self, request, obj=None):
        if not moderation.may_see_revisions(request.user):
            return False
        return obj is None or obj.author_id == request.user.pk or _reviews_all(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # The queue opens on what awaits a decision.
        if not request.GET and request.method == "GET":
            return HttpResponseRedirect(f"{request.path}?state__exact=pending")
        context = {"title": capfirst(self.opts.verbose_name_plural), **(extra_context or {})}
        return super().changelist_view(request, context)

    @admin.display(description=gettext_lazy("record"), ordering="record_name")
    def record_link(self, revision):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:awards_pendingrevision_change", args=[revision.pk]),
            revision.record_name,
        )

    @admin.display(description=gettext_lazy("kind of record"))
    def kind(self, revision):
        return capfirst(revision.content_type.model_class()._meta.verbose_name)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        revision = self.get_object(request, object_id)
        if revision is None or not self.has_view_permission(request, revision):
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        may_review = moderation.may_review(request.user, revision)
        form = ReviewForm(request.POST or None)
        if request.method == "POST":
            if not may_review:
                raise PermissionDenied
            if form.is_valid():
                done = self._decide(request, revision, form.cleaned_data)
                if done:
                    return HttpResponseRedirect(reverse("admin:awards_pendingrevision_changelist"))
        return self._review_page(request, revision, form=form, may_review=may_review)

    def _decide(self, request, revision, decision) -> bool:
        model = revision.record_model
        record_admin = self.admin_site._registry.get(model)
        try:
            if decision["decision"] == ReviewForm.APPROVE:
                moderation.approve(
                    revision=revision,
                    reviewer=request.user,
                    comment=decision["comment"],
                    check=record_admin.check_record if record_admin else None,
                )
                self.message_user(
                    request,
                    _("The change to «%(record)s» was approved and is on the site.")
                    % {"record": revision.record_name},
                    messages.SUCCESS,
                )
            else:
                moderation.send_back(
                    revision=revision, reviewer=request.user, comment=decision["comment"]
                )
                self.message_user(
                    request,
                    _("The change to «%(record)s» was sent back to its editor.")
                    % {"record": revision.record_name},
                    messages.SUCCESS,
                )
        except moderation.StaleRevisionError:
            self.message_user(
                request,
                _(
                    "The record changed after this change was made (version %(base)d then, "
                    "%(current)s now); nothing was written. Send it back so that the editor "
                    "makes it again on the current version."
                )
                % {"base": revision.base_version, "current": _current_version(revision)},
                messages.ERROR,
            )
        except moderation.RevisionDecidedError:
            self.message_user(
                request, _("This change was already decided; nothing was written."), messages.ERROR
            )
        except ValidationError as error:
            self.message_user(
                request,
                _("The change cannot be written as it is: %(errors)s")
                % {"errors": " ".join(error.messages)},
                messages.ERROR,
            )
        else:
            return True
        return False

    def _review_page(self, request, revision, *, form, may_review):
        model = revision.record_model
        opts = model._meta
        record = model._base_manager.filter(pk=revision.object_id).first()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Change to review: %(record)s") % {"record": revision.record_name},
            "opts": self.opts,
            "revision": revision,
            "record": record,
            "record_kind": capfirst(opts.verbose_name),
            "record_url": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[revision.object_id]
            )
            if record is not None
            else "",
            "public_url": record.get_absolute_url() if record is not None else "",
            # Records with a page of their own; a conferment is shown on its person's.
            "preview_url": reverse("awards:revision-preview", args=[revision.pk])
            if model in RECORD_MODELS
            else "",
            "changes": moderation.proposed_changes(revision),
            "stale": revision.state == PendingRevision.State.PENDING
            and moderation.is_stale(revision),
            "current_version": record.version if record is not None else None,
            "is_pending": revision.state == PendingRevision.State.PENDING,
            "may_review": may_review,
            "form": form,
            "history": revision.history.select_related("history_user").order_by("history_date"),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.review_template, context)


def _current_version(revision) -> str:
    version = (
        revision.record_model._base_manager.filter(pk=revision.object_id)
        .values_list("version", flat=True)
        .first()
    )
    return "—" if version is None else str(version)
