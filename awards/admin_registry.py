"""The editors' registry of conferments: a declaration over the shared RecordAdmin.

Saving a conferment checks it against the title's rules on its date (``Conferment.clean``
through awards.registry): refused rules are form errors naming the rule and its passage,
uncertain ones are stored, shown and filtered on. Beside what the record says of the
insignia, the change page shows those the rules of its date grant.
"""

from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from awards import models, registry
from awards.admin import RecordAdmin, date_column


@admin.register(models.Conferment)
class ConfermentAdmin(RecordAdmin):
    list_display = (
        "person",
        "title",
        date_column("date", _("date")),
        "decree",
        "ordinal",
        "times",
        "medal_number",
        "rules_uncertain",
        "published",
    )
    list_filter = ("rules_uncertain", "title", "times", "published")
    list_select_related = ("person", "title", "decree")
    # Counting the whole registry once per page is enough.
    show_full_result_count = False
    search_fields = ("slug", "person__surname_ru", "person__surname_en", "medal_number")
    autocomplete_fields = (
        "person",
        "title",
        "decree",
        "insignia",
        "revoked_by",
        "restored_by",
    )
    readonly_fields = (
        "ordinal",
        "times",
        "rules_uncertain",
        "rule_warnings",
        "insignia_due",
        "created_at",
        "updated_at",
    )
    ordering = ("-date", "-id")

    @admin.display(description=_("what the rules do not settle"))
    def rule_warnings(self, conferment):
        if not conferment.pk:
            return "—"
        check = self._check(conferment)
        if not check.warnings:
            return _("Nothing: every rule of the title on that date is known.")
        return format_html_join("", "<p>{}</p>", ((str(finding),) for finding in check.warnings))

    @admin.display(description=_("insignia due by the rules of that date"))
    def insignia_due(self, conferment):
        if not conferment.pk:
            return "—"
        due = self._check(conferment).insignia
        if not due:
            return _("None")
        return format_html_join(
            ", ",
            "{}{}",
            ((item.label, _(" (uncertain)") if item.uncertain else "") for item in due),
        )

    def _check(self, conferment):
        title = registry.titles_for_check([conferment.title_id])[conferment.title_id]
        return registry.check_with(conferment, title=title, ordinal=conferment.ordinal)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The person's awards of the title (and of the one it was moved from) renumbered.
        pairs = {(form.instance.person_id, form.instance.title_id)}
        if change:
            pairs.add((form.initial.get("person"), form.initial.get("title")))
        registry.renumber(pairs={pair for pair in pairs if None not in pair})
