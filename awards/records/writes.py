"""What follows every write of a record: its search entry rewritten, the registry's
numbering and counts kept (awards.registry.upkeep), the public pages invalidated once the
write commits.

Writes arrive two ways, and both end here:
- one record at a time (the admin, fixtures, reverting or recovering from the history,
  deletions): Django's ``post_save``, ``post_delete`` and ``m2m_changed`` signals;
- in bulk, without signals (imports, fixtures): ``records_written_in_bulk``, which
  ``revisions.record_bulk_changes`` calls for every batch it records in the history.
Anything else that writes records without either (a restore from a backup) calls
``records_replaced`` itself.
"""

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_save

from awards.core.content_generation import invalidate_public_pages_on_commit
from awards.models import Conferment, OtherName, Person, Record
from awards.registry import counts, upkeep
from awards.search import index as search_index


def _is_record_table(model) -> bool:
    """Records are what public pages show; the import log, the jobs' progress and the
    history entries are not, so writing them (a refused preview, a dry run) drops no page."""
    return issubclass(model, Record)


def _before_saved(sender, instance, using, raw, **kwargs):
    # The person, title and year a conferment had: moved, it leaves them.
    if sender is Conferment:
        instance._stored_as = None
        if instance.pk is not None and not raw:
            instance._stored_as = (
                Conferment.objects.using(using)
                .filter(pk=instance.pk)
                .values_list("person_id", "title_id", "year")
                .first()
            )


def _other_names_written(other_names, *, using=None) -> None:
    # Other names are found with their person (awards.search.hidden_names) and shown on
    # the person's page: the person's entry is rewritten.
    people = Person._base_manager.filter(pk__in={name.person_id for name in other_names})
    search_index.index_records(model=Person, records=list(people))
    invalidate_public_pages_on_commit(using=using)


def _saved(sender, instance, using, created, raw, **kwargs):
    if sender is OtherName:
        _other_names_written([instance], using=using)
    if not _is_record_table(sender):
        return
    search_index.index_records(model=sender, records=[instance])
    if sender is Conferment and not raw:
        before = getattr(instance, "_stored_as", None)
        upkeep.conferment_written(conferment=instance, before=before, using=using)
    elif sender is Person and not created and not raw:
        upkeep.person_written(person=instance, using=using)
    invalidate_public_pages_on_commit(using=using)


def _deleted(sender, instance, using, **kwargs):
    if sender is OtherName:
        _other_names_written([instance], using=using)
    if not _is_record_table(sender):
        return
    search_index.remove_records(model=sender, pks=[instance.pk])
    if sender is Conferment:
        upkeep.conferment_deleted(conferment=instance, using=using)
    invalidate_public_pages_on_commit(using=using)


def _links_changed(sender, instance, action, using, **kwargs):
    if action.startswith("post_") and _is_record_table(type(instance)):
        invalidate_public_pages_on_commit(using=using)


def _migrated(sender, using, **kwargs):
    if sender.label == "awards":
        invalidate_public_pages_on_commit(using=using)


def records_written_in_bulk(*, model, records) -> None:
    """Index records written without signals, keep the registry's numbering and counts,
    and invalidate the pages on commit."""
    if model is OtherName:
        _other_names_written(records)
        return
    search_index.index_records(model=model, records=records)
    upkeep.written_in_bulk(model=model, records=records)
    invalidate_public_pages_on_commit()


def records_replaced(*, using: str = "default") -> None:
    """After records were written wholesale (a restore): index all again, count the
    registry again, invalidate."""
    search_index.rebuild_search_index(using=using)
    counts.recount(using=using)
    invalidate_public_pages_on_commit(using=using)


def connect() -> None:
    pre_save.connect(_before_saved, dispatch_uid="awards.records.writes.before")
    post_save.connect(_saved, dispatch_uid="awards.records.writes.saved")
    post_delete.connect(_deleted, dispatch_uid="awards.records.writes.deleted")
    m2m_changed.connect(_links_changed, dispatch_uid="awards.records.writes.links")
    post_migrate.connect(_migrated, dispatch_uid="awards.records.writes.migrated")
