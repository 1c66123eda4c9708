"""Import and export in the editors' admin, over the same services as the commands.

django-import-export gives the screens (choose a file, preview, confirm, export). This is
the only module that knows its admin hooks, its ``Result`` and tablib: the formats hand
the uploaded bytes to awards.exchange.files (which detects the encoding and delimiter),
the import goes through awards.exchange.importer and its report is shown as a Result,
and the export streams from awards.exchange.exporter.

A file of more rows than settings.IMPORT_BACKGROUND_ROWS is not previewed here: it goes
to a background job (awards.exchange.jobs) whose page (ImportJobAdmin) shows its progress
and asks for the confirmation. A small file is previewed, and its confirmation carries the
versions of the records the preview read: rows whose records changed since are listed as
conflicts, nothing written. A refused file stays stored, and can be checked again.
"""

import os
from dataclasses import dataclass, field

import tablib
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.validators import FileExtensionValidator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST
from import_export.admin import ImportExportActionModelAdmin
from import_export.formats import base_formats
from import_export.forms import ConfirmImportForm, ExportForm, ImportForm
from import_export.results import InvalidRow, Result, RowResult
from import_export.tmp_storages import TempFolderStorage

from awards.exchange import files, importer, jobs, stopped_jobs
from awards.exchange.columns import export_columns
from awards.exchange.exporter import export_records
from awards.exchange.resources import RESOURCES, resource_for
from awards.models import ImportJob, ImportLog
from awards.models.imports import REGISTRY_LIST, model_verbose_name
from awards.records.roles import may_publish

# Rows shown in the admin's preview; the import itself takes every row.
PREVIEW_ROWS = 500
# Cell texts are cut to this length in the table of errors (the failing cells too: the
# message says what is wrong; the file holds the whole text).
ERROR_CELL_CHARS = 200
VERSIONS_SALT = "awards.exchange.preview-versions"
STORED_FILE_SALT = "awards.exchange.stored-file"


class TableDataset(tablib.Dataset):
    """The tablib Dataset the admin's screens expect, carrying the Table read from the
    file: it keeps what a Dataset cannot (cells beyond the header, row numbers)."""

    def __init__(self, table: files.Table):
        width = len(table.headers)
        super().__init__(
            *[tuple((list(row) + [None] * width)[:width]) for row in table.rows],
            headers=table.headers,
        )
        self.table = table


class ExchangeFormatMixin:
    """A format read from raw bytes by awards.exchange.files, so nothing is decoded before
    the encoding is detected."""

    exchange_format = "csv"
    delimiter = ","

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        return TableDataset(files.read_table(in_stream, file_format=self.exchange_format))


class CSVFormat(ExchangeFormatMixin, base_formats.CSV):
    exchange_format = "csv"


class SemicolonCSVFormat(CSVFormat):
    """CSV that Excel in a Russian locale opens in columns with a double click."""

    delimiter = ";"

    def get_title(self):
        return "csv ; (Excel)"


class XLSXFormat(ExchangeFormatMixin, base_formats.XLSX):
    exchange_format = "xlsx"


class JSONFormat(ExchangeFormatMixin, base_formats.JSON):
    exchange_format = "json"


class KeptTempFolderStorage(TempFolderStorage):
    """The uploaded file, kept after a confirmation that failed, so that it can be checked
    again; removed once its import is written (``discard``)."""

    def remove(self):
        pass

    def discard(self):
        if self.name and os.path.exists(self.get_full_path()):
            os.remove(self.get_full_path())


class ExchangeConfirmImportForm(ConfirmImportForm):
    """The confirmation, with the versions of the records as the preview read them."""

    versions = forms.CharField(widget=forms.HiddenInput(), required=False)

    def clean_versions(self):
        if not self.cleaned_data["versions"]:
            return None
        try:
            return signing.loads(self.cleaned_data["versions"], salt=VERSIONS_SALT)
        except signing.BadSignature as error:
            raise forms.ValidationError(
                _("The preview was changed; upload the file again.")
            ) from error


