"""Import and export in the editors' admin, over the same services as the commands.

django-import-export gives the screens (choose a file, preview, confirm, export). This is
the only module that knows its admin hooks, its ``Result`` and tablib: the formats hand
the uploaded bytes to awards.exchange.files (which detects the encoding and delimiter),
the import goes through awards.exchange.importer and its report is shown as a Result,
and the export streams from awards.exchange.exporter.
"""

import tablib
from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from import_export.admin import ImportExportActionModelAdmin
from import_export.formats import base_formats
from import_export.forms import ExportForm, ImportForm
from import_export.results import InvalidRow, Result, RowResult

from awards.exchange import files, importer
from awards.exchange.columns import export_columns
from awards.exchange.exporter import export_records
from awards.exchange.resources import resource_for
from awards.models import ImportLog

# Rows shown in the admin's preview; the import itself takes every row.
PREVIEW_ROWS = 500


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


class ExchangeImportForm(ImportForm):
    """The upload form: refuses files over the size limit; knows who uploads, for the log."""

    def __init__(self, formats, resources, *, user=None, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.user = user

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
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
                number=number or "—", validation_error=ValidationError(message_dict), values=()
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


class RecordExchangeAdmin(ImportExportActionModelAdmin):
    """Import with preview and confirmation, export of all, filtered or selected rows."""

    formats = (CSVFormat, SemicolonCSVFormat, XLSXFormat, JSONFormat)
    # Both buttons on the list; selected rows go out through the "Export selected" action.
    import_export_change_list_template = "admin/import_export/change_list_import_export.html"
    # The change form stays Django's (and the project's overrides of it).
    change_form_template = None
    show_change_form_export = False
    import_form_class = ExchangeImportForm
    # Every column is exported, so that the file can come back in as it went out.
    export_form_class = ExportForm

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

    def process_result(self, result, request):
        if not result.has_validation_errors():
            return super().process_result(result, request)
        # The records changed between the preview and the confirmation.
        messages.error(
            request,
            _("Nothing was imported: the file no longer passes the checks. Upload it again."),
        )
        return HttpResponseRedirect(
            reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_import",
                current_app=self.admin_site.name,
            )
        )

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
