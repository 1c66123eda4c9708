"""Import and export on every record's list in the admin, over the same pipeline as the
commands: a small file previewed and confirmed inside the request, a large one sent to a
background job (awards.exchange.jobs); exports streamed by awards.exchange.exporter."""

import os

import tablib
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from import_export.admin import ImportExportActionModelAdmin
from import_export.forms import ConfirmImportForm, ExportForm, ImportForm

from awards.exchange import files, jobs
from awards.exchange.admin.formats import (
    CSVFormat,
    JSONFormat,
    KeptTempFolderStorage,
    SemicolonCSVFormat,
    TableDataset,
    XLSXFormat,
    within_size_limit,
)
from awards.exchange.admin.preview import result_from_report
from awards.exchange.exporter import export_file
from awards.exchange.kinds.records import RecordKind
from awards.exchange.pipeline.report import reject_file
from awards.exchange.pipeline.run import import_table
from awards.exchange.resources import resource_for
from awards.models import ImportLog
from awards.records.roles import may_publish

VERSIONS_SALT = "awards.exchange.preview-versions"
STORED_FILE_SALT = "awards.exchange.stored-file"


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
        return within_size_limit(self.cleaned_data["import_file"])


def admin_resource(resource_class):
    """The resource as the admin's screens call it: ``import_data`` on a TableDataset runs
    the project's import and answers with a Result."""

    class AdminImportResource(resource_class):
        def import_data(self, dataset, dry_run=False, raise_errors=False, **kwargs):
            table = dataset.table if isinstance(dataset, TableDataset) else _table_of(dataset)
            report = import_table(
                kind=RecordKind(self),
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
        reject_file(
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
        for note in getattr(result, "notes", ()):
            messages.info(request, note)
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
            for note in getattr(result, "notes", ()):
                messages.info(request, note)
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
            export_file(
                kind=RecordKind(resource_for(self.model)()),
                queryset=queryset,
                file_format=file_format.exchange_format,
                delimiter=file_format.delimiter,
            )
        )