class ExchangeExportForm(ExportForm):
    """The export form, with CSV chosen rather than an empty choice."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        field = self.fields["format"]
        field.choices = [choice for choice in field.choices if choice[0] != ""]
        self.initial.setdefault("format", field.choices[0][0])


class ExchangeImportForm(ImportForm):
    """The upload form: refuses files over the size limit; knows who uploads, for the log."""

    def __init__(self, formats, resources, *, user=None, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.user = user

    def clean_import_file(self):
        return _within_size_limit(self.cleaned_data["import_file"])


class RegistryListForm(forms.Form):
    """The upload of a registry list (awards.exchange.registry): CSV, XLSX or JSON, told
    by the file's name, within the size limit."""

    file = forms.FileField(
        label=_lazy("File"), validators=[FileExtensionValidator(allowed_extensions=files.FORMATS)]
    )

    def clean_file(self):
        return _within_size_limit(self.cleaned_data["file"])


def _within_size_limit(upload):
    try:
        files.check_size(upload.size)
    except files.ImportFileError as error:
        raise forms.ValidationError(error.message) from error
    return upload


def admin_resource(resource_class):
    """The resource as the admin's screens call it: ``import_data`` on a TableDataset runs
    the project's import and answers with a Result."""

    class AdminImportResource(resource_class):
        def import_data(self, dataset, dry_run=False, raise_errors=False, **kwargs):
            table = dataset.table if isinstance(dataset, TableDataset) else _table_of(dataset)
            report = importer.import_table(
                resource=self,
                table=table,
                user=kwargs.get("user"),
                dry_run=dry_run,
                file_name=kwargs.get("file_name") or "",
                origin=ImportLog.Origin.ADMIN,
                expected_versions=kwargs.get("expected_versions"),
                may_change_published=may_publish(kwargs.get("user"), self._meta.model),
            )
            return result_from_report(self, report, dry_run=dry_run)

    AdminImportResource.__name__ = resource_class.__name__
    return AdminImportResource


def _table_of(dataset: tablib.Dataset) -> files.Table:
    return files.Table(
        headers=[str(header or "").strip() for header in dataset.headers or []],
        rows=list(dataset),
    )


def result_from_report(resource, report: importer.ImportReport, *, dry_run: bool) -> Result:
    """The admin's view of an import: errors by row and column, or a preview."""
    result = Result()
    result.diff_headers = resource.get_diff_headers()
    result.versions = report.versions
    result.error_table = error_table(
        headers=report.headers,
        errors=report.errors,
        cells=report.error_cells,
        more_errors=report.more_errors,
    )
    result.numbering = numbering_note(report.file_format)
    result.total_rows = report.new + report.updated + report.unchanged + report.failed
    result.totals[RowResult.IMPORT_TYPE_NEW] = report.new
    result.totals[RowResult.IMPORT_TYPE_UPDATE] = report.updated
    result.totals[RowResult.IMPORT_TYPE_SKIP] = report.unchanged
    result.totals[RowResult.IMPORT_TYPE_INVALID] = report.failed
    by_row = {}
    for error in report.errors:
        by_row.setdefault(error.row, {}).setdefault(error.column or NON_FIELD_ERRORS, []).append(
            error.message
        )
    if report.more_errors:
        by_row.setdefault(None, {}).setdefault(NON_FIELD_ERRORS, []).append(
            _("… and %(count)d more errors.") % {"count": report.more_errors}
        )
    for number, message_dict in by_row.items():
        result.invalid_rows.append(
            InvalidRow(
                number=number or "—",
                validation_error=ValidationError(message_dict),
                values=report.error_cells.get(number, ()),
            )
        )
    columns = export_columns(resource)
    for outcome in report.outcomes[:PREVIEW_ROWS] if dry_run else report.outcomes:
        row_result = RowResult()
        row_result.import_type = outcome.import_type
        row_result.instance = outcome.instance
        row_result.add_instance_info(outcome.instance)
        row_result.diff = _preview_cells(columns, outcome) if dry_run else None
        result.append_row_result(row_result)
    return result


def _preview_cells(columns, outcome: importer.RowOutcome) -> list:
    cells = []
    for column in columns:
        if column.name not in outcome.values:
            cells.append("")
            continue
        new = column.render(outcome.values[column.name])
        if column.name in outcome.previous:
            old = column.render(outcome.previous[column.name])
            cells.append(format_html("<del>{}</del> <ins>{}</ins>", old, new))
        else:
            cells.append(new)
    return cells


@dataclass
class ErrorCell:
    value: str
    messages: list[str] = field(default_factory=list)


@dataclass
class ErrorRow:
    """A row of the file with its errors: beside the cells they are about, or the row's."""

    number: int | None
    cells: list[ErrorCell]
    messages: list[str] = field(default_factory=list)
    conflict: bool = False


