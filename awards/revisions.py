"""Edit history: every write leaves one entry, with the record's relations as they were saved.

django-simple-history snapshots many-to-many relations (citations, issuing bodies, …) with
each entry, so the admin's history view shows them changing like any field. Two writers
need help to get exactly one complete entry per change:
- the admin saves the record before its relations and inlines, so it asks for the entry
  once everything is saved (``record_change``);
- bulk writers (imports, fixtures) write rows without signals (``record_bulk_changes``).
"""

from collections import defaultdict
from collections.abc import Iterable

from modeltranslation.translator import translator
from simple_history import register
from simple_history.models import HistoricalRecords
from simple_history.utils import get_history_manager_for_model

from awards.bulk import BATCH_SIZE, link_columns, links_of


class TrackedHistoricalRecords(HistoricalRecords):
    """Keeps the history configuration of each model, to write entries on request."""

    by_model: dict = {}

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        TrackedHistoricalRecords.by_model[sender] = self


def track_history(model) -> None:
    """Record every change of the model, its many-to-many relations included.

    Called once the model's translation fields exist: the history keeps ``name_ru`` and
    ``name_en``, not the untranslated ``name`` column that modeltranslation mirrors.
    """
    register(
        model,
        app="awards",
        records_class=TrackedHistoricalRecords,
        m2m_fields=[field.name for field in model._meta.many_to_many],
        excluded_fields=list(translator.get_options_for_model(model).fields),
    )


def record_change(instance, *, created: bool) -> None:
    """Write the history entry of a record whose fields and relations are all saved."""
    records = TrackedHistoricalRecords.by_model[type(instance)]
    records.create_historical_record(instance, "+" if created else "~")


def record_bulk_changes(
    *, model, created: Iterable = (), updated: Iterable = (), user=None, reason: str = ""
) -> None:
    """One history entry per record written in bulk, each with its current relations.

    A fixed number of queries per batch: the relations of all records are read at once.
    """
    manager = get_history_manager_for_model(model)
    entries = []
    for records, update in ((list(created), False), (list(updated), True)):
        if records:
            entries += manager.bulk_history_create(
                records,
                update=update,
                default_user=user,
                default_change_reason=reason[:100],
                batch_size=BATCH_SIZE,
            )
    _snapshot_relations(model, entries)


def _snapshot_relations(model, entries: list) -> None:
    records = TrackedHistoricalRecords.by_model[model]
    for field in records.get_m2m_fields_from_model(model):
        # simple-history keeps the snapshot models of all models in one dict, by field.
        snapshot_model = records.m2m_models[field]
        _through, source, target = link_columns(field)
        links = defaultdict(list)
        for link_id, record_pk, target_pk in links_of(
            field, [entry.id for entry in entries], "id", source, target
        ):
            links[record_pk].append((link_id, target_pk))
        snapshot_model.objects.bulk_create(
            [
                snapshot_model(history=entry, id=link_id, **{source: entry.id, target: target_pk})
                for entry in entries
                for link_id, target_pk in links[entry.id]
            ],
            batch_size=BATCH_SIZE,
        )
