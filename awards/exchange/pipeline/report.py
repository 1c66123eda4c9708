"""What an import tells: its counts, its errors by row and column, its progress, and its
entry in the import log. Every kind of import reports through these, whatever it reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from awards.exchange.files import ImportFileError, Table
from awards.exchange.widgets import cell_text, printable
from awards.models import ImportLog

NEW = "new"
UPDATED = "update"
UNCHANGED = "skip"

# Errors kept and shown; past these only their number is counted.
MAX_REPORTED_ERRORS = 100
# Rows between two progress reports while cleaning and checking.
PROGRESS_EVERY = 1000


@dataclass(frozen=True)
class Progress:
    """How far an import is: rows read from the file, rows checked, records written."""

    stage: str
    total: int
    read: int = 0
    validated: int = 0
    to_write: int = 0
    written: int = 0
    errors: int = 0


class ProgressCallback(Protocol):
    def __call__(self, progress: Progress) -> None: ...


class ProgressTracker:
    """Counts rows through the stages and tells the caller's callback, if any."""

    def __init__(self, callback: ProgressCallback | None, *, total: int, report):
        self.callback = callback
        self.report = report
        self.counts = {"stage": "read", "total": total}

    def __call__(self, **counts) -> None:
        self.counts.update(counts)
        if self.callback is not None:
            errors = len(self.report.errors) + self.report.more_errors
            self.callback(Progress(**self.counts, errors=errors))


@dataclass(frozen=True)
class RowError:
    """One problem: the row's number as the editor's spreadsheet numbers it (None: the
    whole file), the column ("" when no single column is at fault) and what is wrong."""

    row: int | None
    column: str
    message: str
    # The row's record changed since the file was exported or since the preview.
    conflict: bool = False

    def __str__(self):
        where = _("row %(row)s") % {"row": self.row} if self.row is not None else _("file")
        if self.column:
            where = _("%(where)s, column “%(column)s”") % {"where": where, "column": self.column}
        return f"{where}: {self.message}"


# Slots: an import keeps one per row.
@dataclass(slots=True)
class RowOutcome:
    number: int
    import_type: str
    instance: models.Model
    values: dict
    previous: dict = field(default_factory=dict)
    # The change waits for a chief editor's review instead of being written
    # (awards.records.moderation).
    for_review: bool = False


@dataclass
class ImportReport:
    model_name: str
    file_name: str = ""
    file_format: str = ""
    dry_run: bool = False
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    # Changes to published records by an editor, kept for review rather than written.
    for_review: int = 0
    errors: list[RowError] = field(default_factory=list)
    # Errors beyond MAX_REPORTED_ERRORS, counted only.
    more_errors: int = 0
    outcomes: list[RowOutcome] = field(default_factory=list)
    # Rows that match their records as they are, for the preview to name (not written).
    unchanged_rows: list[RowOutcome] = field(default_factory=list, repr=False)
    failed_rows: set = field(default_factory=set, repr=False)
    # The version of each record the file names that existed when it was checked, by slug:
    # what a confirmation later expects to find unchanged.
    versions: dict[str, int] = field(default_factory=dict, repr=False)
    # The file's columns, and the cells of each row with a reported error (as text), so that
    # the errors can be shown beside the values they are about.
    headers: list[str] = field(default_factory=list)
    error_cells: dict[int, list[str]] = field(default_factory=dict, repr=False)
    # Rows the importer cannot settle alone (a registry list's possible duplicates): each
    # asks the editor to choose among its candidates; nothing is written while one is open.
    questions: list[dict] = field(default_factory=list)
    # What the editor is told beside the counts, a line each: nothing wrong, nothing lost
    # (another source's date of birth kept as another date, …).
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def ask(self, *, row: int, name: str, born: str, candidates: list[dict]) -> dict:
        """Leave a row to the editor: which of ``candidates`` it names, or a new record.
        Later rows that name the same are added to the question's ``rows``."""
        question = {
            "row": row,
            "rows": [row],
            "name": printable(name),
            "born": born,
            "candidates": candidates,
        }
        self.questions.append(question)
        return question

    @property
    def conflicts(self) -> list[RowError]:
        return [error for error in self.errors if error.conflict]

    def add_error(self, row: int | None, column: str, message, *, conflict: bool = False) -> None:
        if len(self.errors) < MAX_REPORTED_ERRORS:
            # A message may quote a cell: what cannot be shown or stored is replaced.
            self.errors.append(
                RowError(
                    row=row,
                    column=printable(column),
                    message=printable(str(message)),
                    conflict=conflict,
                )
            )
        else:
            self.more_errors += 1
        self.failed_rows.add(row)

    def add_notice(self, row: int | None, column: str, message) -> None:
        """What the import settled by a rule the file did not state (an award dated after
        the death, shown as posthumous): told, like a note, not refused."""
        if len(self.notes) < MAX_REPORTED_ERRORS:
            self.notes.append(
                str(RowError(row=row, column=printable(column), message=printable(str(message))))
            )

    def keep_error_cells(self, table: Table) -> None:
        """The cells of every row an error is reported for, as the file holds them."""
        self.headers = [printable(header) for header in table.headers]
        for error in self.errors:
            if error.row is None or error.row in self.error_cells:
                continue
            if error.row == table.header_row_number:
                self.error_cells[error.row] = list(self.headers)
                continue
            offset = error.row - table.first_row_number
            if 0 <= offset < len(table.rows):
                self.error_cells[error.row] = [_cell_as_typed(cell) for cell in table.rows[offset]]

    def refuse(self, *, rows: int) -> None:
        """Nothing is written: no row counts as new, updated or unchanged."""
        self.failed = self.failed or rows
        note = sent_for_review_note(self.for_review)
        self.notes = [line for line in self.notes if line != note]
        self.new = self.updated = self.unchanged = self.for_review = 0
        self.outcomes = []
        self.unchanged_rows = []

    def error_lines(self) -> list[str]:
        lines = [str(error) for error in self.errors]
        if self.more_errors:
            lines.append(_("… and %(count)d more errors.") % {"count": self.more_errors})
        return lines

    def note(self, row: int | None, message) -> None:
        """Tell the editor something about a row that is neither an error nor a question."""
        text = printable(str(message))
        self.notes.append(_("Row %(row)d: %(message)s") % {"row": row, "message": text} if row
                          else text)  # fmt: skip

    def question_lines(self) -> list[str]:
        """The questions as a command prints them, with how a file answers them."""
        lines = []
        for question in self.questions:
            candidates = "; ".join(
                _("%(slug)s (%(name)s, row %(row)d)") % candidate
                if candidate["row"]
                else _("%(slug)s (%(name)s)") % candidate
                for candidate in question["candidates"]
            )
            lines.append(
                _(
                    "row %(row)d: %(name)s may be %(candidates)s. Write the key of the one "
                    "meant, or “new”, in the “person” column of the row."
                )
                % {"row": question["row"], "name": question["name"], "candidates": candidates}
            )
        return lines

    def summary(self) -> str:
        counts = _(
            "new: %(new)d, updated: %(updated)d, unchanged: %(unchanged)d, failed: %(failed)d"
        ) % {
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": self.failed,
        }
        if self.errors:
            return _("Nothing was imported (%(counts)s).") % {"counts": counts}
        if self.questions:
            return ngettext(
                "Checked, nothing written (%(counts)s): %(number)d row needs your decision.",
                "Checked, nothing written (%(counts)s): %(number)d rows need your decision.",
                len(self.questions),
            ) % {"counts": counts, "number": len(self.questions)}
        if self.dry_run:
            return _("Checked, nothing written (%(counts)s).") % {"counts": counts}
        return _("Imported (%(counts)s).") % {"counts": counts}