@dataclass
class ErrorTable:
    headers: list[str]
    rows: list[ErrorRow]
    more_errors: int = 0

    @property
    def conflicts(self) -> list[ErrorRow]:
        return [row for row in self.rows if row.conflict]


def error_table(*, headers, errors, cells, more_errors: int = 0) -> ErrorTable:
    """The errors of an import by row, each beside the row's cells as the file holds them.

    ``errors`` are importer.RowError or dicts with the same keys; ``cells`` the cells of
    each row with an error, by row number.
    """
    rows = {}
    for error in errors:
        if isinstance(error, dict):
            error = importer.RowError(**error)
        row = rows.get(error.row)
        if row is None:
            values = cells.get(error.row) or cells.get(str(error.row)) or []
            row = rows[error.row] = ErrorRow(
                number=error.row,
                cells=[
                    ErrorCell(_cut(values[index] if index < len(values) else ""))
                    for index in range(len(headers))
                ],
            )
        row.conflict = row.conflict or error.conflict
        if error.column in headers and error.row is not None:
            row.cells[headers.index(error.column)].messages.append(error.message)
        elif error.column:
            row.messages.append(f"{error.column}: {error.message}")
        else:
            row.messages.append(error.message)
    return ErrorTable(headers=list(headers), rows=list(rows.values()), more_errors=more_errors)


def _cut(text: str) -> str:
    text = str(text)
    return text if len(text) <= ERROR_CELL_CHARS else text[: ERROR_CELL_CHARS - 1] + "…"


def numbering_note(file_format: str) -> str:
    """How the rows are numbered, said on every page that names rows."""
    if file_format == "json":
        return _("Records are numbered from 1, in the order of the file.")
    return _(
        "Rows are numbered as the spreadsheet numbers them: the header is row 1, "
        "the first record row 2."
    )


