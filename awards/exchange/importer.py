"""Bringing records in from a file: every row is checked before any is written.

The rule of the editors: bad input changes nothing. An import runs in named stages:

1. read     — the file into a Table of cells (awards.exchange.files);
2. clean    — each cell into a field value, through its column (widget and field checks);
3. resolve  — records matched by slug and every relation's slugs found, in bulk;
4. validate — each changed record's own rules (``Model.clean``), the order of new records
              that refer to each other;
5. write    — only a file without a single error, in one transaction, in bulk, with one
              history entry per record that changed.

An unchanged record is neither saved nor given a history entry. Every import that writes,
and every import refused, is logged.

Versions: every record written gets its version raised by one (a new record starts at 1).
A row whose record changed after the file was exported (its ``version`` cell is older than
the record's) or after the preview that the editor confirms (``expected_versions``) is a
conflict: the import is refused and the row named, instead of overwriting newer work.

Progress: a caller may pass ``progress=``, a callable that receives a Progress after each
stage and each batch of rows (the admin's background jobs store it, the command draws a
bar); the importer knows nothing of who listens.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export.resources import Resource

from awards.core.bulk import BATCH_SIZE, analyze, chunks, delete_rows, insert_rows, link_columns
from awards.exchange.columns import (
    Column,
    Kind,
    current_links,
    fetch_by_slug,
    import_columns,
    unknown_slug_message,
)
from awards.exchange.files import (
    ImportFileError,
    Table,
    format_from_name,
    is_filled,
    read_table,
)
from awards.exchange.widgets import printable
from awards.models import ImportLog
from awards.records.revisions import record_bulk_changes

NEW = "new"
UPDATED = "update"
UNCHANGED = "skip"

# Errors kept and shown; past these only their number is counted.
MAX_REPORTED_ERRORS = 100
# Rows between two progress reports while cleaning and checking.
PROGRESS_EVERY = 1000
# The column that carries the version a row was exported from: checked, never written.
VERSION_COLUMN = "version"


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


@dataclass
class RowOutcome:
    number: int
    import_type: str
    instance: models.Model
    values: dict
    previous: dict = field(default_factory=dict)


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
    errors: list[RowError] = field(default_factory=list)
    # Errors beyond MAX_REPORTED_ERRORS, counted only.
    more_errors: int = 0
    outcomes: list[RowOutcome] = field(default_factory=list)
    failed_rows: set = field(default_factory=set, repr=False)
    # The version of each record the file names that existed when it was checked, by slug:
    # what a confirmation later expects to find unchanged.
    versions: dict[str, int] = field(default_factory=dict, repr=False)
    # The file's columns, and the cells of each row with a reported error (as text), so that
    # the errors can be shown beside the values they are about.
    headers: list[str] = field(default_factory=list)
    error_cells: dict[int, list[str]] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.errors

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
                self.error_cells[error.row] = [
                    "" if cell is None else printable(str(cell)) for cell in table.rows[offset]
                ]

    def refuse(self, *, rows: int) -> None:
        """Nothing is written: no row counts as new, updated or unchanged."""
        self.failed = self.failed or rows
        self.new = self.updated = self.unchanged = 0
        self.outcomes = []

    def error_lines(self) -> list[str]:
        lines = [str(error) for error in self.errors]
        if self.more_errors:
            lines.append(_("… and %(count)d more errors.") % {"count": self.more_errors})
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
        if self.dry_run:
            return _("Checked, nothing written (%(counts)s).") % {"counts": counts}
        return _("Imported (%(counts)s).") % {"counts": counts}


@dataclass
class CleanRow:
    number: int
    values: dict


@dataclass
class PendingChange:
    """A row's change to its record, before the record's own rules are checked."""

    row: CleanRow
    instance: models.Model
    is_new: bool
    changed: dict
    link_changes: list


@dataclass
class Plan:
    """What the write stage will do: records to insert and update, links to change."""

    model: type[models.Model]
    columns: dict[str, Column]
    new: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    pending: list[PendingChange] = field(default_factory=list)
    changed_fields: set = field(default_factory=set)
    links_to_add: dict = field(default_factory=lambda: defaultdict(list))
    links_to_remove: dict = field(default_factory=lambda: defaultdict(list))
    levels: list = field(default_factory=list)
    # The version each updated record had when it was read, by primary key.
    read_versions: dict[int, int] = field(default_factory=dict)


class StaleRecords(Exception):
    """Records changed by someone else between the check and the write."""

    def __init__(self, versions: dict[str, int]):
        super().__init__(versions)
        self.versions = versions


def _changed_meanwhile(read: int, current: int) -> str:
    if not current:
        return _("The record was deleted after the file was checked.")
    if not read:
        return _("A record with this slug was added after the file was checked.")
    return _(
        "The record was changed by someone else after the file was checked "
        "(version %(read)d then, %(current)d now); check the file again."
    ) % {"read": read, "current": current}


def _older_than_exported(exported: int, current: int) -> str:
    return _(
        "The record has changed since this row was exported (version %(exported)d in the "
        "file, %(current)d now); export it again and redo the change."
    ) % {"exported": exported, "current": current}


# The front doors ----------------------------------------------------------------------


def import_file(
    *,
    resource: Resource,
    data: bytes,
    file_name: str,
    file_format: str | None = None,
    encoding: str | None = None,
    user=None,
    dry_run: bool = False,
    origin: str = ImportLog.Origin.COMMAND,
    expected_versions: Mapping[str, int] | None = None,
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
        return reject_file(
            model_name=resource._meta.model._meta.model_name,
            file_name=file_name,
            file_format=file_format,
            error=error,
            user=user,
            origin=origin,
        )
    return import_table(
        resource=resource,
        table=table,
        user=user,
        dry_run=dry_run,
        file_name=file_name,
        origin=origin,
        expected_versions=expected_versions,
        progress=progress,
        may_change_published=may_change_published,
    )


def import_table(
    *,
    resource: Resource,
    table: Table,
    user=None,
    dry_run: bool = False,
    file_name: str = "",
    origin: str = ImportLog.Origin.COMMAND,
    expected_versions: Mapping[str, int] | None = None,
    progress: ProgressCallback | None = None,
    may_change_published: bool = True,
) -> ImportReport:
    """Import a table of records matched by slug: all of it, or, on any error, nothing.

    Without ``may_change_published`` (an editor's import, awards.records.roles) every row that
    creates or changes a published record is an error.

    ``expected_versions`` (slug → version, as ImportReport.versions of the preview gave
    them) makes every row whose record changed since then a conflict.
    """
    model = resource._meta.model
    columns = import_columns(resource)
    report = ImportReport(
        model_name=model._meta.model_name,
        file_name=file_name,
        file_format=table.file_format,
        dry_run=dry_run,
    )
    total = len(table.rows)
    track = ProgressTracker(progress, total=total, report=report)
    track(stage="read", read=0)
    check_headers(columns=columns, table=table, report=report)
    if report.ok:
        rows = clean_rows(columns=columns, table=table, report=report, track=track)
        plan = resolve(
            model=model,
            columns=columns,
            table=table,
            rows=rows,
            report=report,
            expected_versions=expected_versions,
        )
        validate(plan=plan, report=report, check=resource.check_record, track=track, total=total)
        if not may_change_published:
            refuse_published_changes(report=report)
    if not report.ok:
        return refuse_import(report, table=table, user=user, origin=origin, track=track)
    track(stage="validate", validated=total, to_write=report.new + report.updated)
    if dry_run:
        track(stage="done")
        return report
    try:
        with transaction.atomic():
            write(
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
                number, "", _changed_meanwhile(report.versions[slug], current), conflict=True
            )
        return refuse_import(report, table=table, user=user, origin=origin, track=track)
    except IntegrityError:
        # Another editor saved one of these slugs between the check and the write.
        report.add_error(None, "", _("The records changed while the file was imported; try again."))
        return refuse_import(report, table=table, user=user, origin=origin, track=track)
    track(stage="done")
    return report


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


# Stage 2: clean -----------------------------------------------------------------------


def check_headers(*, columns: dict[str, Column], table: Table, report: ImportReport) -> None:
    """Every column known, none twice, every required one present."""
    header_row = table.header_row_number
    seen = set()
    for header in table.headers:
        if header in seen:
            report.add_error(header_row, header, _("The column appears twice in the file."))
        seen.add(header)
        if header not in columns:
            report.add_error(
                header_row,
                header,
                _("Unknown column. The columns of this kind of record are: %(columns)s.")
                % {"columns": ", ".join(columns)},
            )
    for name, column in columns.items():
        if (column.required or name == "slug") and name not in seen:
            report.add_error(header_row, name, _("This required column is missing from the file."))


def clean_rows(
    *, columns: dict[str, Column], table: Table, report: ImportReport, track=None
) -> list[CleanRow]:
    """Each non-empty row's values by column; a slug seen twice is an error. A row without
    a version (added to an exported file) is as good as a row of a file without the column."""
    present = [(index, columns[header]) for index, header in enumerate(table.headers)]
    width = len(table.headers)
    rows = []
    first_seen = {}
    for offset, cells in enumerate(table.rows):
        number = table.first_row_number + offset
        if track is not None and offset % PROGRESS_EVERY == 0 and offset:
            track(stage="clean", read=offset)
        if not any(is_filled(cell) for cell in cells):
            continue
        if len(cells) > width and any(is_filled(cell) for cell in cells[width:]):
            report.add_error(number, "", _("The row has more cells than the file has columns."))
        values = {}
        for index, column in present:
            cell = cells[index] if index < len(cells) else None
            if column.name == VERSION_COLUMN and not is_filled(cell):
                continue
            try:
                values[column.name] = column.clean(cell)
            except ValidationError as error:
                for message in error.messages:
                    report.add_error(number, column.name, message)
        slug = values.get("slug")
        if slug is None:
            continue
        if slug in first_seen:
            report.add_error(
                number,
                "slug",
                _("The slug “%(slug)s” is already used in row %(row)d of the file.")
                % {"slug": slug, "row": first_seen[slug]},
            )
            continue
        first_seen[slug] = number
        rows.append(CleanRow(number, values))
    if track is not None:
        track(stage="clean", read=len(table.rows))
    return rows


# Stage 3: resolve ---------------------------------------------------------------------


def resolve(
    *,
    model: type[models.Model],
    columns: dict[str, Column],
    table: Table,
    rows: list[CleanRow],
    report: ImportReport,
    expected_versions: Mapping[str, int] | None = None,
) -> Plan:
    """Match rows to records by slug, find the records their slugs name, and plan the
    changes: which records are new, which fields and links change, and which rows would
    overwrite a newer version of their record (conflicts)."""
    in_file = {name: column for name, column in columns.items() if name in table.headers}
    existing = fetch_by_slug(
        model,
        [row.values["slug"] for row in rows],
        select_related=[c.field.name for c in in_file.values() if c.kind is Kind.FOREIGN_KEY],
    )
    by_slug = dict(existing)
    report.versions = {slug: record.version for slug, record in existing.items()}
    # Every field given, so that no default is computed again for each new record.
    defaults = {
        field.attname: field.get_default()
        for field in model._meta.concrete_fields
        if not field.primary_key
    }
    for row in rows:
        if row.values["slug"] not in by_slug:
            by_slug[row.values["slug"]] = model(**{**defaults, "slug": row.values["slug"]})
    targets = _relation_targets(model=model, columns=in_file, rows=rows, by_slug=by_slug)
    pks = [record.pk for record in existing.values()]
    links = {
        name: current_links(column, pks)
        for name, column in in_file.items()
        if column.kind is Kind.MANY
    }
    plan = Plan(model=model, columns=columns)
    for row in rows:
        _plan_row(plan, row, by_slug[row.values["slug"]], targets, links, report)
    for change in plan.pending:
        _check_version(change, report, expected_versions)
    return plan


def _check_version(change, report: ImportReport, expected_versions) -> None:
    """A row that would write over a newer version of its record is a conflict: newer than
    the version the row was exported from, or than the one the preview read."""
    slug = change.row.values["slug"]
    current = 0 if change.is_new else change.instance.version
    exported = change.row.values.get(VERSION_COLUMN)
    if exported is not None and not change.is_new and exported < current:
        report.add_error(
            change.row.number,
            VERSION_COLUMN,
            _older_than_exported(exported, current),
            conflict=True,
        )
    elif expected_versions is not None and expected_versions.get(slug, 0) != current:
        report.add_error(
            change.row.number,
            "",
            _changed_meanwhile(expected_versions.get(slug, 0), current),
            conflict=True,
        )


def _relation_targets(*, model, columns, rows, by_slug) -> dict[type, dict[str, models.Model]]:
    """The records that the file's relation cells name, by model and slug."""
    wanted = defaultdict(set)
    for column in columns.values():
        if column.kind is Kind.VALUE:
            continue
        for row in rows:
            value = row.values.get(column.name)
            if value:
                wanted[column.target_model].update(value if column.kind is Kind.MANY else [value])
    targets = {}
    for target_model, slugs in wanted.items():
        if target_model is model:
            # New records of the file itself may be named (a predecessor, a parent body).
            known = {slug: by_slug[slug] for slug in slugs if slug in by_slug}
            targets[target_model] = known | fetch_by_slug(target_model, slugs - set(known))
        else:
            targets[target_model] = fetch_by_slug(target_model, slugs)
    return targets


def _plan_row(plan, row, instance, targets, links, report) -> None:
    """The changes a row makes to its record, or nothing when the row has an error."""
    is_new = instance.pk is None
    changed = {}
    link_changes = []
    for name, value in row.values.items():
        column = plan.columns[name]
        if name in ("slug", VERSION_COLUMN):
            continue
        if column.kind is Kind.VALUE:
            old = getattr(instance, column.field.attname)
            if is_new or column.differs(old, value):
                changed[name] = old
                setattr(instance, column.field.attname, value)
        elif column.kind is Kind.FOREIGN_KEY:
            target = None
            if value is not None:
                target = targets[column.target_model].get(value)
                if target is None:
                    report.add_error(row.number, name, unknown_slug_message(column, value))
                    continue
            old_pk = getattr(instance, column.field.attname)
            new_pk = target.pk if target is not None else None
            # A new target of the same file has no primary key yet: always a change.
            if is_new or old_pk != new_pk or (target is not None and new_pk is None):
                changed[name] = getattr(instance, column.field.name) if old_pk else None
                setattr(instance, column.field.name, target)
        else:
            known = targets.get(column.target_model, {})
            unknown = [slug for slug in value if slug not in known]
            for slug in unknown:
                report.add_error(row.number, name, unknown_slug_message(column, slug))
            if unknown:
                continue
            current = {} if is_new else links[name].get(instance.pk, {})
            if set(current) != set(value):
                changed[name] = sorted(current)
                link_changes.append((column, current, [known[slug] for slug in value]))
    if row.number in report.failed_rows:
        return
    if not is_new and not changed:
        report.unchanged += 1
        return
    plan.pending.append(PendingChange(row, instance, is_new, changed, link_changes))


# Stage 4: validate --------------------------------------------------------------------


def validate(*, plan: Plan, report: ImportReport, check, track=None, total: int = 0) -> None:
    """Each changed record's own rules (``Model.clean``: uniqueness is the slug's, matched
    above) and those that span records (``check``, the resource's ``check_record``), then
    the order in which new records can be inserted."""
    now = timezone.now()
    # Rows that need no check of their own (unchanged, or already failed) are checked.
    done = total - len(plan.pending)
    for index, change in enumerate(plan.pending):
        if track is not None and index % PROGRESS_EVERY == 0:
            track(stage="validate", validated=done + index)
        if change.row.number in report.failed_rows:
            continue
        try:
            change.instance.clean()
            check(change.instance)
        except ValidationError as error:
            _report_validation_error(plan.columns, change.row.number, error, report)
            continue
        _accept(plan, change, report, now)
    plan.pending = []
    _order_new_records(plan, report)
    report.failed = len(report.failed_rows - {None})


def refuse_published_changes(*, report: ImportReport) -> None:
    """Each row that creates, changes or withdraws a published record becomes an error:
    only a chief editor may import those (awards.records.roles)."""
    for outcome in report.outcomes:
        if outcome.instance.published or outcome.previous.get("published"):
            report.add_error(
                outcome.number,
                "published" if "published" in outcome.values else "",
                published_change_refused(),
            )
    report.failed = len(report.failed_rows - {None})


def published_change_refused() -> str:
    """Why a row of an editor's import that touches a published record is an error."""
    return _(
        "The row creates or changes a published record: only a chief editor may import such rows."
    )


def _report_validation_error(columns, number, error: ValidationError, report) -> None:
    field_columns = {column.field.name: name for name, column in columns.items()}
    for field_name, messages in error.message_dict.items():
        column = "" if field_name == NON_FIELD_ERRORS else field_columns.get(field_name, field_name)
        for message in messages:
            report.add_error(number, column, message)


def _accept(plan: Plan, change: "PendingChange", report: ImportReport, now) -> None:
    instance = change.instance
    for column, current, wanted in change.link_changes:
        wanted_slugs = {target.slug for target in wanted}
        plan.links_to_add[column.name].extend(
            (instance, target) for target in wanted if target.slug not in current
        )
        plan.links_to_remove[column.name].extend(
            link_pk for slug, link_pk in current.items() if slug not in wanted_slugs
        )
    if change.is_new:
        instance.created_at = instance.updated_at = now
        plan.new.append(instance)
        report.new += 1
        import_type = NEW
    else:
        instance.updated_at = now
        plan.read_versions[instance.pk] = instance.version
        instance.version += 1
        plan.updated.append(instance)
        report.updated += 1
        import_type = UPDATED
        for name in change.changed:
            column = plan.columns[name]
            if column.kind is not Kind.MANY:
                plan.changed_fields.add(column.field.name)
                if column.stored_with:
                    plan.changed_fields.add(column.stored_with)
    report.outcomes.append(
        RowOutcome(
            change.row.number,
            import_type,
            instance,
            change.row.values,
            {} if change.is_new else change.changed,
        )
    )


def _order_new_records(plan: Plan, report: ImportReport) -> None:
    """A new record that names another new record of the same kind (a predecessor, a
    parent body) is inserted after it; a cycle is an error of each row in it."""
    self_references = [
        column.field
        for column in plan.columns.values()
        if column.kind is Kind.FOREIGN_KEY and column.target_model is plan.model
    ]
    if not self_references:
        plan.levels = [plan.new] if plan.new else []
        return
    pending = {id(instance): instance for instance in plan.new}
    numbers = {id(outcome.instance): outcome.number for outcome in report.outcomes}
    while pending:
        level = [
            instance
            for instance in pending.values()
            if not any(
                id(getattr(instance, reference.name)) in pending
                for reference in self_references
                if getattr(instance, reference.name) is not None
            )
        ]
        if not level:
            for instance in pending.values():
                report.add_error(
                    numbers[id(instance)],
                    "",
                    _("The record refers to itself, or to records that refer back to it."),
                )
            plan.levels = []
            return
        plan.levels.append(level)
        for instance in level:
            del pending[id(instance)]


# Stage 5: write -----------------------------------------------------------------------


def write(*, plan: Plan, user, reason: str, track=None) -> None:
    """Records, then their links, then one history entry each (which holds the links).

    The records to update are locked and their versions compared with those read: one
    changed meanwhile raises StaleRecords, and the caller's transaction writes nothing.
    """
    model = plan.model
    _lock_unchanged(plan)
    written = 0
    for level in plan.levels:
        for chunk in chunks(level, BATCH_SIZE):
            model.objects.bulk_create(chunk, batch_size=BATCH_SIZE)
            written += len(chunk)
            if track is not None:
                track(stage="write", written=written)
    # With the fields the file changed, those the model's clean() derives from them (the
    # registry's year and sort names of a conferment whose date or person changed).
    derived = set(getattr(model, "DERIVED_FIELDS", ()))
    fields = sorted(plan.changed_fields | derived | {"updated_at", "version"})
    for chunk in chunks(plan.updated, BATCH_SIZE):
        model.objects.bulk_update(chunk, fields, batch_size=BATCH_SIZE)
        written += len(chunk)
        if track is not None:
            track(stage="write", written=written)
    for name, pks in plan.links_to_remove.items():
        through, _source, _target = link_columns(plan.columns[name].field)
        delete_rows(through, pks)
    for name, pairs in plan.links_to_add.items():
        through, source, target = link_columns(plan.columns[name].field)
        insert_rows(through, [source, target], ((record.pk, other.pk) for record, other in pairs))
    record_bulk_changes(
        model=model,
        created=[record for level in plan.levels for record in level],
        updated=plan.updated,
        user=user if user is not None and user.is_authenticated else None,
        reason=reason,
    )
    analyze(model, rows=written)


def _lock_unchanged(plan: Plan) -> None:
    """Lock the rows about to be updated; refuse if any moved past the version read."""
    stale = {}
    for chunk in chunks(list(plan.read_versions)):
        for pk, slug, version in (
            plan.model._default_manager.select_for_update()
            .filter(pk__in=chunk)
            .values_list("pk", "slug", "version")
        ):
            if version != plan.read_versions[pk]:
                stale[slug] = version
    if stale:
        raise StaleRecords(stale)
