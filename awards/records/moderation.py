"""Review of changes to published records, as Wagtail's moderation does.

The rule: a change to a record that is published, by someone who may not publish it (an
editor, awards.records.roles), is not written to the record. It is kept as a
``PendingRevision`` against the version the editor saw, and the public site shows the
record as it was until a chief editor approves the revision (written then as any save:
validated, versioned, one history entry) or sends it back with a comment. Drafts are
written at once, as before. The admin's change form and the importers both ask
``held_for_review`` and call ``submit``.

A revision is approved only against the version it was made from: once the record has
changed (another revision approved, a chief editor's edit), every other revision of it
is stale and approving it is refused (``StaleRevisionError``), nothing written.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from awards.core.diffs import display_value, marked_changes
from awards.models import RECORD_MODELS, REGISTRY_MODELS, PendingRevision, StaleRecordError
from awards.records.revisions import links_at, record_change
from awards.records.roles import may_publish

# What a revision never proposes: the publication is the chief editor's, the rest the
# record keeps by itself.
_NOT_PROPOSED = {"id", "published", "version", "created_at", "updated_at"}


class StaleRevisionError(Exception):
    """The record changed after the revision was made: approving it would overwrite that."""

    def __init__(self, revision: PendingRevision, current_version: int | None):
        super().__init__(f"revision {revision.pk}: record at {current_version}")
        self.revision = revision
        self.current_version = current_version


class RevisionDecidedError(Exception):
    """The revision was already approved or sent back."""


@dataclass(frozen=True)
class ProposedChange:
    """One field of a revision: the record's value now and the proposed one, words marked."""

    label: str
    now: SafeString
    proposed: SafeString


def held_for_review(user, record) -> bool:
    """True when the user's change of ``record`` waits for review: the record is stored
    published and the user may not publish records of its kind."""
    if record.pk is None or may_publish(user, type(record)):
        return False
    return type(record)._base_manager.filter(pk=record.pk, published=True).exists()


def sent_for_review_message() -> str:
    """What an editor reads once their change waits for review."""
    return _(
        "The change was sent to a chief editor for review; the site shows the previous "
        "version until it is approved."
    )


def may_review(user, revision: PendingRevision) -> bool:
    """Whoever may publish a record may approve or send back the changes proposed to it."""
    return may_publish(user, revision.record_model)


def may_see_revisions(user) -> bool:
    """Editors see their own revisions, chief editors every revision: anyone who may
    change records."""
    return (
        user.is_active
        and user.is_staff
        and any(
            user.has_perm(f"awards.change_{model._meta.model_name}")
            for model in (*RECORD_MODELS, *REGISTRY_MODELS)
        )
    )


def _stored(field: models.Field, record) -> str | None:
    if field.value_from_object(record) is None:
        return None
    return field.value_to_string(record)


def _restored(field: models.Field, value):
    return None if value is None else field.to_python(value)


def submit(
    *,
    record,
    fields: Iterable[str],
    links: Mapping[str, Iterable[int]] | None = None,
    rows: Mapping[str, list[dict]] | None = None,
    base_version: int,
    author,
    reason: str = "",
    origin: str = PendingRevision.Origin.ADMIN,
) -> PendingRevision:
    """Keep the proposed values of ``record`` (an unsaved, changed instance) as a revision.

    ``fields`` names the changed fields, ``links`` the proposed many-to-many relations
    (name → keys), ``rows`` the proposed rows of inlines that are not records (relation
    name → fields of each row). Nothing of the record itself is written.
    """
    opts = record._meta
    revision = PendingRevision(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_id=record.pk,
        record_name=str(record)[:200],
        values={
            name: _stored(opts.get_field(name), record)
            for name in fields
            if name not in _NOT_PROPOSED
        },
        links={name: sorted(pks) for name, pks in (links or {}).items()},
        rows=dict(rows or {}),
        base_version=base_version,
        author=author if author is not None and author.is_authenticated else None,
        reason=reason[:100],
        origin=origin,
    )
    revision._history_user = revision.author
    revision._change_reason = _("Submitted for review")
    revision.save()
    return revision


