"""What follows every write of a record: its search entry rewritten, the public pages
invalidated once the write commits.

Writes arrive two ways, and both end here:
- one record at a time (the admin, fixtures, reverting or recovering from the history,
  deletions): Django's ``post_save``, ``post_delete`` and ``m2m_changed`` signals;
- in bulk, without signals (imports, fixtures): ``records_written_in_bulk``, which
  ``revisions.record_bulk_changes`` calls for every batch it records in the history.
Anything else that writes records without either (a restore from a backup) calls
``records_replaced`` itself.
"""

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from awards import registry_counts, search_index
from awards.models import Record
from heroes_site.page_cache import invalidate_public_pages_on_commit


def _is_record_table(model) -> bool:
    """Records are what public pages show; the import log, the jobs' progress and the
    history entries are not, so writing them (a refused preview, a dry run) drops no page."""
    return issubclass(model, Record)


def _saved(sender, instance, using, **kwargs):
    if _is_record_table(sender):
        search_index.index_records(model=sender, records=[instance])
        invalidate_public_pages_on_commit(using=using)


def _deleted(sender, instance, using, **kwargs):
    if _is_record_table(sender):
        search_index.remove_records(model=sender, pks=[instance.pk])
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
    search_index.index_records(model=model, records=records)
    registry_counts.written_in_bulk(model=model, records=records)
    invalidate_public_pages_on_commit()


def records_replaced(*, using: str = "default") -> None:
    """After records were written wholesale (a restore): index all again, count the
    registry again, invalidate."""
    search_index.rebuild_search_index(using=using)
    registry_counts.recount(using=using)
    invalidate_public_pages_on_commit(using=using)


def connect() -> None:
    post_save.connect(_saved, dispatch_uid="awards.record_writes.saved")
    post_delete.connect(_deleted, dispatch_uid="awards.record_writes.deleted")
    m2m_changed.connect(_links_changed, dispatch_uid="awards.record_writes.links")
    post_migrate.connect(_migrated, dispatch_uid="awards.record_writes.migrated")