class StaleRecords(Exception):
    """Records changed by someone else between the check and the write."""

    def __init__(self, versions: dict[str, int]):
        super().__init__(versions)
        self.versions = versions


def changed_meanwhile(read: int, current: int) -> str:
    if not current:
        return _("The record was deleted after the file was checked.")
    if not read:
        return _("A record with this slug was added after the file was checked.")
    return _(
        "The record was changed by someone else after the file was checked "
        "(version %(read)d then, %(current)d now); check the file again."
    ) % {"read": read, "current": current}


def sent_for_review_note(count: int) -> str:
    """What an editor's import tells of its changes to published records."""
    return ngettext(
        "%(count)d change to a published record goes to a chief editor for review; the site "
        "shows the record unchanged until it is approved.",
        "%(count)d changes to published records go to a chief editor for review; the site "
        "shows the records unchanged until they are approved.",
        count,
    ) % {"count": count}


def published_change_refused() -> str:
    """Why a row of an editor's import that touches a published record is an error."""
    return _(
        "The row creates or changes a published record: only a chief editor may import such rows."
    )


def refuse_import(report: ImportReport, *, table: Table, user, origin: str, track) -> ImportReport:
    """Nothing written: the cells of the rows in error kept, the refusal logged."""
    report.keep_error_cells(table)
    report.refuse(rows=len(table.rows))
    log_import(report=report, user=user, origin=origin)
    # Every row was read and checked, or the file's header already refused them all.
    track(stage="done", read=len(table.rows), validated=len(table.rows))
    return report


def reject_file(
    *, model_name: str, file_name: str, file_format: str, error: ImportFileError, user, origin: str
) -> ImportReport:
    """Record an import refused because its file could not be read at all."""
    report = ImportReport(model_name=model_name, file_name=file_name, file_format=file_format)
    report.add_error(None, "", error.message)
    log_import(report=report, user=user, origin=origin)
    return report


def log_import(*, report: ImportReport, user, origin: str) -> ImportLog:
    return ImportLog.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        model_name=report.model_name,
        file_name=report.file_name[:255],
        file_format=report.file_format,
        origin=origin,
        status=ImportLog.Status.IMPORTED if report.ok else ImportLog.Status.REJECTED,
        dry_run=report.dry_run,
        new_count=report.new,
        updated_count=report.updated,
        unchanged_count=report.unchanged,
        failed_count=report.failed,
        errors="\n".join(report.error_lines()),
    )


def _cell_as_typed(cell) -> str:
    """A cell as its editor typed it: a JSON list as its items, separated by commas."""
    if isinstance(cell, list):
        return printable(", ".join(cell_text(item) for item in cell))
    return printable(cell_text(cell))
