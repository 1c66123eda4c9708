"""The edit history in the admin: what each entry changed, word by word; revert and recover.

django-simple-history's history list is kept (with the project's templates, in Russian);
its page for one entry is replaced: it shows how that version differs from the record as
it is now and returns the record to it (or brings a deleted record back) through
``revisions.restore_version``, an ordinary validated, versioned and logged save.
"""

import dataclasses

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from simple_history.template_utils import HistoricalRecordContextHelper

from awards.admin.messages import recovery_message
from awards.core.diffs import display_value, marked_changes
from awards.models import StaleRecordError
from awards.records import moderation
from awards.records.revisions import links_at, restore_version


class HistoryChangeHelper(HistoricalRecordContextHelper):
    """Each change of an entry as the old and the new value, the changed words marked."""

    def format_delta_change(self, change):
        field = self.model._meta.get_field(change.field)
        old, new = marked_changes(
            display_value(field, change.old), display_value(field, change.new)
        )
        return dataclasses.replace(change, field=capfirst(field.verbose_name), old=old, new=new)


def entry_time(entry) -> str:
    return date_format(localtime(entry.history_date), "DATETIME_FORMAT")


class RecordHistoryAdmin:
    """History views for a ``SimpleHistoryAdmin``: marked changes, revert and recover."""

    object_history_form_template = "admin/awards/history_version.html"

    def get_historical_record_context_helper(self, request, historical_record):
        return HistoryChangeHelper(self.model, historical_record)

    def response_delete(self, request, obj_display, obj_id):
        response = super().response_delete(request, obj_display, obj_id)
        opts = self.model._meta
        url = reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_history", args=(obj_id,)
        )
        self.message_user(
            request,
            recovery_message(opts, url),
            messages.INFO,
        )
        return response

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        opts = self.model._meta
        entry = get_object_or_404(
            self.model.history.select_related("history_user"),
            **{opts.pk.attname: unquote(object_id), "history_id": version_id},
        )
        current = self.model._base_manager.filter(pk=entry.id).first()
        record = current if current is not None else entry.instance
        if not self.has_view_history_or_change_history_permission(request, record):
            raise PermissionDenied
        may_restore = not self.revert_disabled(request, record) and (
            current is not None or self.has_add_permission(request)
        )
        history_url = reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_history",
            args=(entry.id,),
        )
        errors = []
        if request.method == "POST":
            if not may_restore:
                raise PermissionDenied
            reason = (
                _("Reverted to the version of %(time)s")
                if current is not None
                else _("Recovered from the version of %(time)s")
            ) % {"time": entry_time(entry)}
            # An editor's return of a published record to a version waits for review.
            held = current is not None and moderation.held_for_review(request.user, current)
            write = moderation.submit_version if held else restore_version
            try:
                restored = write(
                    entry=entry,
                    user=request.user,
                    base_version=_posted_version(request),
                    reason=reason,
                    check=self.check_record,
                )
            except StaleRecordError:
                self.message_user(
                    request,
                    _(
                        "The record changed after you opened this page; nothing was written. "
                        "Here is how this version differs from the record now."
                    ),
                    messages.ERROR,
                )
                return HttpResponseRedirect(request.get_full_path())
            except ValidationError as error:
                errors = error.messages
            else:
                if held:
                    self.message_user(
                        request, moderation.sent_for_review_message(), messages.SUCCESS
                    )
                    return HttpResponseRedirect(history_url)
                self.message_user(request, reason, messages.SUCCESS)
                if restored.published != entry.published:
                    self.message_user(request, _publication_kept(restored), messages.WARNING)
                return HttpResponseRedirect(history_url)

        newest = self.model.history.filter(id=entry.id).order_by("-history_date").first()
        changes = []
        if newest is not None and newest.pk != entry.pk:
            # The record now against this version: each change's ``old`` is this version's
            # value and ``new`` the record's now, as the columns «Сейчас» and «В этой
            # версии» read them (the other way round, each column showed the other's).
            delta = newest.diff_against(entry, foreign_keys_are_objs=True)
            changes = HistoryChangeHelper(self.model, newest).context_for_delta_changes(delta)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Version of %(time)s: %(record)s")
            % {"time": entry_time(entry), "record": record},
            "opts": opts,
            "entry": entry,
            "record": record,
            "deleted": current is None,
            "changes": changes,
            "links": [
                (capfirst(opts.get_field(name).verbose_name), [str(linked) for linked in linked])
                for name, linked in links_at(entry).items()
            ],
            "base_version": current.version if current is not None else "",
            "may_restore": may_restore,
            "errors": errors,
            "history_url": history_url,
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_form_template, context)


def _publication_kept(record) -> str:
    """Why a restored record is not published (or not withdrawn) as its version was."""
    if record.published:
        return _(
            "The record stays published: only a chief editor may withdraw it. The rest of "
            "the version was restored."
        )
    return _(
        "The record is a draft: only a chief editor may publish it. The rest of the version "
        "was restored."
    )


def _posted_version(request) -> int | None:
    try:
        return int(request.POST["base_version"])
    except (KeyError, ValueError):
        return None
