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
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import connections, router, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from modeltranslation.translator import translator
from simple_history import register
from simple_history.models import HistoricalRecords, ModelDelta
from simple_history.utils import get_history_model_for_model

from awards.core.bulk import chunks, column_values, insert_rows, link_columns, links_of
from awards.models.base import StaleRecordError
from awards.records.roles import publication_after
from awards.records.writes import records_written_in_bulk


class TrackedHistoricalRecords(HistoricalRecords):
    """Keeps the history configuration of each model, to write entries on request.

    A deletion's entry keeps the links the record had: Django removes the link rows
    before the record itself, so they are read before the deletion starts.
    """

    by_model: dict = {}

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        TrackedHistoricalRecords.by_model[sender] = self

    def pre_delete(self, instance, **kwargs):
        super().pre_delete(instance, **kwargs)
        instance._links_before_deletion = {
            field: list(
                field.remote_field.through._base_manager.filter(
                    **{field.m2m_field_name(): instance.pk}
                )
            )
            for field in self.get_m2m_fields_from_model(type(instance))
        }

    def get_change_reason_for_object(self, instance, history_type, using):
        reason = super().get_change_reason_for_object(instance, history_type, using)
        return reason or getattr(self.context, "change_reason", None)

    def create_historical_record_m2ms(self, history_instance, instance):
        links = getattr(instance, "_links_before_deletion", None)
        if history_instance.history_type != "-" or links is None:
            super().create_historical_record_m2ms(history_instance, instance)
            return
        for field, rows in links.items():
            snapshot_model = self.m2m_models[field]
            names = [row_field.attname for row_field in field.remote_field.through._meta.fields]
            snapshot_model.objects.bulk_create(
                snapshot_model(
                    history=history_instance, **{name: getattr(row, name) for name in names}
                )
                for row in rows
            )


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


@contextmanager
def change_reason(reason: str):
    """Give the history entries written in the block this reason, where a record has none.

    For writes that reach records the caller never holds: a bulk deletion, the provisions
    deleted with their title.
    """
    HistoricalRecords.context.change_reason = reason[:100]
    try:
        yield
    finally:
        del HistoricalRecords.context.change_reason


def record_change(instance, *, created: bool, reason: str = "") -> None:
    """Write the history entry of a record whose fields and relations are all saved."""
    records = TrackedHistoricalRecords.by_model[type(instance)]
    if reason:
        instance._change_reason = reason[:100]
    records.create_historical_record(instance, "+" if created else "~")


def changes_since(record, *, version: int) -> tuple[ModelDelta | None, list]:
    """What was written to a record after it was at ``version``, read from its history.

    Returns the difference between the entry of that version and the newest one (``None``
    when the history lacks the entry) and the entries written since, oldest first: who
    changed what, and when.
    """
    history = record.history.select_related("history_user").order_by("history_date", "history_id")
    since = history.filter(version=version).last()
    latest = history.last()
    if since is None or latest is None:
        return None, list(history.filter(version__gt=version))
    later = list(history.filter(history_date__gte=since.history_date).exclude(pk=since.pk))
    return latest.diff_against(since, foreign_keys_are_objs=True), later


def links_at(entry) -> dict[str, list]:
    """The records a history entry's many-to-many fields linked to, by field name.

    Records deleted since are left out: a version cannot link to them again.
    """
    model = entry.instance_type
    records = TrackedHistoricalRecords.by_model[model]
    links = {}
    for field in records.get_m2m_fields_from_model(model):
        _through, _source, target = link_columns(field)
        snapshot = records.m2m_models[field].objects.filter(history=entry)
        links[field.name] = list(
            field.related_model._base_manager.filter(pk__in=snapshot.values_list(target))
        )
    return links


def restore_version(*, entry, user, base_version: int | None, reason: str, check=None):
    """Make a record again what one of its history entries shows, as an ordinary save.

    Reverting (the record exists) and recovering (it was deleted) alike: the entry's
    fields and many-to-many links (citations included) are validated as any save is, a
    record cited by nothing is refused, a record that changed since ``base_version`` (the
    version the editor saw; ``None`` only when recovering) is refused with
    ``StaleRecordError``, and the write raises the version and leaves one history entry
    with ``reason``. ``check`` (a callable raising ValidationError) checks what spans
    records, as the record's form does (a conferment against its title's rules).

    The record's publication is the user's to change only if the roles allow it
    (``roles.publication_after``): an editor's revert keeps the record published or a
    draft as it is, and a record an editor recovers comes back as a draft.
    """
    model = entry.instance_type
    with transaction.atomic():
        current = model._base_manager.select_for_update().filter(pk=entry.id).first()
        record = entry.instance
        if current is None:
            record._state.adding = True
            newest = type(entry).objects.filter(id=entry.id).aggregate(Max("version"))
            record.version = (newest["version__max"] or 0) + 1
        else:
            record._state.adding = False
            if base_version is None:
                raise StaleRecordError(current)
            record.version = base_version
            record.created_at = current.created_at
        record.published = publication_after(
            user,
            model,
            was=current.published if current is not None else None,
            wanted=entry.published,
        )
        links = {
            name: [linked.pk for linked in linked_records]
            for name, linked_records in links_at(entry).items()
        }
        record.full_clean()
        if check is not None:
            check(record)
        if "citations" in links and not links["citations"]:
            raise ValidationError(
                {"citations": _("This version cites no passage that still exists.")}
            )
        created = current is None
        record.skip_history_when_saving = True
        record._history_user = user
        record.save()
        for name, pks in links.items():
            getattr(record, name).set(pks)
        del record.skip_history_when_saving
        record_change(record, created=created, reason=reason)
    return record


def record_bulk_changes(
    *, model, created: Iterable = (), updated: Iterable = (), user=None, reason: str = ""
) -> None:
    """One history entry per record written in bulk, each with its current relations.

    The entries are the rows simple-history's ``bulk_history_create`` would write, inserted
    without building a historical instance per record; a fixed number of queries per
    batch: the relations of all records are read at once.
    """
    created, updated = list(created), list(updated)
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
    # The historical field of each tracked field, converted as the history table takes it.
    values = column_values(
        [history_field for _attname, history_field in fields], connection, model=model
    )
    date = history_model._meta.get_field("history_date").get_db_prep_save(now, connection)
    user_pk = user.pk if user is not None else None
    written = []
    for records, history_type in ((list(created), "+"), (list(updated), "~")):
        insert_rows(
            history_model,
            columns,
            (
                (
                    *values(record),
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
    # Bulk writes send no signals: their search entries and the public pages follow here.
    records_written_in_bulk(model=model, records=[*created, *updated])


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
