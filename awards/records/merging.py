"""Two records of one person merged into one, as an editor decides when a list or the
report of possible duplicates shows the same person twice.

The rule: the record kept keeps its values and takes, for every field it leaves empty, the
other record's; it cites the passages of both; every record that named the other (a
conferment, an insignia's designer, another name) names the kept one instead, each as an
ordinary save with its history entry; the other record is then deleted, its history kept,
with the reason saying into whom it was merged. All in one transaction; the registry's
numbering and counts follow the conferments moved (awards.records.writes), and each of
them is checked against its title's rules with the kept person's other awards: a merge
the rules refuse (a fourth award before 1973, say) is refused whole, with the reason.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import UniqueConstraint
from django.utils.translation import gettext as _

from awards.models import Conferment, Person
from awards.records.revisions import change_reason, record_change
from awards.registry.checks import assess


def merge_people(*, keep: Person, merged: Person, user) -> Person:
    """Merge ``merged`` into ``keep`` (the rule above); returns the kept record, saved."""
    if keep.pk == merged.pk:
        raise ValidationError(_("A person cannot be merged with themselves."))
    reason = _("Merged with %(name)s (%(slug)s)") % {"name": merged.name, "slug": merged.slug}
    with transaction.atomic():
        locked = {
            person.pk: person
            for person in Person.objects.select_for_update().filter(pk__in=[keep.pk, merged.pk])
        }
        keep, merged = locked[keep.pk], locked[merged.pk]
        moved = []
        for relation in Person._meta.related_objects:
            if relation.many_to_many:
                continue
            for record in relation.related_model._base_manager.filter(
                **{relation.field.name: merged}
            ):
                if _kept_already(record, field=relation.field.name, keep=keep):
                    # The kept person has it already (an other name or date of both
                    # records): it goes with the merged record.
                    continue
                setattr(record, relation.field.name, keep)
                record._change_reason = reason[:100]
                record._history_user = user
                record.save()
                moved.append(record)
        for record in moved:
            if isinstance(record, Conferment):
                assess(record)
        for field in Person._meta.concrete_fields:
            takes = field.editable and not field.primary_key and field.name != "slug"
            if takes and _empty(getattr(keep, field.attname)):
                setattr(keep, field.attname, getattr(merged, field.attname))
        keep.skip_history_when_saving = True
        keep._history_user = user
        keep.save()
        keep.citations.add(*merged.citations.all())
        del keep.skip_history_when_saving
        record_change(keep, created=False, reason=reason)
        merged._history_user = user
        with change_reason(
            _("Merged into %(name)s (%(slug)s)") % {"name": keep.name, "slug": keep.slug}
        ):
            merged.delete()
    return keep


def _empty(value) -> bool:
    return value is None or value == ""


def _kept_already(record, *, field: str, keep) -> bool:
    """Whether ``keep`` already has a record equal to ``record`` under one of its model's
    unique constraints that include the person (two records of one person may both hold
    the same other name)."""
    model = type(record)
    for constraint in model._meta.constraints:
        fields = getattr(constraint, "fields", ())
        if isinstance(constraint, UniqueConstraint) and field in fields:
            values = {name: getattr(record, name) for name in fields if name != field}
            if model._base_manager.filter(**{field: keep}, **values).exists():
                return True
    return False
