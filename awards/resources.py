"""One Resource per model: the columns of the exchange files, for the admin and commands.

Columns are named after the fields, both language versions as their own columns;
relations are slugs, many-to-many relations a list of slugs in one cell. Importing goes
through awards.importing (all rows validated in memory, written in bulk) and exporting
through awards.exporting (streamed); import_data() adapts the first to the admin's
preview and confirmation.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import models
from django.utils.html import format_html
from import_export import resources
from import_export.fields import Field
from import_export.results import InvalidRow, Result, RowResult

from awards import import_files, importing
from awards import models as records
from awards.fields import PartialDateField
from awards.widgets import (
    IntegerWidget,
    PartialDateWidget,
    SlugListWidget,
    SlugWidget,
    SpreadsheetBooleanWidget,
    TextWidget,
)

# Rows shown in the admin's preview; the import itself takes every row.
PREVIEW_ROWS = 500


def widget_for(model_field: models.Field):
    if model_field.many_to_many:
        return SlugListWidget()
    if model_field.is_relation:
        return SlugWidget()
    if isinstance(model_field, PartialDateField):
        return PartialDateWidget()
    if isinstance(model_field, models.BooleanField):
        return SpreadsheetBooleanWidget()
    if isinstance(model_field, models.IntegerField):
        return IntegerWidget()
    return TextWidget()


class RecordResource(resources.ModelResource):
    """What every resource shares: matching by slug, widgets by field type, bulk import."""

    class Meta:
        # What awards.importing does: match by slug, leave unchanged records unsaved.
        import_id_fields = ("slug",)
        skip_unchanged = True

    @classmethod
    def field_from_django_field(cls, field_name, django_field, readonly):
        return Field(
            attribute=field_name,
            column_name=field_name,
            widget=widget_for(django_field),
            readonly=readonly,
        )

    def get_queryset(self):
        model = self._meta.model
        return model._default_manager.order_by(*model._meta.ordering, "slug")

    def import_data(self, dataset, dry_run=False, raise_errors=False, **kwargs):
        """Import a tablib Dataset (from the admin) through the bulk import service."""
        table = getattr(dataset, "exchange_table", None) or import_files.Table(
            headers=[str(header or "").strip() for header in dataset.headers or []],
            rows=list(dataset),
        )
        report = importing.import_table(
            resource=self,
            table=table,
            user=kwargs.get("user"),
            dry_run=dry_run,
            file_name=kwargs.get("file_name") or "",
            origin=records.ImportLog.Origin.ADMIN,
        )
        return self.result_from_report(report, dry_run=dry_run)

    def result_from_report(self, report: importing.ImportReport, *, dry_run: bool) -> Result:
        """The admin's view of an import: errors by row and column, or a preview."""
        result = Result()
        result.diff_headers = self.get_diff_headers()
        result.total_rows = report.new + report.updated + report.unchanged + report.failed
        result.totals[RowResult.IMPORT_TYPE_NEW] = report.new
        result.totals[RowResult.IMPORT_TYPE_UPDATE] = report.updated
        result.totals[RowResult.IMPORT_TYPE_SKIP] = report.unchanged
        result.totals[RowResult.IMPORT_TYPE_INVALID] = report.failed
        by_row = {}
        for error in report.errors:
            by_row.setdefault(error.row, {}).setdefault(
                error.column or NON_FIELD_ERRORS, []
            ).append(error.message)
        for number, messages in by_row.items():
            result.invalid_rows.append(
                InvalidRow(number=number or "—", validation_error=_Messages(messages), values=())
            )
        outcomes = report.outcomes[:PREVIEW_ROWS] if dry_run else report.outcomes
        for outcome in outcomes:
            row_result = RowResult()
            row_result.import_type = outcome.import_type
            row_result.instance = outcome.instance
            row_result.add_instance_info(outcome.instance)
            row_result.diff = self.preview_cells(outcome) if dry_run else None
            result.append_row_result(row_result)
        return result

    def preview_cells(self, outcome: importing.RowOutcome) -> list:
        cells = []
        for field in self.get_export_fields():
            name = field.column_name
            if name not in outcome.values:
                cells.append("")
                continue
            new = field.widget.render(outcome.values[name])
            if name in outcome.previous:
                old = field.widget.render(outcome.previous[name])
                cells.append(format_html("<del>{}</del> <ins>{}</ins>", old, new))
            else:
                cells.append(new)
        return cells


class _Messages(Exception):
    """Messages by column, shaped as the admin's InvalidRow reads a ValidationError."""

    def __init__(self, message_dict):
        super().__init__(message_dict)
        self.message_dict = message_dict


class SourceResource(RecordResource):
    class Meta:
        model = records.Source
        fields = ("slug", "published", "name_ru", "name_en", "author", "url", "language", "text")


class CitationResource(RecordResource):
    class Meta:
        model = records.Citation
        fields = ("slug", "published", "source", "paragraph", "sentence", "quote_ru", "quote_en")


class AuthorityResource(RecordResource):
    class Meta:
        model = records.Authority
        fields = (
            "slug",
            "published",
            "name_ru",
            "name_en",
            "short_name_ru",
            "short_name_en",
            "jurisdiction",
            "parent",
            "description_ru",
            "description_en",
            "citations",
        )


class PersonResource(RecordResource):
    class Meta:
        model = records.Person
        fields = (
            "slug",
            "published",
            "name_ru",
            "name_en",
            "description_ru",
            "description_en",
            "citations",
        )


class DecreeResource(RecordResource):
    class Meta:
        model = records.Decree
        fields = (
            "slug",
            "published",
            "kind",
            "date",
            "authorities",
            "name_ru",
            "name_en",
            "summary_ru",
            "summary_en",
            "citations",
        )


class TitleResource(RecordResource):
    class Meta:
        model = records.Title
        fields = (
            "slug",
            "published",
            "name_ru",
            "name_en",
            "description_ru",
            "description_en",
            "established_on",
            "established_by",
            "abolished_on",
            "abolished_by",
            "predecessor",
            "conferred_by",
            "citations",
        )


class MedalResource(RecordResource):
    class Meta:
        model = records.Medal
        fields = (
            "slug",
            "published",
            "kind",
            "name_ru",
            "name_en",
            "description_ru",
            "description_en",
            "established_on",
            "established_by",
            "designer",
            "titles",
            "citations",
        )


class EventResource(RecordResource):
    class Meta:
        model = records.Event
        fields = (
            "slug",
            "published",
            "date",
            "name_ru",
            "name_en",
            "description_ru",
            "description_en",
            "titles",
            "decrees",
            "medals",
            "citations",
        )


class ProvisionResource(RecordResource):
    class Meta:
        model = records.Provision
        fields = (
            "slug",
            "published",
            "title",
            "aspect",
            "value_ru",
            "value_en",
            "value_key",
            "start",
            "start_decree",
            "start_event",
            "end",
            "end_decree",
            "end_event",
            "note_ru",
            "note_en",
            "citations",
        )


# In dependency order: a file of each kind can be imported once those before it are.
RESOURCES = {
    resource._meta.model._meta.model_name: resource
    for resource in (
        SourceResource,
        CitationResource,
        AuthorityResource,
        PersonResource,
        DecreeResource,
        TitleResource,
        MedalResource,
        EventResource,
        ProvisionResource,
    )
}


def resource_for(model: type[models.Model] | str) -> type[RecordResource]:
    """The resource of a model, given as the class or as its name in admin URLs."""
    name = model if isinstance(model, str) else model._meta.model_name
    return RESOURCES[name]
