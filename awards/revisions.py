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

from django.db import connections, router
from django.utils import timezone
from modeltranslation.translator import translator
from simple_history import register
from simple_history.models import HistoricalRecords
from simple_history.utils import get_history_model_for_model

from awards.bulk import chunks, insert_rows, link_columns, links_of


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

    The entries are the rows simple-history's ``bulk_history_create`` would write, inserted
    without building a historical instance per record; a fixed number of queries per
    batch: the relations of all records are read at once.
    """
    history_model = get_history_model_for_model(model)
    connection = connections[router.db_for_write(history_model)]
    now = timezone.now()
    fields = [
        (field.attname, history_model._meta.get_field(field.name))
        for field in history_model.tracked_fields
    ]
    columns = [
        *(history_field.column for _attname, history_field in fields),
        "history_date",
        "history_change_reason",
        "history_type",
        "history_user_id",
    ]
    date = history_model._meta.get_field("history_date").get_db_prep_save(now, connection)
    user_pk = user.pk if user is not None else None
    written = []
    for records, history_type in ((list(created), "+"), (list(updated), "~")):
        insert_rows(
            history_model,
            columns,
            (
                (
                    *(
                        history_field.get_db_prep_save(getattr(record, attname), connection)
                        for attname, history_field in fields
                    ),
                    date,
                    reason[:100],
                    history_type,
                    user_pk,
                )
                for record in records
            ),
        )
        written += [record.pk for record in records]
    entries = []
    for chunk in chunks(written):
        entries += history_model.objects.filter(history_date=now, id__in=chunk).values_list(
            history_model._meta.pk.attname, "id"
        )
    _snapshot_relations(model, entries)


def _snapshot_relations(model, entries: list[tuple[int, int]]) -> None:
    """Copy each record's links into the snapshot table of its new history entry.

    ``entries`` are pairs of (history entry key, record key).
    """
    records = TrackedHistoricalRecords.by_model[model]
    for field in records.get_m2m_fields_from_model(model):
        # simple-history keeps the snapshot models of all models in one dict, by field.
        snapshot_model = records.m2m_models[field]
        _through, source, target = link_columns(field)
        links = defaultdict(list)
        for link_id, record_pk, target_pk in links_of(
            field, [record_pk for _entry, record_pk in entries], "id", source, target
        ):
            links[record_pk].append((link_id, target_pk))
        insert_rows(
            snapshot_model,
            ["history_id", "id", source, target],
            (
                (entry_pk, link_id, record_pk, target_pk)
                for entry_pk, record_pk in entries
                for link_id, target_pk in links[record_pk]
            ),
        )
