"""The import pipeline's driver: a file through the stages of its kind, all of it or, on
any error, nothing.

The rule of the editors: bad input changes nothing. An unchanged record is neither saved
nor given a history entry. Every import that writes, and every import refused, is logged.

Versions: every record written gets its version raised by one (a new record starts at 1).
A row whose record changed after the file was exported or after the preview that the
editor confirms (``expected_versions``) is a conflict: the import is refused and the row
named, instead of overwriting newer work.

Progress: a caller may pass ``progress=``, a callable that receives a Progress after each
stage and each batch of rows (the admin's background jobs store it, the command draws a
bar); the pipeline knows nothing of who listens.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from awards.exchange.files import ImportFileError, Table, format_from_name, read_table
from awards.exchange.pipeline.report import (
    ImportReport,
    Progress,
    ProgressCallback,
    ProgressTracker,
    StaleRecords,
    changed_meanwhile,
    log_import,
    refuse_import,
    reject_file,
    sent_for_review_note,
)
from awards.models import ImportLog


class ImportKind(Protocol):
    """A kind of import: what its stages do between reading the file and the log."""

    # The kind of record the report and the import log name ("title", "registry").
    name: str

    def clean(self, *, table: Table, report: ImportReport, track: ProgressTracker) -> list | None:
        """The rows' values, or None when the file's columns already refuse it."""

    def resolve(
        self,
        *,
        rows: list,
        table: Table,
        report: ImportReport,
        may_change_published: bool,
        expected_versions: Mapping[str, int] | None,
        answers: Mapping[int, str] | None,
    ) -> Any:
        """The plan of the write: records matched, names found (``answers``: the editor's
        decisions on the questions a check asked)."""

    def validate(
        self,
        *,
        plan: Any,
        report: ImportReport,
        track: ProgressTracker,
        total: int,
        may_change_published: bool,
    ) -> None:
        """The rules of each record, and of records together."""

    def write(self, *, plan: Any, user, reason: str, track: ProgressTracker) -> None:
        """The plan written, inside the pipeline's transaction."""


def import_file(
    *,
    kind: ImportKind,
    data: bytes,
    file_name: str,
    file_format: str | None = None,
    encoding: str | None = None,
    user=None,
    dry_run: bool = False,
    origin: str = ImportLog.Origin.COMMAND,
    expected_versions: Mapping[str, int] | None = None,
    answers: Mapping[int, str] | None = None,
    progress: ProgressCallback | None = None,
    may_change_published: bool = True,
) -> ImportReport:
    """Read a file (its format by its extension unless given) and import it with
    import_table(); a file that cannot be read is refused and logged like a bad row."""
    file_format = file_format or format_from_name(file_name)
    if progress is not None:
        progress(Progress(stage="read", total=0))
    try:
        table = read_table(data, file_format=file_format, encoding=encoding)
    except ImportFileError as error:
        report = reject_file(
            model_name=kind.name,
            file_name=file_name,
            file_format=file_format,
            error=error,
            user=user,
            origin=origin,
        )
        if progress is not None:
            progress(Progress(stage="done", total=0, errors=len(report.errors)))
        return report
    return import_table(
        kind=kind,
        table=table,
        user=user,
        dry_run=dry_run,
        file_name=file_name,
        origin=origin,
        expected_versions=expected_versions,
        answers=answers,
        progress=progress,
        may_change_published=may_change_published,
    )


def import_table(
    *,
    kind: ImportKind,
    table: Table,
    user=None,
    dry_run: bool = False,
    file_name: str = "",
    origin: str = ImportLog.Origin.COMMAND,
    expected_versions: Mapping[str, int] | None = None,
    answers: Mapping[int, str] | None = None,
    progress: ProgressCallback | None = None,
    may_change_published: bool = True,
) -> ImportReport:
    """Import a table through its kind's stages: all of it, or, on any error, nothing.

    Without ``may_change_published`` (an editor's import, awards.records.roles) every row
    that creates or changes a published record is an error. ``expected_versions`` (slug →
    version, as ImportReport.versions of the preview gave them) makes every row whose
    record changed since then a conflict. A check may leave questions to the editor
    (ImportReport.questions); the table is written only once ``answers`` settles them all.
    """
    report = ImportReport(
        model_name=kind.name, file_name=file_name, file_format=table.file_format, dry_run=dry_run
    )
    total = len(table.rows)
    track = ProgressTracker(progress, total=total, report=report)
    track(stage="read", read=0)
    rows = kind.clean(table=table, report=report, track=track)
    if rows is not None:
        plan = kind.resolve(
            rows=rows,
            table=table,
            report=report,
            may_change_published=may_change_published,
            expected_versions=expected_versions,
            answers=answers,
        )
        kind.validate(
            plan=plan,
            report=report,
            track=track,
            total=total,
            may_change_published=may_change_published,
        )
    if report.ok and report.questions and not dry_run:
        report.add_error(
            None,
            "",
            ngettext(
                "%(number)d row may name a person already recorded or named by another row: "
                "decide it, then confirm again.",
                "%(number)d rows may name people already recorded or named by other rows: "
                "decide them, then confirm again.",
                len(report.questions),
            )
            % {"number": len(report.questions)},
        )
    if not report.ok:
        return refuse_import(report, table=table, user=user, origin=origin, track=track)
    if report.for_review:
        report.notes.append(sent_for_review_note(report.for_review))
    track(stage="validate", validated=total, to_write=report.new + report.updated)
    if dry_run:
        track(stage="done")
        return report
    try:
        with transaction.atomic():
            kind.write(
                plan=plan,
                user=user,
                reason=_("Imported from %(file)s") % {"file": file_name},
                track=track,
            )
            log_import(report=report, user=user, origin=origin)
    except StaleRecords as stale:
        for slug, current in stale.versions.items():
            number = next(o.number for o in report.outcomes if o.instance.slug == slug)
            report.add_error(
                number, "", changed_meanwhile(report.versions[slug], current), conflict=True
            )
        return refuse_import(report, table=table, user=user, origin=origin, track=track)
    except IntegrityError:
        # Another editor saved one of these slugs between the check and the write.
        report.add_error(None, "", _("The records changed while the file was imported; try again."))
        return refuse_import(report, table=table, user=user, origin=origin, track=track)
    track(stage="done")
    return report
