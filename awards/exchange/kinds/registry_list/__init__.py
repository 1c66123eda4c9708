"""A registry list: one row per conferment, in the shape researchers keep them, through
the same import pipeline as every kind of record (the stages in ``clean``, ``resolve``,
``validate`` and ``write``) and out again (``export``).

A row names the person (by ``person``, the slug of a person already recorded, or by the
Russian surname, given name, patronymic and date of birth), the title (its slug), the date
of the conferment, the act (by its date and number: one that is not recorded yet is added,
citing the row's passages) and the passages (``citations``) that state it. A conferment
already recorded (same person, title and date) is updated, not added. Every conferment is
checked against the rules of its title on its date with the awards the person already has
(awards.registry.checks), and the whole list is written in one transaction, in bulk, with
one history entry per record, or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from django.db import models
from django.utils.translation import gettext_lazy as _

from awards.exchange.files import Table
from awards.exchange.kinds.registry_list.clean import COLUMNS, clean
from awards.exchange.kinds.registry_list.export import export_rows
from awards.exchange.kinds.registry_list.resolve import RegistryPlan, resolve
from awards.exchange.kinds.registry_list.validate import validate
from awards.exchange.kinds.registry_list.write import write
from awards.exchange.pipeline.report import ImportReport, ProgressTracker
from awards.models import Conferment
from awards.models.imports import REGISTRY_LIST


class RegistryListKind:
    """Conferments with their people and acts, a row each."""

    name = REGISTRY_LIST
    # Whose permissions an import of a list asks for: it adds conferments.
    model = Conferment
    sheet_title = _("registry")

    def clean(self, *, table: Table, report: ImportReport, track: ProgressTracker) -> list | None:
        rows = clean(table=table, report=report, track=track)
        return rows if report.ok else None

    def resolve(
        self,
        *,
        rows: list,
        table: Table,
        report: ImportReport,
        may_change_published: bool,
        expected_versions: Mapping[str, int] | None,
        answers: Mapping[int, str] | None,
    ) -> RegistryPlan:
        # A list is matched again when it is written, with the editor's answers: no
        # versions to expect.
        return resolve(
            rows=rows,
            report=report,
            may_change_published=may_change_published,
            answers=dict(answers or {}),
        )

    def validate(
        self,
        *,
        plan: RegistryPlan,
        report: ImportReport,
        track: ProgressTracker,
        total: int,
        may_change_published: bool,
    ) -> None:
        validate(plan=plan, report=report, track=track, may_change_published=may_change_published)

    def write(self, *, plan: RegistryPlan, user, reason: str, track: ProgressTracker) -> None:
        write(plan=plan, user=user, reason=reason, track=track)

    def export_table(
        self, *, file_format: str, queryset: models.QuerySet | None
    ) -> tuple[list[str], Iterator[list]]:
        return list(COLUMNS), export_rows(queryset=queryset)