class RecordExchangeAdmin(ImportExportActionModelAdmin):
    """Import with preview and confirmation, export of all, filtered or selected rows."""

    formats = (CSVFormat, SemicolonCSVFormat, XLSXFormat, JSONFormat)
    # Both buttons on the list; selected rows go out through the "Export selected" action.
    import_export_change_list_template = "admin/import_export/change_list_import_export.html"
    # The change form stays Django's (and the project's overrides of it).
    change_form_template = None
    show_change_form_export = False
    import_form_class = ExchangeImportForm
    confirm_form_class = ExchangeConfirmImportForm
    tmp_storage_class = KeptTempFolderStorage
    # Every column is exported, so that the file can come back in as it went out.
    export_form_class = ExchangeExportForm

    def get_resource_classes(self, request):
        return [admin_resource(resource_for(self.model))]

    def add_data_read_fail_error_to_form(self, form, e):
        if not isinstance(e, files.ImportFileError):
            return super().add_data_read_fail_error_to_form(form, e)
        form.add_error("import_file", e.message)
        upload = form.cleaned_data.get("import_file")
        importer.reject_file(
            model_name=self.model._meta.model_name,
            file_name=getattr(upload, "name", ""),
            file_format=self.get_import_formats()[int(form.cleaned_data["format"])].exchange_format,
            error=e,
            user=form.user,
            origin=ImportLog.Origin.ADMIN,
        )
        return None

    def get_import_form_kwargs(self, request):
        return {**super().get_import_form_kwargs(request), "user": request.user}

    def import_action(self, request, **kwargs):
        """The upload: a large file goes to a background job; a small one is previewed,
        and a refused one can be checked again from its stored copy."""
        if (
            request.method == "POST"
            and "stored_file" in request.POST
            and not self._restore_stored_file(request)
        ):
            messages.error(request, _("The stored file is gone; upload it again."))
            return HttpResponseRedirect(request.path)
        if request.method == "POST" and self.has_import_permission(request):
            job = self._start_background_import(request)
            if job is not None:
                return HttpResponseRedirect(job.get_absolute_url())
        response = super().import_action(request, **kwargs)
        context = response.context_data
        result, form = context.get("result"), context.get("form")
        if result is not None and context.get("confirm_form") is not None:
            context["confirm_form"].initial["versions"] = signing.dumps(
                result.versions, salt=VERSIONS_SALT, compress=True
            )
        if result is not None and form is not None and form.is_valid():
            upload = form.cleaned_data["import_file"]
            context["stored_file"] = self._stored_file_token(
                name=getattr(upload, "tmp_storage_name", ""),
                original=upload.name,
                file_format=form.cleaned_data["format"],
            )
        return response

    def _start_background_import(self, request):
        form = self.create_import_form(request)
        if not form.is_valid():
            return None
        upload = form.cleaned_data["import_file"]
        file_format = self.get_import_formats()[int(form.cleaned_data["format"])]
        data = b"".join(upload.chunks())
        upload.seek(0)
        if not jobs.runs_in_background(data, file_format=file_format.exchange_format):
            return None
        job = jobs.start_import_job(
            model_name=self.opts.model_name,
            upload=upload,
            file_format=file_format.exchange_format,
            user=request.user,
        )
        messages.info(
            request,
            _("The file has more than %(rows)d rows: it is checked in the background.")
            % {"rows": settings.IMPORT_BACKGROUND_ROWS},
        )
        return job

    def _stored_file_token(self, *, name, original, file_format) -> str:
        return signing.dumps(
            {"name": os.path.basename(name), "original": original, "format": str(file_format)},
            salt=STORED_FILE_SALT,
        )

    def _restore_stored_file(self, request) -> bool:
        """Put the stored copy of a file back into the request as if uploaded again."""
        try:
            stored = signing.loads(request.POST["stored_file"], salt=STORED_FILE_SALT)
        except signing.BadSignature:
            return False
        storage = KeptTempFolderStorage(name=stored["name"], read_mode="rb")
        if not stored["name"] or not os.path.exists(storage.get_full_path()):
            return False
        request.POST = request.POST.copy()
        request.POST.update({"format": stored["format"], "resource": "0"})
        request.FILES["import_file"] = SimpleUploadedFile(stored["original"], storage.read())
        storage.discard()
        return True

    def process_import(self, request, **kwargs):
        """The confirmation: a second one of the same preview (a double click, the form
        sent again) finds its file gone with the first and is told so, nothing imported."""
        name = os.path.basename(request.POST.get("import_file_name", ""))
        if request.method == "POST" and self.has_import_permission(request):
            storage = KeptTempFolderStorage(name=name)
            if not name or not os.path.exists(storage.get_full_path()):
                messages.warning(
                    request,
                    _(
                        "This import was already confirmed, or its file is gone: nothing "
                        "was imported again. The list shows the records as they are."
                    ),
                )
                return HttpResponseRedirect(
                    reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
                )
        return super().process_import(request, **kwargs)

    def get_import_data_kwargs(self, **kwargs):
        form = kwargs.get("form")
        kwargs = super().get_import_data_kwargs(**kwargs)
        if isinstance(form, ExchangeConfirmImportForm):
            kwargs["expected_versions"] = form.cleaned_data.get("versions")
        return kwargs

    def process_result(self, result, request):
        storage = KeptTempFolderStorage(name=os.path.basename(request.POST["import_file_name"]))
        if not result.has_validation_errors():
            storage.discard()
            return super().process_result(result, request)
        # The records changed between the preview and the confirmation: the conflicts by
        # row, and the same file ready to be checked again.
        messages.error(request, _("Nothing was imported: the records changed since the preview."))
        form = self.get_import_form_class(request)(
            self.get_import_formats(), self.get_import_resource_classes(request), user=request.user
        )
        context = {
            **self.get_import_context_data(),
            **self.admin_site.each_context(request),
            "title": _("Import"),
            "form": form,
            "opts": self.opts,
            "media": self.media + form.media,
            "result": result,
            "fields_list": [],
            "stored_file": self._stored_file_token(
                name=storage.name,
                original=request.POST["original_file_name"],
                file_format=request.POST["format"],
            ),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.import_template_name], context)

    def get_import_context_data(self, **kwargs):
        return {
            **super().get_import_context_data(**kwargs),
            "import_max_size": filesizeformat(files.max_upload_bytes()),
        }

    def get_valid_export_item_pks(self, request):
        return self.get_export_queryset(request).values_list("pk", flat=True)

    def get_export_data(self, file_format, request, queryset, **kwargs):
        if not self.has_export_permission(request):
            raise PermissionDenied
        return b"".join(
            export_records(
                resource=resource_for(self.model)(),
                queryset=queryset,
                file_format=file_format.exchange_format,
                delimiter=file_format.delimiter,
            )
        )


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

    list_display = (
        "created_at",
        "user",
        "kind_of_record",
        "file_name",
        "status",
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
        if not jobs.confirm_import_job(job=job):
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
