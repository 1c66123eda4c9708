"""The published versions of records: the history entries the public may read.

A version is public when its history entry was written while the record was published
(``published=True`` on the entry) and the record itself is published now: a draft's
entries, and those of a record withdrawn or deleted since, are never shown. What the
public reads of an entry is its fields, its date and its reason — never who wrote it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext

from awards.core.diffs import display_value, marked_changes
from awards.records.seed import SEED_REASON

# The history entry of a deletion holds the record as it was, not a version of it.
_DELETION = "-"


def public_reason(entry) -> str:
    """The reason a version shows the public: the editor's, in the words of the site for a
    record loaded from the source document (its entries read «fixtures» in the admin), or
    what happened where none was given."""
    reason = entry.history_change_reason
    if reason == SEED_REASON:
        return gettext("Recorded from the source document.")
    if reason:
        return reason
    if entry.history_type == "+":
        return gettext("The record was added.")
    return gettext("The record was changed.")


def published_versions(model, *, record_pk=None) -> QuerySet:
    """The public history entries of a kind of record (of one record, given its key),
    newest first."""
    entries = model.history.filter(published=True).exclude(history_type=_DELETION)
    entries = entries.filter(id__in=model.objects.published().values("pk"))
    if record_pk is not None:
        entries = entries.filter(id=record_pk)
    return entries.order_by("-history_date", "-history_id")


def published_version(model, *, history_id: int):
    """One public history entry of a kind of record, or ``None``."""
    return published_versions(model).filter(history_id=history_id).first()


def current_version(record):
    """The public history entry of a published record as it is now, or ``None``."""
    return published_versions(type(record), record_pk=record.pk).first()


# What every record keeps for the site's own use, never shown as a change.
_BOOKKEEPING_FIELDS = {"version", "created_at", "updated_at", "published"}


@dataclass(frozen=True)
class PublicChange:
    """One field changed between two published versions, the changed words marked."""

    field: str
    old: SafeString
    new: SafeString


def _public_value(field, value):
    """A value as the public may read it: a link to a draft or a deleted record left out."""
    if isinstance(field, models.ManyToManyField):
        target = field.m2m_reverse_field_name()
        items = [item[target] if isinstance(item, dict) else item for item in value or []]
        return [item for item in items if getattr(item, "published", False)]
    if isinstance(field, models.ForeignKey):
        return value if getattr(value, "published", False) else None
    return value


def public_changes(entry, previous, *, language: str) -> list[PublicChange]:
    """What a published version changed since the previous published one (``None``: it is
    the first), field by field in the page's language, the changed words marked.

    The site's bookkeeping (version, timestamps) and the other language's fields are left
    out, and so are links to drafts: a change only a draft took part in is not shown.
    """
    if previous is None:
        return []
    others = [f"_{code}" for code, _name in settings.LANGUAGES if code != language]
    model = entry.instance_type
    changes = []
    for delta in entry.diff_against(previous, foreign_keys_are_objs=True).changes:
        if delta.field in _BOOKKEEPING_FIELDS or delta.field.endswith(tuple(others)):
            continue
        field = model._meta.get_field(delta.field)
        old = display_value(field, _public_value(field, delta.old))
        new = display_value(field, _public_value(field, delta.new))
        if old != new:
            # A translation field is named as its field, the page being in its language.
            name = getattr(field, "translated_field", field).verbose_name
            changes.append(PublicChange(capfirst(name), *marked_changes(old, new)))
    return changes


def latest_changes(record_models, *, limit: int) -> list[tuple]:
    """The newest public versions of any of the kinds, as (record now, entry) pairs, newest
    first: two queries per kind, whatever the number of records."""
    pairs = []
    for model in record_models:
        entries = list(published_versions(model)[:limit])
        records = model.objects.published().in_bulk({entry.id for entry in entries})
        pairs += [(records[entry.id], entry) for entry in entries if entry.id in records]
    pairs.sort(key=lambda pair: (pair[1].history_date, pair[1].history_id), reverse=True)
    return pairs[:limit]
