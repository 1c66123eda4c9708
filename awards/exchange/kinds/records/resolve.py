"""Stage 3 of a kind of record matched by slug: rows matched to records by slug, every
relation's slugs found in bulk, and the changes planned: which records are new, which
fields and links change, which rows would overwrite a newer version (conflicts)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _

from awards.exchange.columns import Column, Kind, current_links, fetch_by_slug, unknown_slug_message
from awards.exchange.files import Table
from awards.exchange.kinds.records.clean import VERSION_COLUMN, CleanRow
from awards.exchange.pipeline.report import UNCHANGED, ImportReport, RowOutcome, changed_meanwhile


# Slots: an import keeps one per row.
@dataclass(slots=True)
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
    # Changes to published records that wait for review instead (an editor's import).
    for_review: list[PendingChange] = field(default_factory=list)


def _older_than_exported(exported: int, current: int) -> str:
    return _(
        "The record has changed since this row was exported (version %(exported)d in the "
        "file, %(current)d now); export it again and redo the change."
    ) % {"exported": exported, "current": current}


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
            changed_meanwhile(expected_versions.get(slug, 0), current),
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
        report.unchanged_rows.append(RowOutcome(row.number, UNCHANGED, instance, row.values))
        return
    plan.pending.append(PendingChange(row, instance, is_new, changed, link_changes))
