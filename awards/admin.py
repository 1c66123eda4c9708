"""The editors' workplace: declarations over one shared base class."""

from functools import cache

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models as db_models
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from awards import models, registry
from awards.admin_filters import decade_filter
from awards.admin_history import RecordHistoryAdmin
from awards.admin_versions import VersionedAdmin, VersionedForm
from awards.dates import format_partial_date
from awards.exchange.admin import (
    ImportJobAdmin,
    KindOfRecordColumn,
    KindOfRecordFilter,
    RecordExchangeAdmin,
)
from awards.models.base import records_using
from awards.places import parse_place
from awards.revisions import change_reason, record_change
from awards.roles import may_change_publication, may_publish, publication_for_write

admin.site.site_header = _("Heroes of Labour: editors")
admin.site.site_title = _("Heroes of Labour")
admin.site.index_title = _("Records of the history")

# Django's "Add another %(verbose_name)s" reads "Добавить еще один Цитата" in Russian; the
# project's catalogue gives it a form that agrees with any name. Marked here so that
# makemessages keeps that entry.
gettext_noop("Add another %(verbose_name)s")


class CitationInline(admin.TabularInline):
    """The passages a record cites; at least one is required."""

    extra = 0
    min_num = 1
    autocomplete_fields = ("citation",)
    fields = ("citation", "quotation")
    readonly_fields = ("quotation",)
    verbose_name = _("citation")
    verbose_name_plural = _("citations")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # The link table's fields are named in English; the editor reads the model's name.
        kwargs.setdefault("label", capfirst(db_field.related_model._meta.verbose_name))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        # No record without a citation: the admin does not enforce min_num by itself.
        return super().get_formset(request, obj, validate_min=True, **kwargs)

    @admin.display(description=_("quotation"))
    def quotation(self, link):
        return link.citation.quote if link.citation_id else ""


@cache
def citation_inline_for(model):
    return type(
        f"{model.__name__}CitationInline", (CitationInline,), {"model": model.citations.through}
    )


class NulSafeSearchMixin:
    """Admin search that ignores NUL characters, which PostgreSQL refuses in a query."""

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, search_term.replace("\x00", ""))


class PublishingMixin:
    """Publishing is the chief editors' (awards.roles): for others ``published`` is read-only,
    and whatever a form posts, a save leaves the record's publication as the roles allow."""

    def has_publish_permission(self, request):
        return may_publish(request.user, self.model)

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            fields += ("published",)
        return fields


