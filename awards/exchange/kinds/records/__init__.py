"""A kind of record matched by slug (a title, an act, a person…), in and out through the
columns of its Resource (awards.exchange.resources): the stages of the import pipeline
in ``clean``, ``resolve``, ``validate`` and ``write``, bound to the resource here."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from django.db import models
from django.utils.encoding import force_str
from import_export.resources import Resource

from awards.exchange.columns import export_columns, import_columns
from awards.exchange.exporter import record_cells
from awards.exchange.files import Table
from awards.exchange.kinds.records.clean import check_headers, clean_rows
from awards.exchange.kinds.records.resolve import Plan, resolve
from awards.exchange.kinds.records.validate import refuse_published_changes, validate
from awards.exchange.kinds.records.write import write
from awards.exchange.pipeline.report import ImportReport, ProgressTracker


class RecordKind:
    """The records of one Resource's model, in and out of files."""

    def __init__(self, resource: Resource):
        self.resource = resource
        self.model = resource._meta.model
        self.name = self.model._meta.model_name
        self.sheet_title = force_str(self.model._meta.verbose_name_plural)
        self.columns = import_columns(resource)

    def clean(self, *, table: Table, report: ImportReport, track: ProgressTracker) -> list | None:
        check_headers(columns=self.columns, table=table, report=report)
        if not report.ok:
            return None
        return clean_rows(columns=self.columns, table=table, report=report, track=track)

    def resolve(
        self,
        *,
        rows: list,
        table: Table,
        report: ImportReport,
        may_change_published: bool,
        expected_versions: Mapping[str, int] | None,
        answers: Mapping[int, str] | None,
    ) -> Plan:
        return resolve(
            model=self.model,
            columns=self.columns,
            table=table,
            rows=rows,
            report=report,
            expected_versions=expected_versions,
        )

    def validate(
        self,
        *,
        plan: Plan,
        report: ImportReport,
        track: ProgressTracker,
        total: int,
        may_change_published: bool,
    ) -> None:
        validate(
            plan=plan,
            report=report,
            check=self.resource.check_record,
            track=track,
            total=total,
            hold_published=not may_change_published,
        )
        if not may_change_published:
            refuse_published_changes(report=report)

    def write(self, *, plan: Plan, user, reason: str, track: ProgressTracker) -> None:
        write(plan=plan, user=user, reason=reason, track=track)

    def export_table(
        self, *, file_format: str, queryset: models.QuerySet | None
    ) -> tuple[list[str], Iterator[list]]:
        columns = export_columns(self.resource)
        if queryset is None:
            queryset = self.resource.get_queryset()
        headers = [column.name for column in columns]
        return headers, record_cells(columns=columns, queryset=queryset, file_format=file_format)
