"""The ``other_names`` cell of a registry list: a person's other names, each with its
kind and, if stated, its language.

Names are separated by semicolons; each may end with its kind and language in
parentheses, separated by a comma::

    Kullman Helene (spelling, en); Иванов Пётр (birth); Иванов-Бедный (pen)

The kind is one of ``birth`` (a name at birth), ``pen`` (a pen name), ``spelling`` (a
spelling in another language or by another system), ``other`` — or its Russian word
(«при рождении», «псевдоним», «написание», «другое»); a name without parentheses is of
kind ``other``. The language is a code (``ru``, ``en``, ``de``…). Export writes the same
format, so that a list exported imports again unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from awards.models import OtherName

KINDS = {
    **{kind: kind for kind in OtherName.Kind.values},
    "при рождении": OtherName.Kind.BIRTH,
    "псевдоним": OtherName.Kind.PEN,
    "написание": OtherName.Kind.SPELLING,
    "другое": OtherName.Kind.OTHER,
}
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")
_QUALIFIED = re.compile(r"^(?P<name>.*?)\s*\((?P<qualifiers>[^()]*)\)$")
NAME_LENGTH = OtherName._meta.get_field("name").max_length


@dataclass(frozen=True)
class OtherNameCell:
    """One other name as a list gives it."""

    name: str
    kind: str = OtherName.Kind.OTHER
    language: str = ""


def parse_other_names(text: str) -> list[OtherNameCell]:
    """The other names of a cell; ValueError naming what is wrong (an unknown kind, a
    language that is not a code, a name too long or empty)."""
    names = []
    for part in (part.strip() for part in text.split(";")):
        if not part:
            continue
        name, kind, language = part, OtherName.Kind.OTHER, ""
        qualified = _QUALIFIED.match(part)
        if qualified:
            name = qualified["name"]
            qualifiers = [word.strip() for word in qualified["qualifiers"].split(",")]
            kind = KINDS.get(qualifiers[0].lower())
            if kind is None:
                raise ValueError(
                    _("“%(kind)s” is not a kind of name. Write one of: %(kinds)s.")
                    % {"kind": qualifiers[0], "kinds": ", ".join(OtherName.Kind.values)}
                )
            if len(qualifiers) > 2:
                raise ValueError(
                    _("Write a name's kind and language only: “%(part)s”.") % {"part": part}
                )
            if len(qualifiers) == 2:
                language = qualifiers[1].lower()
                if not LANGUAGE.match(language):
                    raise ValueError(
                        _("“%(language)s” is not a language code (ru, en, de…).")
                        % {"language": qualifiers[1]}
                    )
        if not name:
            raise ValueError(_("A name is missing before “%(part)s”.") % {"part": part})
        if len(name) > NAME_LENGTH:
            raise ValueError(
                ngettext(
                    "A name is longer than %(length)d character.",
                    "A name is longer than %(length)d characters.",
                    NAME_LENGTH,
                )
                % {"length": NAME_LENGTH}
            )
        names.append(OtherNameCell(name=name, kind=kind, language=language))
    return names


def format_other_names(names) -> str:
    """Other names (records or cells) in one cell, as ``parse_other_names`` reads it."""
    return "; ".join(
        f"{name.name} ({name.kind}{f', {name.language}' if name.language else ''})"
        for name in names
    )
