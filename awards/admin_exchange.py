"""Import and export in the editors' admin, over the same services as the commands.

django-import-export gives the screens (choose a file, preview, confirm, export); the
formats here hand the uploaded bytes to awards.import_files, which detects the encoding
and delimiter, and the export goes through awards.exporting.
"""

import tablib
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from import_export.admin import ImportExportActionModelAdmin
from import_export.formats import base_formats
from import_export.forms import ExportForm, ImportForm

from awards import import_files, importing
from awards.exporting import export_records
from awards.models import ImportLog
from awards.resources import resource_for


class ExchangeFormatMixin:
    """A format read from raw bytes by awards.import_files, so nothing is decoded before
    the encoding is detected."""

    exchange_format = "csv"
    delimiter = ","

    def is_binary(self):
        return True

    def get_read_mode(self):
        return "rb"

    def create_dataset(self, in_stream, **kwargs):
        table = import_files.read_table(in_stream, file_format=self.exchange_format)
        width = len(table.headers)
        dataset = tablib.Dataset(
            *[tuple((list(row) + [None] * width)[:width]) for row in table.rows],
            headers=table.headers,
        )
        # The table keeps what the dataset cannot: cells beyond the header, row numbers.
        dataset.exchange_table = table
        return dataset


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
            import_files.check_size(upload.size)
        except import_files.ImportFileError as error:
            raise forms.ValidationError(error.message) from error
        return upload


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
        return [resource_for(self.model)]

    def add_data_read_fail_error_to_form(self, form, e):
        if not isinstance(e, import_files.ImportFileError):
            return super().add_data_read_fail_error_to_form(form, e)
        form.add_error("import_file", e.message)
        upload = form.cleaned_data.get("import_file")
        importing.reject_file(
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
            "import_max_size": filesizeformat(import_files.max_upload_bytes()),
        }

    def get_valid_export_item_pks(self, request):
        return self.get_export_queryset(request).values_list("pk", flat=True)

    def get_export_data(self, file_format, request, queryset, **kwargs):
        if not self.has_export_permission(request):
            raise PermissionDenied
        resource = resource_for(self.model)()
        return b"".join(
            export_records(
                resource=resource,
                queryset=queryset,
                file_format=file_format.exchange_format,
                delimiter=file_format.delimiter,
            )
        )
