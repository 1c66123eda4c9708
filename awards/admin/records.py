"""The editors' workplace for the records of the history: declarations over RecordAdmin."""

from django import forms
from django.contrib import admin
from django.db import models as db_models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from awards import models
from awards.admin.base import NulSafeSearchMixin, PublishingMixin, RecordAdmin, date_column
from awards.admin.filters import decade_filter
from awards.admin.versions import VersionedForm
from awards.core.places import parse_place
from awards.exchange.admin.jobs import ImportJobAdmin, KindOfRecordColumn, KindOfRecordFilter


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
