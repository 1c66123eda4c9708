"""Django's admin messages and titles in words that agree with the record they name.

Django builds «The {name} “{obj}” was added successfully.» with one translation for
every model, which in Russian gives «Событие “…“ был успешно добавлен». ``AgreeingAdmin``
keeps Django's flow and replaces, through the admin's own hooks (``message_user``,
``extra_context``, ``render_delete_form``, the actions' descriptions), the words by those
of the record's gender and case (awards.admin.wording), in «ёлочки».
``agree_everywhere`` gives every registered admin the same, Django's and the libraries'
included."""

from contextlib import contextmanager
from urllib.parse import quote as urlquote

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext

from awards.admin import wording
from awards.admin.agreement_texts import ADDED, CHANGED, DELETED, RECOVERABLE, TEXTS

DELETED_MANY = "deleted many"


def record_message(opts, event, *, record, shown, follow_up=None):
    """The message after a record was added, changed or deleted, agreeing with its kind;
    ``shown`` is the record as the message shows it (a link, or its name); ``follow_up``
    is "edit" or "add" for «…can be edited below» / «…another can be added below»."""
    gender = wording.gender_of(opts)
    if gender is None:
        return None
    name = capfirst(opts.verbose_name)
    record = inner_quotes(record)
    text = str(TEXTS[gender][event, follow_up])
    if event == DELETED:
        return text % {"name": name, "obj": record}
    return format_html(text, name=name, obj=shown)


def recovery_message(opts, url):
    """After a deletion: «Его (её) можно восстановить из истории», agreeing with the kind."""
    gender = wording.gender_of(opts)
    if gender is None:
        text = gettext('It can be recovered from <a href="{url}">its history</a>.')
    else:
        text = str(TEXTS[gender][RECOVERABLE, None])
    return format_html(text, url=url)


def inner_quotes(text):
    """«…» inside the message's «ёлочки» become „лапки“: «Событие «Учреждение звания
    „Герой Труда“» добавлено»."""
    return str(text).replace("«", "„").replace("»", "“")


def deleted_many_message(opts, count):
    return gettext("Deleted: %(counted)s.") % {"counted": wording.counted(opts, count)}


class AgreeingAdmin:
    """The mixin every registered admin gets (see ``agree_everywhere``)."""

    @contextmanager
    def _messages_about(self, request, *about):
        request._admin_message_about = about
        try:
            yield
        finally:
            del request._admin_message_about

    def message_user(
        self, request, message, level=messages.INFO, extra_tags="", fail_silently=False
    ):
        about = getattr(request, "_admin_message_about", None)
        if about and level == messages.SUCCESS:
            message = self._agreeing_message(request, *about) or message
        super().message_user(request, message, level, extra_tags, fail_silently)

    def _agreeing_message(self, request, event, record=None, count=None):
        if event == DELETED_MANY:
            return deleted_many_message(self.opts, count)
        if event == DELETED:
            return record_message(self.opts, DELETED, record=record, shown=record)
        post = request.POST
        if event == ADDED:
            url = reverse(
                f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_change",
                args=(quote(record.pk),),
            )
            editable = self.has_change_permission(request, record)
            continues = "_continue" in post or (
                "_saveasnew" in post and self.save_as_continue and editable
            )
        else:
            url, editable, continues = request.path, True, "_continue" in post
        name = inner_quotes(record)
        shown = format_html('<a href="{}">{}</a>', urlquote(url), name) if editable else name
        follow_up = "edit" if continues and editable else "add" if "_addanother" in post else None
        if continues and not editable:
            follow_up = None
        return record_message(self.opts, event, record=record, shown=shown, follow_up=follow_up)

    def response_add(self, request, obj, post_url_continue=None):
        with self._messages_about(request, ADDED, obj):
            return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        with self._messages_about(request, CHANGED, obj):
            return super().response_change(request, obj)

    def response_delete(self, request, obj_display, obj_id):
        with self._messages_about(request, DELETED, obj_display):
            return super().response_delete(request, obj_display, obj_id)

    def delete_queryset(self, request, queryset):
        count = queryset.count()
        super().delete_queryset(request, queryset)
        # delete_selected tells the count next, through message_user.
        request._admin_message_about = (DELETED_MANY, None, count)

    def add_success_message(self, result, request):
        # An import's (django-import-export calls it after a confirmed import).
        totals = {
            "new": result.totals["new"],
            "updated": result.totals["update"],
            "deleted": result.totals["delete"],
            "skipped": result.totals["skip"],
        }
        messages.success(request, import_message(self.opts, totals))

    # Titles and labels: «Добавить цитату», «Выберите цитату для изменения».

    def _title(self, msgid):
        return pgettext("admin page title", msgid) % {"name": wording.accusative(self.opts)}

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {"title": self._title("Add %(name)s"), **(extra_context or {})}
        return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        msgid = "Change %(name)s" if self.has_change_permission(request) else "View %(name)s"
        extra_context = {"title": self._title(msgid), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        if self.has_change_permission(request):
            msgid = "Select %(name)s to change"
        else:
            msgid = "Select %(name)s to view"
        extra_context = {
            "add_label": self._title("Add %(name)s"),
            **(extra_context or {}),
        }
        # A view that names its list itself («Изменения на проверке») keeps its title.
        extra_context.setdefault("title", self._title(msgid))
        return super().changelist_view(request, extra_context)

    def render_delete_form(self, request, context):
        if context.get("perms_lacking") or context.get("protected"):
            context["title"] = self._title("Cannot delete %(name)s")
        context["object_name"] = wording.accusative(self.opts)
        return super().render_delete_form(request, context)

    def get_actions(self, request):
        actions = super().get_actions(request)
        chosen = wording.selected(self.opts)
        if "delete_selected" in actions and chosen:
            function, name, _description = actions["delete_selected"]
            label = pgettext("admin action", "Delete %(the_selected)s") % {"the_selected": chosen}
            actions["delete_selected"] = (function, name, label.replace("%", "%%"))
        return actions


def import_message(opts, totals):
    """After an import: «Импорт завершён: добавлено — 1 событие, изменено — 0 событий, …»."""
    return gettext(
        "Import finished: %(new)s added, %(updated)s changed, %(deleted)s deleted, "
        "%(skipped)s left as they were."
    ) % {
        key: wording.counted(opts, totals.get(key, 0))
        for key in ("new", "updated", "deleted", "skipped")
    }


def published_message(opts, count, *, published):
    """After publishing or withdrawing from the list: «Опубликовано: 3 события.»"""
    counted = wording.counted(opts, count)
    if published:
        return gettext("Published: %(counted)s.") % {"counted": counted}
    return gettext("Withdrawn to drafts: %(counted)s.") % {"counted": counted}


def agree_everywhere(site):
    """Give every admin registered on ``site`` the agreeing words (called once the apps
    are ready, when every library's admin is registered)."""
    for model, model_admin in list(site._registry.items()):
        if isinstance(model_admin, AgreeingAdmin):
            continue
        agreeing = type(type(model_admin).__name__, (AgreeingAdmin, type(model_admin)), {})
        agreeing.__module__ = type(model_admin).__module__
        site._registry[model] = agreeing(model, site)
