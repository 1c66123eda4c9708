"""Background imports in the admin: the list, each job's page with its progress, its
errors or the button that confirms a clean check, and the upload of a registry list."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.validators import FileExtensionValidator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from awards.core.dates import PartialDate, format_partial_date
from awards.exchange import files, jobs, stopped_jobs
from awards.exchange.admin.formats import within_size_limit
from awards.exchange.admin.preview import error_table, numbering_note
from awards.exchange.kinds.registry_list.people import NEW_PERSON
from awards.exchange.resources import RESOURCES
from awards.models import ImportJob
from awards.models.imports import REGISTRY_LIST, model_verbose_name


class RegistryListForm(forms.Form):
    """The upload of a registry list (awards.exchange.kinds.registry_list): CSV, XLSX or JSON, told
    by the file's name, within the size limit."""

    file = forms.FileField(
        label=_lazy("File"), validators=[FileExtensionValidator(allowed_extensions=files.FORMATS)]
    )

    def clean_file(self):
        return within_size_limit(self.cleaned_data["file"])


def asked(question: dict) -> dict:
    """A job's question as its page asks it: the row, and a choice per candidate and for a
    new person, each labelled in the editor's language."""
    rows = question.get("rows") or [question["row"]]
    if len(rows) > 1:
        legend = _("Rows %(rows)s: %(name)s") % {
            "rows": ", ".join(str(row) for row in rows),
            "name": question["name"],
        }
    else:
        legend = _("Row %(row)d: %(name)s") % {"row": question["row"], "name": question["name"]}
    if question["born"]:
        legend += ", " + _("born %(date)s") % {"date": _date(question["born"])}
    choices = []
    for candidate in question["candidates"]:
        if candidate["row"]:
            label = _("the same person as row %(row)d: %(name)s") % candidate
            url = ""
        else:
            label = _("recorded: %(name)s") % candidate
            url = (
                reverse("admin:awards_person_changelist")
                + "?"
                + urlencode({"q": candidate["slug"]})
            )
        if candidate["born"]:
            label += ", " + _("born %(date)s") % {"date": _date(candidate["born"])}
        choices.append({"value": candidate["slug"], "label": label, "url": url})
    choices.append({"value": NEW_PERSON, "label": _("a new person"), "url": ""})
    return {"legend": legend, "field": f"answer-{question['row']}", "choices": choices}


def _date(iso: str) -> str:
    return format_partial_date(PartialDate.parse(iso))


def answers_posted(request, job: ImportJob) -> tuple[dict[str, str], list[int]]:
    """The editor's answers to a job's questions (``answer-<row>``: a candidate's slug or
    "new"), and the rows left unanswered or answered with what was not offered."""
    answers, unanswered = {}, []
    for question in job.questions:
        row = question["row"]
        offered = {candidate["slug"] for candidate in question["candidates"]} | {NEW_PERSON}
        answer = request.POST.get(f"answer-{row}", "")
        if answer in offered:
            answers[str(row)] = answer
        else:
            unanswered.append(row)
    return answers, unanswered


class KindOfRecordFilter(admin.SimpleListFilter):
    """The kinds of record in the editor's language, not the models' names."""

    title = _lazy("kind of record")
    parameter_name = "model_name"

    def lookups(self, request, model_admin):
        return [(name, model_verbose_name(name)) for name in (*RESOURCES, REGISTRY_LIST)]

    def queryset(self, request, queryset):
        return queryset.filter(model_name=self.value()) if self.value() else queryset


class KindOfRecordColumn:
    """The kind of record of an import, in the editor's language ("звание", not "title")."""

    readonly_fields = ("kind_of_record",)
    exclude = ("model_name",)

    @admin.display(description=_lazy("kind of record"), ordering="model_name")
    def kind_of_record(self, entry):
        return entry.model_verbose_name


class ImportJobAdmin(KindOfRecordColumn, admin.ModelAdmin):
    """Background imports: the list, and each job's page with its progress, its errors or
    the button that confirms a clean check. Jobs are made by uploads, never by hand."""

    # The status second, where it is seen without scrolling.
    list_display = (
        "created_at",
        "status",
        "kind_of_record",
        "file_name",
        "user",
        "rows_total",
        "error_count",
    )
    list_filter = ("status", KindOfRecordFilter)
    list_select_related = ("user",)
    search_fields = ("file_name", "user__username")
    job_template = "admin/awards/importjob/progress.html"

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def may_run(self, request, job: ImportJob) -> bool:
        """Who may confirm or check again: whoever uploaded it, if still allowed to change
        records of its kind, or a superuser."""
        user = request.user
        allowed = user.has_perm(f"awards.change_{job.records_model_name}")
        return user.is_superuser or (allowed and job.user_id == user.pk)

    def get_urls(self):
        return [
            path(
                "<int:job_id>/confirm/",
                self.admin_site.admin_view(self.confirm_view),
                name="awards_importjob_confirm",
            ),
            path(
                "<int:job_id>/check-again/",
                self.admin_site.admin_view(self.check_again_view),
                name="awards_importjob_check_again",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        # No job in the list says it runs while nothing runs it.
        stopped_jobs.fail_stopped_jobs(jobs=ImportJob.objects.filter(status__in=ImportJob.RUNNING))
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        job = get_object_or_404(ImportJob.objects.for_page(), pk=object_id)
        if not self.has_view_permission(request, job):
            raise PermissionDenied
        stopped_jobs.fail_if_stopped(job=job)
        value, maximum = job.progress_bar()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import of %(file)s") % {"file": job.file_name},
            "opts": self.opts,
            "job": job,
            "progress_value": value,
            "progress_max": maximum,
            "errors": error_table(
                headers=job.error_rows.get("headers", []),
                errors=job.errors,
                cells=job.error_rows.get("rows", {}),
                more_errors=max(job.error_count - len(job.errors), 0),
            ),
            "numbering": numbering_note(job.file_format),
            "questions": [asked(question) for question in job.questions],
            "may_run": self.may_run(request, job),
            "records_url": reverse(f"admin:awards_{job.records_model_name}_changelist"),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.job_template, context)

    @method_decorator(require_POST)
    def confirm_view(self, request, job_id):
        job = get_object_or_404(ImportJob, pk=job_id)
        if not self.may_run(request, job):
            raise PermissionDenied
        answers, unanswered = answers_posted(request, job)
        if unanswered:
            messages.error(
                request,
                _("Decide every row in question (rows %(rows)s): nothing was confirmed.")
                % {"rows": ", ".join(str(row) for row in unanswered)},
            )
        elif not jobs.confirm_import_job(job=job, answers=answers):
            messages.error(request, _("This import is not waiting for a confirmation."))
        return HttpResponseRedirect(job.get_absolute_url())

    @method_decorator(require_POST)
    def check_again_view(self, request, job_id):
        job = get_object_or_404(ImportJob, pk=job_id)
        if not self.may_run(request, job):
            raise PermissionDenied
        if not jobs.check_job_again(job=job):
            messages.error(request, _("This import cannot be checked again now."))
        return HttpResponseRedirect(job.get_absolute_url())
