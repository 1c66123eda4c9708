"""The texts of awards.admin.messages, one per grammatical gender, written out so that
makemessages finds each (msgctxt «about a … noun»); English reads Django's words."""

from django.utils.translation import pgettext_lazy

ADDED, CHANGED, DELETED = "added", "changed", "deleted"
RECOVERABLE = "recoverable"

TEXTS = {
    "masculine": {
        (RECOVERABLE, None): pgettext_lazy(
            "about a masculine noun", 'It can be recovered from <a href="{url}">its history</a>.'
        ),
        (ADDED, None): pgettext_lazy(
            "about a masculine noun",
            "The {name} “{obj}” was added successfully.",
        ),
        (ADDED, "edit"): pgettext_lazy(
            "about a masculine noun",
            "The {name} “{obj}” was added successfully. You may edit it again below.",
        ),
        (ADDED, "add"): pgettext_lazy(
            "about a masculine noun",
            "The {name} “{obj}” was added successfully. You may add another {name} below.",
        ),
        (CHANGED, None): pgettext_lazy(
            "about a masculine noun",
            "The {name} “{obj}” was changed successfully.",
        ),
        (CHANGED, "edit"): pgettext_lazy(
            "about a masculine noun",
            "The {name} “{obj}” was changed successfully. You may edit it again below.",
        ),
        (CHANGED, "add"): pgettext_lazy(
            "about a masculine noun",
            "The {name} “{obj}” was changed successfully. You may add another {name} below.",
        ),
        (DELETED, None): pgettext_lazy(
            "about a masculine noun",
            "The %(name)s “%(obj)s” was deleted successfully.",
        ),
    },
    "feminine": {
        (RECOVERABLE, None): pgettext_lazy(
            "about a feminine noun", 'It can be recovered from <a href="{url}">its history</a>.'
        ),
        (ADDED, None): pgettext_lazy(
            "about a feminine noun",
            "The {name} “{obj}” was added successfully.",
        ),
        (ADDED, "edit"): pgettext_lazy(
            "about a feminine noun",
            "The {name} “{obj}” was added successfully. You may edit it again below.",
        ),
        (ADDED, "add"): pgettext_lazy(
            "about a feminine noun",
            "The {name} “{obj}” was added successfully. You may add another {name} below.",
        ),
        (CHANGED, None): pgettext_lazy(
            "about a feminine noun",
            "The {name} “{obj}” was changed successfully.",
        ),
        (CHANGED, "edit"): pgettext_lazy(
            "about a feminine noun",
            "The {name} “{obj}” was changed successfully. You may edit it again below.",
        ),
        (CHANGED, "add"): pgettext_lazy(
            "about a feminine noun",
            "The {name} “{obj}” was changed successfully. You may add another {name} below.",
        ),
        (DELETED, None): pgettext_lazy(
            "about a feminine noun",
            "The %(name)s “%(obj)s” was deleted successfully.",
        ),
    },
    "neuter": {
        (RECOVERABLE, None): pgettext_lazy(
            "about a neuter noun", 'It can be recovered from <a href="{url}">its history</a>.'
        ),
        (ADDED, None): pgettext_lazy(
            "about a neuter noun",
            "The {name} “{obj}” was added successfully.",
        ),
        (ADDED, "edit"): pgettext_lazy(
            "about a neuter noun",
            "The {name} “{obj}” was added successfully. You may edit it again below.",
        ),
        (ADDED, "add"): pgettext_lazy(
            "about a neuter noun",
            "The {name} “{obj}” was added successfully. You may add another {name} below.",
        ),
        (CHANGED, None): pgettext_lazy(
            "about a neuter noun",
            "The {name} “{obj}” was changed successfully.",
        ),
        (CHANGED, "edit"): pgettext_lazy(
            "about a neuter noun",
            "The {name} “{obj}” was changed successfully. You may edit it again below.",
        ),
        (CHANGED, "add"): pgettext_lazy(
            "about a neuter noun",
            "The {name} “{obj}” was changed successfully. You may add another {name} below.",
        ),
        (DELETED, None): pgettext_lazy(
            "about a neuter noun",
            "The %(name)s “%(obj)s” was deleted successfully.",
        ),
    },
}