class RecordAdmin(
    PublishingMixin,
    NulSafeSearchMixin,
    VersionedAdmin,
    RecordHistoryAdmin,
    RecordExchangeAdmin,
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    """What every model's admin shares: history, import/export, drafts, slugs, citations."""

    list_filter = ("published",)
    readonly_fields = ("created_at", "updated_at")
    actions = ("publish", "unpublish")
    save_on_top = True
    list_per_page = 50

    def save_model(self, request, obj, form, change):
        # The history entry waits until relations and inlines are saved (save_related), so
        # that one entry holds the whole change. The version checked is the form's.
        obj.skip_history_when_saving = True
        obj.published = publication_for_write(request.user, obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        del form.instance.skip_history_when_saving
        reason = self.reason_for(request, form, change=change)
        record_change(form.instance, created=not change, reason=reason)

    def delete_model(self, request, obj):
        with change_reason(_("Deleted in the admin")):
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with change_reason(_("Deleted in the admin")):
            super().delete_queryset(request, queryset)

    def get_inlines(self, request, obj):
        inlines = list(super().get_inlines(request, obj))
        if any(field.name == "citations" for field in self.model._meta.many_to_many):
            inlines.append(citation_inline_for(self.model))
        return inlines

    def get_deleted_objects(self, objs, request):
        # Records that link to these through a many-to-many relation keep them, as a
        # protecting foreign key would: listed on the confirmation page, deletion refused.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        users = [self._admin_link(record) for record in records_using(self.model, objs)]
        return deleted, counts, perms_needed, [*protected, *users]

    def _admin_link(self, record):
        opts = record._meta
        label = capfirst(opts.verbose_name)
        try:
            url = reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                args=[record.pk],
            )
        except NoReverseMatch:
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
        self.message_user(request, _("Records changed: %(count)d.") % {"count": changed})


def date_column(field_name, description):
    """A list column that renders a partial date as the public pages do, sortable."""

    @admin.display(description=description, ordering=field_name)
    def column(record):
        return format_partial_date(getattr(record, field_name)) or "—"

    column.__name__ = f"{field_name}_display"
    return column


@admin.register(models.Source)
class SourceAdmin(RecordAdmin):
    list_display = ("name", "author", "language", "published")
    search_fields = ("slug", "name_ru", "name_en", "author")
    prepopulated_fields = {"slug": ("name_ru",)}


@admin.register(models.Citation)
class CitationAdmin(RecordAdmin):
    list_display = ("__str__", "quote", "published")
    list_filter = ("source", "published")
    list_select_related = ("source",)
    search_fields = ("slug", "quote_ru", "quote_en", "source__name_ru", "source__name_en")
    autocomplete_fields = ("source",)

    def get_search_results(self, request, queryset, search_term):
        # The picker labels a passage "source, абзац 5, предложение 2": found by that.
        place, rest = parse_place(search_term)
        return super().get_search_results(request, queryset.filter(**place), rest)


@admin.register(models.Authority)
class AuthorityAdmin(RecordAdmin):
    list_display = ("name", "short_name", "jurisdiction", "parent", "published")
    list_filter = ("jurisdiction", "published")
    list_select_related = ("parent",)
    search_fields = ("slug", "name_ru", "name_en", "short_name_ru", "short_name_en")
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name_ru",)}


@admin.register(models.Person)
class PersonAdmin(RecordAdmin):
    list_display = ("name", date_column("born_on", _("born on")), "citizenship", "published")
    list_filter = ("citizenship", "published")
    search_fields = ("slug", "name_ru", "name_en", "surname_ru", "surname_en")
    prepopulated_fields = {"slug": ("name_ru",)}

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The registry sorts conferments by their person's name, kept with each of them.
        registry.refresh_sort_names(form.instance)


@admin.register(models.Decree)
class DecreeAdmin(RecordAdmin):
    list_display = ("name", "kind", date_column("date", _("date")), "published")
    list_filter = ("kind", decade_filter("date"), "authorities", "published")
    search_fields = ("slug", "name_ru", "name_en", "summary_ru", "summary_en")
    autocomplete_fields = ("authorities",)
    prepopulated_fields = {"slug": ("name_ru",)}
    ordering = ("date", "slug")


class ProvisionInline(PublishingMixin, TranslationStackedInline):
    # Stacked, a few fields to a line that wraps: as a table row of ten columns it made
    # the title's page three windows wide.
    model = models.Provision
    form = VersionedForm
    extra = 0
    fields = (
        ("aspect", "value_key"),
        "value",
        ("start_basis", "start", "start_decree", "start_citation"),
        ("end_basis", "end", "end_decree", "end_citation"),
        "citations",
        ("slug", "published"),
        "base_version",
    )
    autocomplete_fields = (
        "start_decree",
        "end_decree",
        "start_citation",
        "end_citation",
        "citations",
    )
    formfield_overrides = {db_models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}
    show_change_link = True


@admin.register(models.Title)
class TitleAdmin(RecordAdmin):
    list_display = (
        "name",
        date_column("established_on", _("established on")),
        date_column("abolished_on", _("abolished on")),
        "predecessor",
        "published",
    )
    list_filter = (decade_filter("established_on"), "published")
    list_select_related = ("predecessor",)
    search_fields = ("slug", "name_ru", "name_en", "description_ru", "description_en")
    autocomplete_fields = ("established_by", "abolished_by", "predecessor", "conferred_by")
    prepopulated_fields = {"slug": ("name_ru",)}
    inlines = (ProvisionInline,)


@admin.register(models.Medal)
class MedalAdmin(RecordAdmin):
    list_display = (
        "name",
        "kind",
        date_column("established_on", _("established on")),
        "designer",
        "published",
    )
    list_filter = ("kind", "titles", decade_filter("established_on"), "published")
    list_select_related = ("designer",)
    search_fields = ("slug", "name_ru", "name_en", "description_ru", "description_en")
    autocomplete_fields = ("established_by", "designer", "titles")
    prepopulated_fields = {"slug": ("name_ru",)}


@admin.register(models.Event)
class EventAdmin(RecordAdmin):
    list_display = ("name", date_column("date", _("date")), "published")
    list_filter = (decade_filter("date"), "titles", "published")
    search_fields = ("slug", "name_ru", "name_en", "description_ru", "description_en")
    autocomplete_fields = ("titles", "decrees", "medals")
    prepopulated_fields = {"slug": ("name_ru",)}
    ordering = ("date", "slug")


@admin.register(models.Provision)
class ProvisionAdmin(RecordAdmin):
    list_display = (
        "title",
        "aspect",
        "value",
        date_column("start", _("in force from")),
        date_column("end", _("in force until")),
        "published",
    )
    list_filter = ("title", "aspect", decade_filter("start"), "published")
    list_select_related = ("title",)
    search_fields = ("slug", "value_ru", "value_en", "note_ru", "note_en", "title__name_ru")
    autocomplete_fields = (
        "title",
        "start_decree",
        "start_event",
        "start_citation",
        "end_decree",
        "end_event",
        "end_citation",
    )


admin.site.register(models.ImportJob, ImportJobAdmin)


@admin.register(models.ImportLog)
class ImportLogAdmin(KindOfRecordColumn, NulSafeSearchMixin, admin.ModelAdmin):
    """Every import, read-only: who brought which file in, and what came of it."""

    list_display = (
        "created_at",
        "user",
        "kind_of_record",
        "file_name",
        "file_format",
        "origin",
        "status",
        "dry_run",
        "new_count",
        "updated_count",
        "unchanged_count",
        "failed_count",
    )
    list_filter = ("status", "origin", KindOfRecordFilter, "dry_run")
    list_select_related = ("user",)
    date_hierarchy = "created_at"
    search_fields = ("file_name", "user__username")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# The registry of conferments has its own module of declarations.
from awards import admin_registry  # noqa: E402, F401
