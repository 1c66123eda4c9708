"""The people of the history in the admin: their records, and two records of one person
merged into one (awards.records.merging) — from the list's action, or from the report of
the people who may be recorded twice (awards.registry.matching)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from awards import models
from awards.admin.base import RecordAdmin, date_column
from awards.core.grammar import FEMALE, MALE, UNKNOWN
from awards.records.merging import merge_people
from awards.registry.matching import match, person_parts
from awards.registry.numbering import refresh_sort_names

SEX_LABELS = {
    MALE: gettext_lazy("male"),
    FEMALE: gettext_lazy("female"),
    UNKNOWN: gettext_lazy("unknown: sentences use wording that fits both"),
}
# Groups of possible duplicates the report shows at most (surnames in alphabetical order).
REPORT_GROUPS = 200


class OtherDateInline(admin.TabularInline):
    """Dates of birth and death other sources give, each with its passage."""

    model = models.OtherDate
    fields = ("kind", "date", "citation", "where")
    autocomplete_fields = ("citation",)
    extra = 0


class OtherNameInline(admin.TabularInline):
    """A person's other names (a name at birth, a pen name, another spelling), each with
    its source: found by search with the person's own (awards.search.hidden_names)."""

    model = models.OtherName
    extra = 0
    fields = ("name", "kind", "language", "source", "where")
    autocomplete_fields = ("source",)

    # An other name is part of its person's record (the roles give no permissions of its
    # own): who may change the person may add, change and remove their other names.
    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("awards.view_person")

    def has_add_permission(self, request, obj=None):
        return request.user.has_perm("awards.change_person")

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("awards.change_person")

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm("awards.change_person")


@admin.register(models.Person)
class PersonAdmin(RecordAdmin):
    list_display = (
        "sorted_name",
        date_column("born_on", gettext_lazy("born on")),
        "citizenship",
        "published",
    )
    list_filter = ("citizenship", "published")
    search_fields = ("slug", "name_ru", "name_en", "surname_ru", "surname_en")
    prepopulated_fields = {"slug": ("name_ru",)}
    # Russian alphabetical order, ё with е (Person.sort_name).
    ordering = ("sort_name", "pk")
    inlines = (OtherNameInline, OtherDateInline)
    actions = (*RecordAdmin.actions, "merge")
    import_export_change_list_template = "admin/awards/person/change_list.html"

    @admin.display(description=pgettext_lazy("person", "name"), ordering="sort_name")
    def sorted_name(self, person):
        return person.name

    readonly_fields = (*RecordAdmin.readonly_fields, "sex_in_sentences")

    @admin.display(description=gettext_lazy("sex in sentences"))
    def sex_in_sentences(self, person):
        """The sex the site's sentences agree with, and whether the patronymic gave it."""
        label = SEX_LABELS[person.grammatical_sex]
        if person.sex_is_derived:
            return _("%(sex)s (derived from the patronymic)") % {"sex": label}
        return label

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The registry sorts conferments by their person's name, kept with each of them.
        refresh_sort_names(form.instance)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("duplicates/", view(self.duplicates_view), name="awards_person_duplicates"),
            path(
                "merge/<int:first>/<int:second>/",
                view(self.merge_view),
                name="awards_person_merge",
            ),
            *super().get_urls(),
        ]

    @admin.action(description=gettext_lazy("Merge the two selected people"), permissions=["delete"])
    def merge(self, request, queryset):
        people = list(queryset.order_by("pk")[:3])
        if len(people) != 2:
            self.message_user(request, _("Select exactly two people to merge."), messages.ERROR)
            return None
        first, second = people
        return HttpResponseRedirect(
            reverse("admin:awards_person_merge", args=(first.pk, second.pk))
        )

    def merge_view(self, request, first, second):
        """Which of two people to keep, then the merge (for those who may delete people)."""
        if not self.has_delete_permission(request):
            raise PermissionDenied
        people = [get_object_or_404(models.Person, pk=pk) for pk in (first, second)]
        if request.method == "POST":
            chosen = {str(person.pk): person for person in people}.get(request.POST.get("keep"))
            if chosen is not None:
                other = people[1] if chosen is people[0] else people[0]
                try:
                    kept = merge_people(keep=chosen, merged=other, user=request.user)
                except ValidationError as error:
                    for message in error.messages:
                        self.message_user(request, message, messages.ERROR)
                else:
                    self.message_user(
                        request,
                        _("%(merged)s merged into %(kept)s.")
                        % {"merged": other.name, "kept": kept.name},
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(
                        reverse("admin:awards_person_change", args=(kept.pk,))
                    )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge two records of one person"),
            "opts": self.opts,
            "people": [
                {
                    "record": person,
                    "conferments": person.conferments.select_related("title").order_by("date"),
                    "url": reverse("admin:awards_person_change", args=(person.pk,)),
                }
                for person in people
            ],
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/awards/person/merge.html", context)

    def duplicates_view(self, request):
        """People recorded twice, possibly: pairs of one surname whose names and birth
        dates may be the same person's (awards.registry.matching)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        surnames = list(
            models.Person.objects.exclude(match_surname="")
            .values("match_surname")
            .annotate(number=Count("pk"))
            .filter(number__gt=1)
            .order_by("match_surname")
            .values_list("match_surname", flat=True)[:REPORT_GROUPS]
        )
        by_surname = {}
        for person in models.Person.objects.filter(match_surname__in=surnames).order_by("pk"):
            by_surname.setdefault(person.match_surname, []).append(person)
        pairs = []
        for people in by_surname.values():
            for index, first in enumerate(people):
                for second in people[index + 1 :]:
                    verdict = match(person_parts(first), person_parts(second))
                    if verdict is not None:
                        pairs.append(
                            {
                                "first": first,
                                "second": second,
                                "merge_url": reverse(
                                    "admin:awards_person_merge", args=(first.pk, second.pk)
                                ),
                            }
                        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("People who may be recorded twice"),
            "opts": self.opts,
            "pairs": pairs,
            "may_merge": self.has_delete_permission(request),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/awards/person/duplicates.html", context)
