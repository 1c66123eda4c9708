"""What every record's admin shares: history, versions, import and export, publishing by
role, citations in an inline, protected deletions. The declarations of each kind of record
are in awards.admin.records and awards.admin.registry."""

from functools import cache

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from awards.admin.autocomplete import SearchMixin, labelled_autocomplete_view
from awards.admin.help_texts import help_text_for
from awards.admin.history import RecordHistoryAdmin
from awards.admin.messages import AgreeingAdmin, published_message
from awards.admin.moderation import ReviewedChangesAdmin
from awards.admin.versions import VersionedAdmin
from awards.core.dates import format_partial_date
from awards.exchange.admin.records import RecordExchangeAdmin
from awards.models.base import records_using
from awards.models.sources import Citation
from awards.records.citation_checks import record_uncited_facts
from awards.records.revisions import change_reason, record_change
from awards.records.roles import may_change_publication, may_publish, publication_for_write

admin.site.site_header = _("Heroes of Labour: editors")
admin.site.site_title = _("Heroes of Labour")
admin.site.index_title = _("Records of the history")
# The pickers label each choice as its admin says (awards.admin.autocomplete).
admin.site.autocomplete_view = labelled_autocomplete_view(admin.site)

# Django's "Add another %(verbose_name)s" reads "Добавить еще один Цитата" in Russian; the
# project's catalogue gives it a form that agrees with any name. Marked here so that
# makemessages keeps that entry.
gettext_noop("Add another %(verbose_name)s")


class CitationInline(admin.TabularInline):
    """The passages a record cites, each row named by its place (paragraph and sentence) and
    showing the whole sentence; at least one is required."""

    extra = 0
    min_num = 1
    autocomplete_fields = ("citation",)
    fields = ("citation", "quotation")
    readonly_fields = ("quotation",)
    verbose_name = _("citation")
    verbose_name_plural = _("citations")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # The link table's field is named in English; the editor reads what it picks.
        kwargs.setdefault("label", _("passage"))
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        label_passages(field)
        return field

    def get_formset(self, request, obj=None, **kwargs):
        # No record without a citation: the admin does not enforce min_num by itself.
        return super().get_formset(request, obj, validate_min=True, **kwargs)

    @admin.display(description=_("what the passage says"))
    def quotation(self, link):
        return link.citation.quote if link.citation_id else ""


def label_passages(field) -> None:
    """A form field that picks passages labels each as the picker does (Citation.label)."""
    queryset = getattr(field, "queryset", None)
    if queryset is not None and queryset.model is Citation:
        field.label_from_instance = Citation.label


@cache
def citation_inline_for(model):
    return type(
        f"{model.__name__}CitationInline", (CitationInline,), {"model": model.citations.through}
    )


class PublishingMixin:
    """Publishing is the chief editors' (awards.records.roles): for others ``published`` is
    read-only, and whatever a form posts, a save leaves the publication as the roles allow."""

    def has_publish_permission(self, request):
        return may_publish(request.user, self.model)

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            fields += ("published",)
        return fields


