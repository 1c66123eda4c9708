"""Versions in the admin: a record's form remembers the version it was opened with.

A save whose version is no longer the record's is refused before anything is written. The
form comes back with a message that shows, field by field, what the other editor changed
(read from the history) beside this editor's values; fields this editor left alone take
the other editor's value, and the form now carries the current version, so saving again
is a conscious decision.
"""

import html
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpResponseRedirect
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.safestring import SafeString
from django.utils.text import Truncator, capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.core.diffs import display_value, marked_changes
from awards.fields import PartialDateField
from awards.models import Record, StaleRecordError
from awards.records.revisions import changes_since, record_change
from awards.records.roles import publication_for_write


@dataclass(frozen=True)
class FieldConflict:
    label: str
    # The value when this editor opened the form, and the other editor's, marked.
    before: SafeString
    theirs: SafeString
    # What the form now holds: this editor's value, or the other editor's if taken over.
    yours: str
    taken_over: bool


@dataclass(frozen=True)
class Conflict:
    editors: str
    fields: list[FieldConflict]


class VersionedForm(forms.ModelForm):
    """A record's form with the version it was opened with; a stale save is refused."""

    base_version = forms.IntegerField(
        label=gettext_lazy("Version the form was opened with"),
        widget=forms.HiddenInput,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        if not self.instance._state.adding:
            self.fields["base_version"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        opened = cleaned_data.get("base_version")
        if self.instance._state.adding or opened == self.instance.version:
            return cleaned_data
        self.data = self.data.copy()
        self.data[self.add_prefix("base_version")] = self.instance.version
        self.conflict = self._describe_conflict(opened)
        raise forms.ValidationError(self.stale_message(), code="stale")

    def stale_message(self) -> str:
        """What the editor reads of a conflict in this form (a row of an inline)."""
        changes = "; ".join(
            f"{field.label}: «{Truncator(html.unescape(strip_tags(field.theirs))).chars(200)}»"
            for field in self.conflict.fields
        )
        return _(
            "Another editor changed this row after you opened the page (%(editors)s): "
            "%(changes)s. Nothing was saved; save again to write the values of this row."
        ) % {"editors": self.conflict.editors, "changes": changes or "—"}

    def _describe_conflict(self, opened: int | None) -> Conflict:
        delta, entries = changes_since(self.instance, version=opened or 0)
        editors = ", ".join(
            dict.fromkeys(
                _("%(user)s at %(time)s")
                % {
                    "user": entry.history_user or _("unknown"),
                    "time": date_format(localtime(entry.history_date), "DATETIME_FORMAT"),
                }
                for entry in entries
            )
        ) or _("unknown")
        fields = []
        for change in delta.changes if delta is not None else []:
            field = self.instance._meta.get_field(change.field)
            before, theirs = (display_value(field, value) for value in (change.old, change.new))
            marked_before, marked_theirs = marked_changes(before, theirs)
            taken_over = self._take_over(field, before=change.old, theirs=change.new)
            fields.append(
                FieldConflict(
                    label=capfirst(field.verbose_name),
                    before=marked_before,
                    theirs=marked_theirs,
                    yours=self._yours(field),
                    taken_over=taken_over,
                )
            )
        return Conflict(editors=editors, fields=fields)

    def _yours(self, field: models.Field) -> str:
        if field.name not in self.fields:
            return _("(edited below the form)")
        value = self.cleaned_data.get(field.name)
        if isinstance(value, models.QuerySet):
            value = list(value)
        if isinstance(value, models.Model):
            value = str(value)
        shown = display_value(field, value)
        return "; ".join(shown) if isinstance(shown, list) else shown or "—"

    def _take_over(self, field: models.Field, *, before, theirs) -> bool:
        """Put the other editor's value of a text field this editor left alone in the form."""
        is_text = isinstance(field, models.CharField | models.TextField) and not field.choices
        if not is_text or isinstance(field, PartialDateField):
            return False
        if field.name not in self.fields or self.cleaned_data.get(field.name) != (before or ""):
            return False
        self.data[self.add_prefix(field.name)] = theirs or ""
        return True


class RecordForm(VersionedForm):
    """The change form of a record: also asks why it is changed, for the history."""

    change_reason = forms.CharField(
        label=gettext_lazy("Reason for the change"),
        max_length=100,
        required=False,
        help_text=gettext_lazy("Kept in the history with your change (optional)."),
    )

    def stale_message(self) -> str:
        return _(
            "Another editor saved this record after you opened it (%(editors)s). "
            "Nothing was saved. Their changes are shown beside yours; fields you did not "
            "change now hold their values. Check the form and save again to write it."
        ) % {"editors": self.conflict.editors}


class VersionedAdmin:
    """Admin behaviour around versions, shared by every record's admin.

    The edited row is locked (``SELECT … FOR UPDATE`` on PostgreSQL) from the check of the
    form's version to the write, inside the change view's transaction; on SQLite, which
    has no row locks, ``Record.save()``'s conditional update catches the same race, and the
    editor is told that nothing was saved instead of getting an error page. Records edited
    in an inline (none at present: a title's provisions have their own pages) are saved
    like the record itself: checked against their own version, with one history entry each.
    """

    form = RecordForm

    def get_object(self, request, object_id, from_field=None):
        queryset = self.get_queryset(request)
        if request.method == "POST" and transaction.get_connection().in_atomic_block:
            queryset = queryset.select_for_update(of=("self",))
        opts = self.model._meta
        field = opts.pk if from_field is None else opts.get_field(from_field)
        try:
            return queryset.get(**{field.name: field.to_python(object_id)})
        except (self.model.DoesNotExist, ValidationError, ValueError):
            return None

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleRecordError:
            self.message_user(
                request,
                _(
                    "Another editor saved this record or one of its provisions at the same "
                    "moment; nothing was saved. The form shows the record as it is now: make "
                    "your change again."
                ),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())

    def reason_for(self, request, form, *, change: bool) -> str:
        """Why the record changed, for its history: the editor's words or what was done."""
        given = form.cleaned_data.get("change_reason", "")
        return given or (_("Edited in the admin") if change else _("Added in the admin"))

    def save_formset(self, request, form, formset, change):
        if not issubclass(formset.model, Record):
            super().save_formset(request, form, formset, change)
            return
        reason = self.reason_for(request, form, change=True)
        records = formset.save(commit=False)
        for record in records:
            # One entry per record, once its links are saved too.
            record.skip_history_when_saving = True
            record.published = publication_for_write(request.user, record)
            record._history_user = request.user
            record.save()
        formset.save_m2m()
        for record in formset.deleted_objects:
            record._change_reason = reason
            record.delete()
        created = {record.pk for record in formset.new_objects}
        for record in records:
            del record.skip_history_when_saving
            record_change(record, created=record.pk in created, reason=reason)