def submit_version(
    *, entry, user, base_version: int | None, reason: str, check=None
) -> PendingRevision:
    """A return to one of a record's history entries, held for review: the fields and
    links in which the entry differs from the record now, as a revision. Checked as a
    revert is (``revisions.restore_version``): a record that changed since
    ``base_version`` (the version the editor saw) is refused with ``StaleRecordError``,
    a version that fails the record's rules or cites nothing that exists with
    ValidationError."""
    model = entry.instance_type
    current = model._base_manager.get(pk=entry.id)
    if base_version != current.version:
        raise StaleRecordError(current)
    record = entry.instance
    record._state.adding = False
    fields = [
        field.name
        for field in type(entry).tracked_fields
        if field.name not in _NOT_PROPOSED
        and field.value_from_object(record) != field.value_from_object(current)
    ]
    record.full_clean()
    if check is not None:
        check(record)
    linked_at = links_at(entry)
    if "citations" in linked_at and not linked_at["citations"]:
        raise ValidationError({"citations": _("This version cites no passage that still exists.")})
    links = {}
    for name, linked in linked_at.items():
        pks = sorted(item.pk for item in linked)
        if pks != sorted(getattr(current, name).values_list("pk", flat=True)):
            links[name] = pks
    record.pk = current.pk
    return submit(
        record=record,
        fields=fields,
        links=links,
        base_version=current.version,
        author=user,
        reason=reason,
    )


def inline_rows(forms, *, exclude: str) -> list[dict]:
    """The rows an inline formset proposes (its forms not deleted), each as stored values;
    ``exclude`` is the key that links a row to its record."""
    proposed = []
    for form in forms:
        if not form.has_changed() and form.instance.pk is None:
            continue
        if form.cleaned_data.get("DELETE"):
            continue
        row = form.save(commit=False)
        proposed.append(
            {
                field.name: _stored(field, row)
                for field in row._meta.concrete_fields
                if not field.primary_key and field.name != exclude
            }
        )
    return proposed


def proposed_record(revision: PendingRevision, *, record=None):
    """The record with the revision's values applied, in memory (nothing saved)."""
    model = revision.record_model
    if record is None:
        record = model._base_manager.get(pk=revision.object_id)
    for name, value in revision.values.items():
        field = model._meta.get_field(name)
        setattr(record, field.attname, _restored(field, value))
    return record


def proposed_changes(revision: PendingRevision) -> list[ProposedChange]:
    """Each field, relation and inline the revision changes, as the record has it now and
    as proposed, the changed words marked (awards.core.diffs, as the history shows them)."""
    model = revision.record_model
    current = model._base_manager.filter(pk=revision.object_id).first()
    if current is None:
        return []
    proposed = proposed_record(revision, record=model._base_manager.get(pk=current.pk))
    changes = []
    for name in revision.values:
        field = model._meta.get_field(name)
        now = display_value(field, getattr(current, field.name))
        wanted = display_value(field, getattr(proposed, field.name))
        if now != wanted:
            changes.append(_change(field.verbose_name, now, wanted))
    for name, pks in revision.links.items():
        field = model._meta.get_field(name)
        now = [str(item) for item in getattr(current, name).order_by("pk")]
        wanted = [str(item) for item in field.related_model._base_manager.filter(pk__in=pks)]
        if now != wanted:
            changes.append(_change(field.verbose_name, now, wanted))
    for name, rows in revision.rows.items():
        relation = model._meta.get_field(name)
        now = [str(row) for row in getattr(current, relation.get_accessor_name()).all()]
        wanted = [str(_row(relation.related_model, row)) for row in rows]
        if now != wanted:
            changes.append(_change(relation.related_model._meta.verbose_name_plural, now, wanted))
    return changes


