"""Bringing records in from CSV, XLSX or JSON: every row is checked before any is written.

The rule of the editors: bad input changes nothing. A file read into a Table (by
awards.import_files) is checked whole: every cell is cleaned and every relation resolved
in memory, with existing records and relation targets fetched in bulk; only a file
without a single error is written, in one transaction, in batches, with history rows for
what changed. Records are matched by slug; an unchanged record is neither saved nor
given a history row.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import islice

from django.core import validators
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export.resources import Resource

from awards.revisions import record_bulk_changes
from awards.import_files import (
    ImportFileError,
    Table,
    format_from_name,
    is_filled,
    read_table,
)
from awards.models import ImportLog

BATCH_SIZE = 2000

NEW = "new"
UPDATED = "update"
UNCHANGED = "skip"


@dataclass(frozen=True)
class RowError:
    """One problem: the row's number as the editor sees it in the file (None: the whole
    file), the column ("" when no single column is at fault) and what is wrong."""

    row: int | None
    column: str
    message: str

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
    outcomes: list[RowOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

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


# Columns ------------------------------------------------------------------------------

VALUE = "value"
FOREIGN_KEY = "fk"
MANY = "m2m"


class ImportColumn:
    """A resource field as the import sees it: how to clean a cell and check the value."""

    def __init__(self, resource_field, model_field):
        self.name = resource_field.column_name
        self.widget = resource_field.widget
        self.field = model_field
        if model_field.many_to_many:
            self.kind = MANY
        elif model_field.is_relation:
            self.kind = FOREIGN_KEY
        else:
            self.kind = VALUE
        self.required_column = not model_field.blank and not model_field.has_default()
        self.empty = None if model_field.null else ""
        self.max_length = getattr(model_field, "max_length", None)
        self.choices = {str(value) for value, _label in model_field.flatchoices} or None
        self.validators = [
            validator
            for validator in model_field.validators
            if not isinstance(validator, validators.MaxLengthValidator)
        ]
        # A translation field (name_ru) is stored with its untranslated column (name).
        translated = getattr(model_field, "translated_field", None)
        self.base_field_name = translated.name if translated is not None else None

    @property
    def target_model(self):
        return self.field.related_model

    def clean(self, cell):
        """The value of a cell, or ValidationError with a message for the editor."""
        try:
            value = self.widget.clean(cell)
        except ValueError as error:
            raise ValidationError(str(error)) from error
        if self.kind == MANY:
            if not value and not self.field.blank:
                raise ValidationError(_("At least one slug is required."))
            return value
        if value in (None, ""):
            if not self.field.blank:
                raise ValidationError(_("This value is required."))
            return self.empty if self.kind == VALUE else None
        if self.kind == FOREIGN_KEY:
            return value
        if self.max_length is not None and len(str(value)) > self.max_length:
            raise ValidationError(
                _("%(length)d characters, at most %(limit)d are allowed.")
                % {"length": len(str(value)), "limit": self.max_length}
            )
        if self.choices is not None and str(value) not in self.choices:
            raise ValidationError(
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": value, "choices": ", ".join(sorted(self.choices))}
            )
        for validator in self.validators:
            validator(value)
        return value

    def differs(self, old, new) -> bool:
        if self.kind == VALUE and isinstance(self.field, models.CharField | models.TextField):
            return (old or "") != (new or "")
        return old != new


def import_columns(resource: Resource) -> dict[str, ImportColumn]:
    model = resource._meta.model
    return {
        resource_field.column_name: ImportColumn(
            resource_field, model._meta.get_field(resource_field.attribute)
        )
        for resource_field in resource.get_import_fields()
    }


# The import -------------------------------------------------------------------------


def import_table(
    *,
    resource: Resource,
    table: Table,
    user=None,
    dry_run: bool = False,
    file_name: str = "",
    origin: str = ImportLog.Origin.COMMAND,
) -> ImportReport:
    """Import a table of records matched by slug: all of it, or, on any error, nothing.

    Existing records are updated, new ones created, unchanged ones left untouched (no save,
    no history). Every import that writes, and every import refused, is logged.
    """
    model = resource._meta.model
    report = ImportReport(
        model_name=model._meta.model_name,
        file_name=file_name,
        file_format=table.file_format,
        dry_run=dry_run,
    )
    plan = _ImportPlan(model=model, columns=import_columns(resource), table=table, report=report)
    plan.check_headers()
    if report.ok:
        plan.prepare()
    if not report.ok:
        report.failed = report.failed or len(table.rows)
        report.new = report.updated = report.unchanged = 0
        log_import(report=report, user=user, origin=origin)
        return report
    if dry_run:
        return report
    try:
        with transaction.atomic():
            plan.write(user=user, reason=_("Imported from %(file)s") % {"file": file_name})
            log_import(report=report, user=user, origin=origin)
    except IntegrityError:
        # Another editor saved one of these slugs between the check and the write.
        report.errors.append(
            RowError(
                row=None,
                column="",
                message=_("The records changed while the file was imported; try again."),
            )
        )
        report.failed = len(table.rows)
        report.new = report.updated = report.unchanged = 0
        log_import(report=report, user=user, origin=origin)
    return report


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
) -> ImportReport:
    """Read a file (its format by its extension unless given) and import it with
    import_table(); a file that cannot be read is refused and logged like a bad row."""
    file_format = file_format or format_from_name(file_name)
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
    )


def reject_file(
    *, model_name: str, file_name: str, file_format: str, error: ImportFileError, user, origin: str
) -> ImportReport:
    """Record an import refused because its file could not be read at all."""
    report = ImportReport(model_name=model_name, file_name=file_name, file_format=file_format)
    report.errors.append(RowError(row=None, column="", message=error.message))
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
        errors="\n".join(str(error) for error in report.errors[:1000]),
    )


def _chunks(items, size=BATCH_SIZE):
    items = iter(items)
    while chunk := list(islice(items, size)):
        yield chunk


def fetch_by_slug(model, slugs, *, select_related=()) -> dict[str, models.Model]:
    """Records of a model by slug, in one query per batch of slugs."""
    found = {}
    for chunk in _chunks(sorted(slugs)):
        queryset = model._default_manager.filter(slug__in=chunk)
        if select_related:
            queryset = queryset.select_related(*select_related)
        found.update((record.slug, record) for record in queryset)
    return found


class _ImportPlan:
    """The state of one import between reading the rows and writing them."""

    def __init__(self, *, model, columns, table, report):
        self.model = model
        self.columns = columns
        self.table = table
        self.report = report
        self.failed_rows = set()
        self.new = []
        self.updated = []
        self.changed_fields = set()
        self.links_to_add = defaultdict(list)
        self.links_to_remove = defaultdict(list)

    def error(self, row, column, message):
        self.report.errors.append(RowError(row=row, column=column, message=str(message)))
        if row is not None and row != self.table.header_row_number:
            self.failed_rows.add(row)

    def check_headers(self):
        header_row = self.table.header_row_number
        seen = set()
        for header in self.table.headers:
            if header in seen:
                self.error(header_row, header, _("The column appears twice in the file."))
            seen.add(header)
            if header not in self.columns:
                self.error(
                    header_row,
                    header,
                    _("Unknown column. The columns of this kind of record are: %(columns)s.")
                    % {"columns": ", ".join(self.columns)},
                )
        for name, column in self.columns.items():
            if (column.required_column or name == "slug") and name not in seen:
                self.error(header_row, name, _("This required column is missing from the file."))

    def prepare(self):
        rows = self._clean_rows()
        existing = fetch_by_slug(
            self.model,
            [values["slug"] for _, values in rows],
            select_related=[c.field.name for c in self.columns.values() if c.kind == FOREIGN_KEY],
        )
        by_slug = dict(existing)
        for _number, values in rows:
            if values["slug"] not in by_slug:
                by_slug[values["slug"]] = self.model(slug=values["slug"])
        targets = self._fetch_targets(rows, by_slug)
        links = self._fetch_links(existing)
        now = timezone.now()
        for number, values in rows:
            instance = by_slug[values["slug"]]
            self._apply(number, values, instance, targets, links, now)
        self.levels = self._creation_levels()
        self.report.failed = len(self.failed_rows)

    def _clean_rows(self):
        headers = self.table.headers
        present = [
            (index, self.columns[header])
            for index, header in enumerate(headers)
            if header in self.columns
        ]
        rows = []
        first_seen = {}
        for offset, cells in enumerate(self.table.rows):
            number = self.table.first_row_number + offset
            if not any(is_filled(cell) for cell in cells):
                continue
            if any(is_filled(cell) for cell in cells[len(headers) :]):
                self.error(number, "", _("The row has more cells than the file has columns."))
            values = {}
            for index, column in present:
                cell = cells[index] if index < len(cells) else None
                try:
                    values[column.name] = column.clean(cell)
                except ValidationError as error:
                    for message in error.messages:
                        self.error(number, column.name, message)
            slug = values.get("slug")
            if slug is None:
                continue
            if slug in first_seen:
                self.error(
                    number,
                    "slug",
                    _("The slug “%(slug)s” is already used in row %(row)d of the file.")
                    % {"slug": slug, "row": first_seen[slug]},
                )
                continue
            first_seen[slug] = number
            rows.append((number, values))
        return rows

    def _fetch_targets(self, rows, by_slug):
        wanted = defaultdict(set)
        for column in self.columns.values():
            if column.kind == VALUE or column.name not in self.table.headers:
                continue
            for _number, values in rows:
                value = values.get(column.name)
                if value:
                    wanted[column.target_model].update(value if column.kind == MANY else [value])
        targets = {}
        for target_model, slugs in wanted.items():
            if target_model is self.model:
                known = {slug: by_slug[slug] for slug in slugs if slug in by_slug}
                targets[target_model] = known | fetch_by_slug(target_model, slugs - set(known))
            else:
                targets[target_model] = fetch_by_slug(target_model, slugs)
        return targets

    def _fetch_links(self, existing):
        """For each many-to-many column: record pk → {target slug: link pk}."""
        pks = [record.pk for record in existing.values()]
        links = {}
        for column in self.columns.values():
            if column.kind != MANY or column.name not in self.table.headers:
                continue
            through = column.field.remote_field.through
            source = f"{column.field.m2m_field_name()}_id"
            target = column.field.m2m_reverse_field_name()
            current = defaultdict(dict)
            for chunk in _chunks(pks):
                for link_pk, record_pk, slug in (
                    through.objects.filter(**{f"{source}__in": chunk})
                    .values_list("pk", source, f"{target}__slug")
                    .order_by()
                ):
                    current[record_pk][slug] = link_pk
            links[column.name] = current
        return links

    def _apply(self, number, values, instance, targets, links, now):
        is_new = instance.pk is None
        changed = {}
        link_changes = []
        for name, value in values.items():
            column = self.columns[name]
            if name == "slug":
                continue
            if column.kind == VALUE:
                old = getattr(instance, column.field.attname)
                if is_new or column.differs(old, value):
                    changed[name] = old
                    setattr(instance, column.field.attname, value)
            elif column.kind == FOREIGN_KEY:
                target = None
                if value is not None:
                    target = targets[column.target_model].get(value)
                    if target is None:
                        self._unknown_slug(number, column, value)
                        continue
                old_pk = getattr(instance, column.field.attname)
                new_pk = target.pk if target is not None else None
                if is_new or old_pk != new_pk or (target is not None and new_pk is None):
                    changed[name] = getattr(instance, column.field.name) if old_pk else None
                    setattr(instance, column.field.name, target)
            else:
                known = targets.get(column.target_model, {})
                unknown = [slug for slug in value if slug not in known]
                for slug in unknown:
                    self._unknown_slug(number, column, slug)
                if unknown:
                    continue
                current = links[column.name].get(instance.pk, {}) if not is_new else {}
                if set(current) != set(value):
                    changed[name] = sorted(current)
                    link_changes.append((column, current, [known[slug] for slug in value]))
        if number in self.failed_rows:
            return
        if not is_new and not changed:
            self.report.unchanged += 1
            return
        try:
            instance.clean()
        except ValidationError as error:
            self._validation_error(number, error)
            return
        for column, current, wanted in link_changes:
            wanted_slugs = {target.slug for target in wanted}
            self.links_to_add[column.name].extend(
                (instance, target) for target in wanted if target.slug not in current
            )
            self.links_to_remove[column.name].extend(
                link_pk for slug, link_pk in current.items() if slug not in wanted_slugs
            )
        if is_new:
            instance.created_at = instance.updated_at = now
            self.new.append(instance)
            self.report.new += 1
            import_type = NEW
        else:
            instance.updated_at = now
            self.updated.append(instance)
            self.report.updated += 1
            import_type = UPDATED
            for name in changed:
                column = self.columns[name]
                if column.kind != MANY:
                    self.changed_fields.add(column.field.name)
                    if column.base_field_name:
                        self.changed_fields.add(column.base_field_name)
        self.report.outcomes.append(
            RowOutcome(number, import_type, instance, values, previous={} if is_new else changed)
        )

    def _unknown_slug(self, number, column, slug):
        self.error(
            number,
            column.name,
            _("There is no %(model)s with the slug “%(slug)s”.")
            % {"model": column.target_model._meta.verbose_name, "slug": slug},
        )

    def _validation_error(self, number, error):
        field_columns = {column.field.name: name for name, column in self.columns.items()}
        for field_name, messages in error.message_dict.items():
            if field_name == NON_FIELD_ERRORS:
                column = ""
            else:
                column = field_columns.get(field_name, field_name)
            for message in messages:
                self.error(number, column, message)

    def _creation_levels(self):
        """New records in the order they can be inserted: a record that points to another
        new record of the same kind (a predecessor, a parent body) comes after it."""
        self_references = [
            column.field
            for column in self.columns.values()
            if column.kind == FOREIGN_KEY and column.target_model is self.model
        ]
        if not self_references:
            return [self.new] if self.new else []
        pending = {id(instance): instance for instance in self.new}
        numbers = {id(outcome.instance): outcome.number for outcome in self.report.outcomes}
        levels = []
        while pending:
            level = [
                instance
                for instance in pending.values()
                if not any(
                    id(getattr(instance, field.name)) in pending
                    for field in self_references
                    if getattr(instance, field.name) is not None
                )
            ]
            if not level:
                for instance in pending.values():
                    self.error(
                        numbers[id(instance)],
                        "",
                        _("The record refers to itself, or to records that refer back to it."),
                    )
                return []
            levels.append(level)
            for instance in level:
                del pending[id(instance)]
        return levels

    def write(self, *, user, reason: str):
        for level in self.levels:
            self.model.objects.bulk_create(level, batch_size=BATCH_SIZE)
        if self.updated:
            self.model.objects.bulk_update(
                self.updated, sorted(self.changed_fields | {"updated_at"}), batch_size=BATCH_SIZE
            )
        for name, pks in self.links_to_remove.items():
            through = self.columns[name].field.remote_field.through
            for chunk in _chunks(pks):
                through.objects.filter(pk__in=chunk).delete()
        for name, pairs in self.links_to_add.items():
            field = self.columns[name].field
            through = field.remote_field.through
            source = f"{field.m2m_field_name()}_id"
            target = f"{field.m2m_reverse_field_name()}_id"
            through.objects.bulk_create(
                [through(**{source: record.pk, target: other.pk}) for record, other in pairs],
                batch_size=BATCH_SIZE,
            )
        # History last, so that each entry holds the relations as the import left them.
        record_bulk_changes(
            model=self.model,
            created=[record for level in self.levels for record in level],
            updated=self.updated,
            user=user if user is not None and user.is_authenticated else None,
            reason=reason,
        )
