"""The editors' workplace for the records of the history: declarations over RecordAdmin."""

from django.contrib import admin
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from awards import models
from awards.admin.autocomplete import SearchMixin
from awards.admin.base import RecordAdmin, admin_change_url, date_column
from awards.admin.filters import decade_filter
from awards.core.places import parse_place
from awards.exchange.admin.jobs import ImportJobAdmin, KindOfRecordColumn, KindOfRecordFilter


@admin.register(models.Source)
class SourceAdmin(RecordAdmin):
    list_display = ("name", "author", "language", "published")
    search_fields = ("slug", "name_ru", "name_en", "author")
    prepopulated_fields = {"slug": ("name_ru",)}


# The marks a passage's label puts around its words.
LABEL_MARKS = "«»…—:,;"


@admin.register(models.Citation)
class CitationAdmin(RecordAdmin):
    list_display = ("passage", "quote", "published")
    list_filter = ("source", "published")
    list_select_related = ("source",)
    search_fields = ("slug", "quote_ru", "quote_en", "source__name_ru", "source__name_en")
    autocomplete_fields = ("source",)

    def get_search_results(self, request, queryset, search_term):
        # The picker labels a passage «абзац 5, предложение 2: «Начало…» — source»
        # (Citation.label): found by that, its marks left out.
        place, rest = parse_place(search_term)
        words = (word.strip(LABEL_MARKS) for word in rest.split())
        rest = " ".join(word for word in words if word)
        return super().get_search_results(request, queryset.filter(**place), rest)

    def autocomplete_label(self, citation):
        return citation.label()

    @admin.display(description=_("passage"), ordering="source__name")
    def passage(self, citation):
        return str(citation)


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
    # Fourteen provisions stacked in the form made it sixteen thousand pixels tall: they
    # are listed a line each, and each is edited on its own page with its citations.
    readonly_fields = (*RecordAdmin.readonly_fields, "provision_list")

    @admin.display(description=_("provisions"))
    def provision_list(self, title):
        provisions = []
        if title.pk:
            provisions = title.provisions.select_related(
                "start_decree",
                "end_decree",
                "start_event",
                "end_event",
                "start_citation__source",
                "end_citation__source",
            ).order_by("aspect", "start", "slug")
        return render_to_string(
            "admin/awards/title/_provision_list.html",
            {
                "provisions": [
                    (provision, admin_change_url(provision)) for provision in provisions
                ],
                "add_url": f"{reverse('admin:awards_provision_add')}?title={title.pk}"
                if title.pk
                else "",
            },
        )


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
class ImportLogAdmin(KindOfRecordColumn, SearchMixin, admin.ModelAdmin):
    """Every import, read-only: who brought which file in, and what came of it."""

    # The status second, where it is seen without scrolling; the counts in one column,
    # each named, so that a row fits the window and reads as a card on a phone.
    list_display = (
        "created_at",
        "status",
        "kind_of_record",
        "file_name",
        "user",
        "origin",
        "outcome",
    )
    list_filter = ("status", "origin", KindOfRecordFilter, "dry_run")
    list_select_related = ("user",)
    date_hierarchy = "created_at"
    search_fields = ("file_name", "user__username")

    @admin.display(description=_("outcome"))
    def outcome(self, entry):
        counts = _(
            "new: %(new)d, changed: %(changed)d, unchanged: %(unchanged)d, failed: %(failed)d"
        ) % {
            "new": entry.new_count,
            "changed": entry.updated_count,
            "unchanged": entry.unchanged_count,
            "failed": entry.failed_count,
        }
        return _("check only; %(counts)s") % {"counts": counts} if entry.dry_run else counts

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
