"""Stage 5 of a kind of record matched by slug: records, their links and one history entry
each, in bulk, inside the transaction the pipeline opens; rows changed by someone else
since they were read refuse the whole write (StaleRecords)."""

from __future__ import annotations

from awards.core.bulk import (
    BATCH_SIZE,
    analyze,
    chunks,
    create_records,
    delete_rows,
    insert_rows,
    link_columns,
)
from awards.exchange.columns import Kind
from awards.exchange.kinds.records.resolve import Plan
from awards.exchange.pipeline.report import StaleRecords
from awards.models import PendingRevision
from awards.records import moderation
from awards.records.revisions import record_bulk_changes


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
            create_records(model, chunk)
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
    # Before the history and the registry's upkeep read what was written, so that the
    # planner knows the table's size (awards.core.bulk.analyze).
    analyze(model, rows=written)
    record_bulk_changes(
        model=model,
        created=[record for level in plan.levels for record in level],
        updated=plan.updated,
        user=user if user is not None and user.is_authenticated else None,
        reason=reason,
    )
    _submit_for_review(plan, user=user, reason=reason)


def _submit_for_review(plan: Plan, *, user, reason: str) -> None:
    """Each held change a pending revision of its record, against the version read."""
    for change in plan.for_review:
        # The untranslated column a translation is stored with follows it on approval.
        fields = [
            plan.columns[name].field.name
            for name in change.changed
            if plan.columns[name].kind is not Kind.MANY
        ]
        moderation.submit(
            record=change.instance,
            fields=fields,
            links={
                column.field.name: [target.pk for target in wanted]
                for column, _current, wanted in change.link_changes
            },
            base_version=change.instance.version,
            author=user,
            reason=reason,
            origin=PendingRevision.Origin.IMPORT,
        )


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