class RecordAdmin(
    PublishingMixin,
    ReviewedChangesAdmin,
    SearchMixin,
    VersionedAdmin,
    RecordHistoryAdmin,
    RecordExchangeAdmin,
    # Innermost of the project's mixins: its words replace only Django's own messages (a
    # change held for review says so in words of its own, outside).
    AgreeingAdmin,
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    """What every model's admin shares: history, import/export, drafts, slugs, citations."""

    list_filter = ("published",)
    readonly_fields = ("created_at", "updated_at")
    actions = ("publish", "unpublish")
    save_on_top = True
    list_per_page = 50

    def get_list_display(self, request):
        # The state stands beside the name, as a word: at 1280 px a last column was behind a
        # sideways scroll, and on a phone each row's card shows it second.
        columns = [name for name in super().get_list_display(request) if name != "published"]
        return (columns[0], "publication_state", *columns[1:])

    @admin.display(description=_("state"), ordering="published")
    def publication_state(self, record):
        if record.published:
            return format_html('<span class="state-badge">{}</span>', _("published"))
        return format_html('<span class="state-badge state-badge--draft">{}</span>', _("draft"))

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        label_passages(field)
        if field is not None and not field.help_text:
            # A translated column (summary_ru) takes the help of its field (summary).
            name = getattr(db_field, "translated_field", db_field).name
            field.help_text = help_text_for(self.model, name) or ""
        return field

    def check_record(self, record) -> None:
        """What a save checks of a record beyond its own fields (the form runs
        ``Model.clean``): the rules that span records. Raises ValidationError; nothing for
        most kinds. A revert or a recovery from the history asks it too."""

    def save_model(self, request, obj, form, change):
        # An editor's change to a published record waits for review (admin.moderation).
        if self.hold_for_review(request, obj, change=change):
            return
        # The history entry waits until relations and inlines are saved (save_related), so
        # that one entry holds the whole change. The version checked is the form's.
        obj.skip_history_when_saving = True
        obj.published = publication_for_write(request.user, obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if form.instance._held_for_review:
            self.submit_for_review(request, form, formsets)
            return
        super().save_related(request, form, formsets, change)
        del form.instance.skip_history_when_saving
        reason = self.reason_for(request, form, change=change)
        record_change(form.instance, created=not change, reason=reason)
        if self._is_cited():
            for fact in record_uncited_facts(form.instance):
                messages.warning(request, uncited_fact_text(fact))

    def _is_cited(self):
        return any(field.name == "citations" for field in self.model._meta.many_to_many)

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        if obj is not None and self._is_cited():
            fields += ("cited_sentences",)
        return fields

    @admin.display(description=_("cited sentences"))
    def cited_sentences(self, record):
        return render_to_string(
            "admin/awards/_cited_sentences.html",
            {
                "citations": record.citations.select_related("source"),
                "uncited": [uncited_fact_text(fact) for fact in record_uncited_facts(record)],
            },
        )

    def delete_model(self, request, obj):
        with change_reason(_("Deleted in the admin")):
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with change_reason(_("Deleted in the admin")):
            super().delete_queryset(request, queryset)

    def get_inlines(self, request, obj):
        inlines = list(super().get_inlines(request, obj))
        if self._is_cited():
            inlines.append(citation_inline_for(self.model))
        return inlines

    def get_deleted_objects(self, objs, request):
        # Records that link to these through a many-to-many relation keep them, as a
        # protecting foreign key would: listed on the confirmation page, deletion refused.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        users = [self._admin_link(record) for record in records_using(self.model, objs)]
        return deleted, counts, perms_needed, [*protected, *users]

    def _admin_link(self, record):
        label = capfirst(record._meta.verbose_name)
        url = admin_change_url(record, site=self.admin_site.name)
        if url is None:
            return f"{label}: {record}"
        return format_html('{}: <a href="{}">{}</a>', label, url, record)

    def get_exclude(self, request, obj=None):
        # Citations are edited in their inline, where each shows its quotation.
        return (*(super().get_exclude(request, obj) or ()), "citations")

    @admin.action(description=_("Publish the selected records"), permissions=["publish"])
    def publish(self, request, queryset):
        self._set_published(request, queryset, published=True)

    @admin.action(description=_("Withdraw the selected records to drafts"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, published=False)

    def _set_published(self, request, queryset, *, published):
        # Saved one by one so that each change reaches the record's history and raises its
        # version; the rows stay locked from reading to writing.
        reason = _("Published from the list") if published else _("Withdrawn from the list")
        changed = 0
        with transaction.atomic():
            for record in queryset.filter(published=not published).select_for_update(of=("self",)):
                if not may_change_publication(
                    request.user, self.model, was=record.published, becomes=published
                ):
                    raise PermissionDenied
                record.published = published
                record._change_reason = reason
                record.save(update_fields=["published"])
                changed += 1
        self.message_user(
            request, published_message(self.opts, changed, published=published), messages.SUCCESS
        )


def uncited_fact_text(fact) -> str:
    return _(
        "None of the cited sentences states what «%(label)s» holds: «%(value)s». Check the "
        "record or its citations."
    ) % {"label": capfirst(fact.label), "value": fact.value}


def admin_change_url(record, *, site: str = "admin") -> str | None:
    """The address of the record's change page in the admin, if its kind has one."""
    opts = record._meta
    try:
        return reverse(f"{site}:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
    except NoReverseMatch:
        return None


def date_column(field_name, description):
    """A list column that renders a partial date as the public pages do, sortable."""

    @admin.display(description=description, ordering=field_name)
    def column(record):
        return format_partial_date(getattr(record, field_name)) or "—"

    column.__name__ = f"{field_name}_display"
    return column
