"""The admin's words for each kind of record, as Russian needs them: the grammatical
gender that a participle agrees with («Событие … добавлено», «Цитата … добавлена»), the
accusative that «Добавить», «Изменить» and «Удалить» govern («Добавить цитату», «Удалить
выбранных людей») and the counted forms («1 событие», «2 события», «5 событий»).

Each is a translation: the gender is the catalogue's answer for the model's name
(msgctxt «grammatical gender of …», msgid "neuter"), so a language without genders reads
the English phrase unchanged. The messages that use them are in awards.admin.messages."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import ngettext, pgettext_lazy

GENDERS = ("masculine", "feminine", "neuter")


@dataclass(frozen=True)
class Words:
    gender: str
    accusative: str
    selected: str
    counted: Callable[[int], str]

    def count(self, number: int) -> str:
        return self.counted(number) % {"count": number}


# One entry per registered kind of record. A kind missing here reads Django's own words
# (tests.admin.test_messages fails on it).
WORDS = {
    "awards.title": Words(
        gender=pgettext_lazy("grammatical gender of “title”", "neuter"),
        accusative=pgettext_lazy("accusative", "title"),
        selected=pgettext_lazy("accusative", "the selected titles"),
        counted=lambda n: ngettext("%(count)d title", "%(count)d titles", n),
    ),
    "awards.decree": Words(
        gender=pgettext_lazy("grammatical gender of “normative act”", "neuter"),
        accusative=pgettext_lazy("accusative", "normative act"),
        selected=pgettext_lazy("accusative", "the selected normative acts"),
        counted=lambda n: ngettext("%(count)d normative act", "%(count)d normative acts", n),
    ),
    "awards.medal": Words(
        gender=pgettext_lazy("grammatical gender of “insignia”", "neuter"),
        accusative=pgettext_lazy("accusative", "insignia"),
        selected=pgettext_lazy("accusative", "the selected insignia"),
        counted=lambda n: ngettext("%(count)d insignia", "%(count)d insignia", n),
    ),
    "awards.event": Words(
        gender=pgettext_lazy("grammatical gender of “event”", "neuter"),
        accusative=pgettext_lazy("accusative", "event"),
        selected=pgettext_lazy("accusative", "the selected events"),
        counted=lambda n: ngettext("%(count)d event", "%(count)d events", n),
    ),
    "awards.authority": Words(
        gender=pgettext_lazy("grammatical gender of “authority”", "neuter"),
        accusative=pgettext_lazy("accusative", "authority"),
        selected=pgettext_lazy("accusative", "the selected authorities"),
        counted=lambda n: ngettext("%(count)d authority", "%(count)d authorities", n),
    ),
    "awards.provision": Words(
        gender=pgettext_lazy("grammatical gender of “provision”", "neuter"),
        accusative=pgettext_lazy("accusative", "provision"),
        selected=pgettext_lazy("accusative", "the selected provisions"),
        counted=lambda n: ngettext("%(count)d provision", "%(count)d provisions", n),
    ),
    "awards.source": Words(
        gender=pgettext_lazy("grammatical gender of “source”", "neuter"),
        accusative=pgettext_lazy("accusative", "source"),
        selected=pgettext_lazy("accusative", "the selected sources"),
        counted=lambda n: ngettext("%(count)d source", "%(count)d sources", n),
    ),
    "awards.citation": Words(
        gender=pgettext_lazy("grammatical gender of “citation”", "neuter"),
        accusative=pgettext_lazy("accusative", "citation"),
        selected=pgettext_lazy("accusative", "the selected citations"),
        counted=lambda n: ngettext("%(count)d citation", "%(count)d citations", n),
    ),
    "awards.person": Words(
        gender=pgettext_lazy("grammatical gender of “person”", "neuter"),
        accusative=pgettext_lazy("accusative", "person"),
        selected=pgettext_lazy("accusative", "the selected people"),
        counted=lambda n: ngettext("%(count)d person", "%(count)d people", n),
    ),
    "awards.conferment": Words(
        gender=pgettext_lazy("grammatical gender of “conferment”", "neuter"),
        accusative=pgettext_lazy("accusative", "conferment"),
        selected=pgettext_lazy("accusative", "the selected conferments"),
        counted=lambda n: ngettext("%(count)d conferment", "%(count)d conferments", n),
    ),
    "awards.importlog": Words(
        gender=pgettext_lazy("grammatical gender of “import”", "neuter"),
        accusative=pgettext_lazy("accusative", "import"),
        selected=pgettext_lazy("accusative", "the selected imports"),
        counted=lambda n: ngettext("%(count)d import", "%(count)d imports", n),
    ),
    "awards.importjob": Words(
        gender=pgettext_lazy("grammatical gender of “background import”", "neuter"),
        accusative=pgettext_lazy("accusative", "background import"),
        selected=pgettext_lazy("accusative", "the selected background imports"),
        counted=lambda n: ngettext(
            "%(count)d background import", "%(count)d background imports", n
        ),
    ),
    "awards.pendingrevision": Words(
        gender=pgettext_lazy("grammatical gender of “change awaiting review”", "neuter"),
        accusative=pgettext_lazy("accusative", "change awaiting review"),
        selected=pgettext_lazy("accusative", "the selected changes awaiting review"),
        counted=lambda n: ngettext(
            "%(count)d change awaiting review", "%(count)d changes awaiting review", n
        ),
    ),
    "auth.user": Words(
        gender=pgettext_lazy("grammatical gender of “user”", "neuter"),
        accusative=pgettext_lazy("accusative", "user"),
        selected=pgettext_lazy("accusative", "the selected users"),
        counted=lambda n: ngettext("%(count)d user", "%(count)d users", n),
    ),
    "auth.group": Words(
        gender=pgettext_lazy("grammatical gender of “group”", "neuter"),
        accusative=pgettext_lazy("accusative", "group"),
        selected=pgettext_lazy("accusative", "the selected groups"),
        counted=lambda n: ngettext("%(count)d group", "%(count)d groups", n),
    ),
    "axes.accessattempt": Words(
        gender=pgettext_lazy("grammatical gender of “access attempt”", "neuter"),
        accusative=pgettext_lazy("accusative", "access attempt"),
        selected=pgettext_lazy("accusative", "the selected access attempts"),
        counted=lambda n: ngettext("%(count)d access attempt", "%(count)d access attempts", n),
    ),
    "axes.accesslog": Words(
        gender=pgettext_lazy("grammatical gender of “access log”", "neuter"),
        accusative=pgettext_lazy("accusative", "access log"),
        selected=pgettext_lazy("accusative", "the selected access logs"),
        counted=lambda n: ngettext("%(count)d access log", "%(count)d access logs", n),
    ),
    "axes.accessfailurelog": Words(
        gender=pgettext_lazy("grammatical gender of “access failure”", "neuter"),
        accusative=pgettext_lazy("accusative", "access failure"),
        selected=pgettext_lazy("accusative", "the selected access failures"),
        counted=lambda n: ngettext("%(count)d access failure", "%(count)d access failures", n),
    ),
    "django_tasks_database.dbtaskresult": Words(
        gender=pgettext_lazy("grammatical gender of “task result”", "neuter"),
        accusative=pgettext_lazy("accusative", "task result"),
        selected=pgettext_lazy("accusative", "the selected task results"),
        counted=lambda n: ngettext("%(count)d task result", "%(count)d task results", n),
    ),
}


def words_for(opts) -> Words | None:
    return WORDS.get(opts.label_lower)


def gender_of(opts) -> str | None:
    """The gender a message about this kind agrees with, or None where the catalogue has
    none (Django's own message is then used)."""
    words = words_for(opts)
    gender = str(words.gender) if words else None
    return gender if gender in GENDERS else None


def accusative(opts) -> str:
    """«цитату», «человека»: what «Добавить», «Изменить», «Удалить» govern."""
    words = words_for(opts)
    return str(words.accusative if words else opts.verbose_name)


def selected(opts) -> str | None:
    """«выбранные события», «выбранных людей»; None for a kind without words."""
    words = words_for(opts)
    return str(words.selected) if words else None


def counted(opts, number: int) -> str:
    """«5 событий»; for a kind without words, «события: 5»."""
    words = words_for(opts)
    if words is None:
        return f"{opts.verbose_name_plural}: {number}"
    return words.count(number)
