"""Stage 4 of a kind of record matched by slug: each changed record's own rules and those
that span records, the rows that touch published records where the importer may not
publish, and the order in which new records that name each other are inserted."""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.exchange.columns import Kind
from awards.exchange.kinds.records.resolve import PendingChange, Plan
from awards.exchange.pipeline.report import (
    NEW,
    PROGRESS_EVERY,
    UPDATED,
    ImportReport,
    RowOutcome,
    published_change_refused,
)


def validate(
    *,
    plan: Plan,
    report: ImportReport,
    check,
    track=None,
    total: int = 0,
    hold_published: bool = False,
) -> None:
    """Each changed record's own rules (``Model.clean``: uniqueness is the slug's, matched
    above) and those that span records (``check``, the resource's ``check_record``), then
    the order in which new records can be inserted.

    With ``hold_published`` (an editor's import) a change to a published record that keeps
    it published is not written but kept for review (awards.records.moderation)."""
    now = timezone.now()
    # Rows that need no check of their own (unchanged, or already failed) are checked.
    done = total - len(plan.pending)
    pending, plan.pending = plan.pending, []
    for index, change in enumerate(pending):
        # Each change let go once checked: what it held beyond the record (the old
        # values, the links to make) is in the plan by then, or not needed.
        pending[index] = None
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
        if hold_published and _keeps_published(change):
            _hold(plan, change, report)
        else:
            _accept(plan, change, report, now)
    _order_new_records(plan, report)
    report.failed = len(report.failed_rows - {None})


def refuse_published_changes(*, report: ImportReport) -> None:
    """Each row that creates, changes or withdraws a published record becomes an error:
    only a chief editor may import those (awards.records.roles)."""
    for outcome in report.outcomes:
        if outcome.for_review:
            continue
        if outcome.instance.published or outcome.previous.get("published"):
            report.add_error(
                outcome.number,
                "published" if "published" in outcome.values else "",
                published_change_refused(),
            )
    report.failed = len(report.failed_rows - {None})


def _keeps_published(change: PendingChange) -> bool:
    return not change.is_new and change.instance.published and "published" not in change.changed


def _hold(plan: Plan, change: PendingChange, report: ImportReport) -> None:
    """A change to a published record shown as an update, written as a revision."""
    plan.for_review.append(change)
    report.for_review += 1
    report.outcomes.append(
        RowOutcome(
            change.row.number,
            UPDATED,
            change.instance,
            change.row.values,
            change.changed,
            for_review=True,
        )
    )


def _report_validation_error(columns, number, error: ValidationError, report) -> None:
    field_columns = {column.field.name: name for name, column in columns.items()}
    for field_name, messages in error.message_dict.items():
        column = "" if field_name == NON_FIELD_ERRORS else field_columns.get(field_name, field_name)
        for message in messages:
            report.add_error(number, column, message)


def _accept(plan: Plan, change: PendingChange, report: ImportReport, now) -> None:
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