def _change(label, now, wanted) -> ProposedChange:
    marked_now, marked_wanted = marked_changes(now, wanted)
    return ProposedChange(label=capfirst(str(label)), now=marked_now, proposed=marked_wanted)


def _row(model, values: dict):
    row = model()
    for name, value in values.items():
        field = model._meta.get_field(name)
        setattr(row, field.attname, _restored(field, value))
    return row


def is_stale(revision: PendingRevision) -> bool:
    """True when the record is no longer at the version the revision was made against."""
    version = (
        revision.record_model._base_manager.filter(pk=revision.object_id)
        .values_list("version", flat=True)
        .first()
    )
    return version != revision.base_version


def approve(*, revision: PendingRevision, reviewer, comment: str = "", check=None):
    """Write the revision to its record as an ordinary save and mark it approved.

    Refused (``StaleRevisionError``, nothing written) when the record changed after the
    revision was made. The record's values are validated as any save's (``check``, a
    callable raising ValidationError, checks what spans records); its publication stays as
    it is. The record's history entry is the reviewer's, with the reason «Одобрено: …».
    """
    model = revision.record_model
    with transaction.atomic():
        revision = PendingRevision.objects.select_for_update().get(pk=revision.pk)
        if revision.state != PendingRevision.State.PENDING:
            raise RevisionDecidedError(revision.pk)
        current = model._base_manager.select_for_update().filter(pk=revision.object_id).first()
        if current is None or current.version != revision.base_version:
            raise StaleRevisionError(revision, current.version if current else None)
        record = proposed_record(revision, record=current)
        record.full_clean()
        if check is not None:
            check(record)
        if "citations" in revision.links and not revision.links["citations"]:
            raise ValidationError({"citations": _("The change cites no passage.")})
        record.skip_history_when_saving = True
        record._history_user = reviewer
        record.save()
        for name, pks in revision.links.items():
            getattr(record, name).set(pks)
        for name, rows in revision.rows.items():
            _replace_rows(record, name, rows)
        del record.skip_history_when_saving
        record_change(record, created=False, reason=approved_reason(revision))
        _decide(revision, state=PendingRevision.State.APPROVED, reviewer=reviewer, comment=comment)
    return record


def approved_reason(revision: PendingRevision) -> str:
    """The record's history reason of an approved revision: «Одобрено: <the editor's>»."""
    author = revision.author.get_username() if revision.author else _("unknown")
    reason = revision.reason or _("change by %(author)s") % {"author": author}
    return _("Approved: %(reason)s") % {"reason": reason}


def _replace_rows(record, name: str, rows: list[dict]) -> None:
    relation = record._meta.get_field(name)
    getattr(record, relation.get_accessor_name()).all().delete()
    for values in rows:
        row = _row(relation.related_model, values)
        setattr(row, relation.field.attname, record.pk)
        row.full_clean()
        row.save()


def send_back(*, revision: PendingRevision, reviewer, comment: str) -> PendingRevision:
    """Return the revision to its author with the reviewer's comment; the record stays."""
    if not comment.strip():
        raise ValidationError({"comment": _("Say what should be changed.")})
    with transaction.atomic():
        revision = PendingRevision.objects.select_for_update().get(pk=revision.pk)
        if revision.state != PendingRevision.State.PENDING:
            raise RevisionDecidedError(revision.pk)
        _decide(revision, state=PendingRevision.State.SENT_BACK, reviewer=reviewer, comment=comment)
    return revision


def _decide(revision: PendingRevision, *, state: str, reviewer, comment: str) -> None:
    revision.state = state
    revision.reviewer = reviewer
    revision.review_comment = comment.strip()
    revision.reviewed_at = timezone.now()
    revision._history_user = reviewer
    revision._change_reason = (
        _("Approved") if state == PendingRevision.State.APPROVED else _("Sent back")
    )
    revision.save()
