"""The editors' registry of conferments: a declaration over the shared RecordAdmin.

Saving a conferment checks it against the title's rules on its date (``Conferment.clean``
through awards.registry.checks): refused rules are form errors naming the rule and its passage,
uncertain ones are stored, shown and filtered on. Beside what the record says of the
insignia, the change page shows those the rules of its date grant.

«Импорт списка» on the list takes a registry list (awards.exchange.kinds.registry_list),
whatever its size, to a background job (awards.exchange.jobs): its page shows the check's
progress and errors, and writes the list once the editor confirms a clean check.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from awards import models
from awards.admin.base import RecordAdmin, date_column
from awards.admin.versions import RecordForm
from awards.exchange import files, jobs
from awards.exchange.admin.jobs import RegistryListForm
from awards.exchange.kinds.registry_list.clean import COLUMNS
from awards.models.imports import REGISTRY_LIST
from awards.registry.checks import assess, check_with, titles_for_check
from awards.registry.ledger import LEDGER_TITLE, ledger_anomalies, read_ledger


class ConfermentForm(RecordForm):
    """A conferment's form: saved only if its title's rules on its date allow it, with the
    person's other awards and the person's dates of birth and death allow it
    (awards.registry.checks.assess); refusals are errors of the fields they are about,
    doubts are stored on the record."""

    def _post_clean(self):
        super()._post_clean()
        conferment = self.instance
        if self._errors or not (conferment.person_id and conferment.title_id and conferment.date):
            return
        try:
            assess(conferment)
        except ValidationError as error:
            self._update_errors(error)


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
    form = ConfermentForm
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
    # The list's object tools add «Импорт списка» to Import and Export.
    import_export_change_list_template = "admin/awards/conferment/change_list.html"
    import_list_template = "admin/awards/conferment/import_list.html"

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

    def get_urls(self):
        return [
            path(
                "import-list/",
                self.admin_site.admin_view(self.import_list_view),
                name="awards_conferment_import_list",
            ),
            path(
                "ledger/",
                self.admin_site.admin_view(self.ledger_view),
                name="awards_conferment_ledger",
            ),
            *super().get_urls(),
        ]

    def ledger_view(self, request):
        """The ledger of medal numbers of every conferment recorded, drafts included, each
        flagged row linking its record in the admin (awards.registry.ledger)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        titles = list(models.Title.objects.order_by("established_on", "slug"))
        chosen = request.GET.get("title")
        title = next((t for t in titles if t.slug == chosen), None) or next(
            (t for t in titles if t.slug == LEDGER_TITLE), titles[0] if titles else None
        )
        ledger, records = read_ledger(conferments=models.Conferment.objects.filter(title=title))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Medal numbers: %(title)s") % {"title": title},
            "opts": self.opts,
            "titles": titles,
            "chosen": title,
            "ledger": ledger,
            "anomalies": ledger_anomalies(
                ledger,
                records,
                url_of=lambda record: reverse("admin:awards_conferment_change", args=(record.pk,)),
            ),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/awards/conferment/ledger.html", context)

    def import_list_view(self, request):
        """Upload a registry list: it goes to a background job, checked before anything
        is written; only for those who may add conferments."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            form = RegistryListForm(request.POST, request.FILES)
        else:
            form = RegistryListForm()
        if form.is_valid():
            upload = form.cleaned_data["file"]
            job = jobs.start_import_job(
                model_name=REGISTRY_LIST,
                upload=upload,
                file_format=files.format_from_name(upload.name),
                user=request.user,
            )
            messages.info(
                request,
                gettext(
                    "The list is checked in the background; nothing is written until you "
                    "confirm the check on this page."
                ),
            )
            return HttpResponseRedirect(job.get_absolute_url())
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import a registry list"),
            "opts": self.opts,
            "form": form,
            "columns": ", ".join(COLUMNS),
            "max_size": filesizeformat(files.max_upload_bytes()),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.import_list_template, context)

    def check_record(self, record) -> None:
        """A conferment returned to a version of its history is checked as a save is."""
        assess(record)

    def _check(self, conferment):
        title = titles_for_check([conferment.title_id])[conferment.title_id]
        return check_with(conferment, title=title, ordinal=conferment.ordinal)
