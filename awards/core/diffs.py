"""What changed between two values of a field, marked word by word for the editors.

The edit history and the conflict message show a change as the old and the new value,
each escaped, with the words only the old one has in ``<del>`` and those only the new one
has in ``<ins>``: an editor reads a changed word as one change, so words (not characters)
are compared, and a list (citations, issuing bodies) is compared item by item.
"""

import difflib
import re
from collections.abc import Iterable

from django.db import models
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from awards.core.dates import PartialDate, format_partial_date

EMPTY = "—"
_WORDS = re.compile(r"\s+|\S+")
_ITEM_SEPARATOR = "; "
# Common runs shorter than this between two changes are shown as changed.
_LONE_WORDS = 3


def display_value(field: models.Field, value) -> str | list[str]:
    """A value of ``field`` as an editor reads it: labels of choices, dates as known, yes/no.

    A many-to-many value gives the list of its items' names, whether it holds the records
    or, as the history does, link rows naming them.
    """
    if isinstance(value, list | tuple | set):
        if isinstance(field, models.ManyToManyField):
            target = field.m2m_reverse_field_name()
            value = [item[target] if isinstance(item, dict) else item for item in value]
        return [str(item) for item in value]
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, PartialDate):
        return format_partial_date(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def marked_changes(old: str | list[str], new: str | list[str]) -> tuple[SafeString, SafeString]:
    """The old and the new value, escaped, with removed words in <del> and added ones in <ins>.

    Lists are compared item by item; an empty value reads as a dash.
    """
    if isinstance(old, list) or isinstance(new, list):
        return _mark(_items(old), _items(new), lone_words=0, items=True)
    return _mark(_WORDS.findall(old), _WORDS.findall(new), lone_words=_LONE_WORDS, items=False)


def _items(value: str | list[str]) -> list[str]:
    items = value if isinstance(value, list) else [value] if value else []
    tokens = []
    for item in items:
        tokens += [_ITEM_SEPARATOR, item] if tokens else [item]
    return tokens


def _mark(
    old: list[str], new: list[str], *, lone_words: int, items: bool
) -> tuple[SafeString, SafeString]:
    old_parts, new_parts = [], []
    for same, removed, added in _segments(old, new, lone_words=lone_words):
        if same:
            old_parts.append(escape(removed))
            new_parts.append(escape(added))
        else:
            old_parts.append(_wrapped("del", removed, items=items))
            new_parts.append(_wrapped("ins", added, items=items))
    return _joined(old_parts), _joined(new_parts)


def _segments(old: list[str], new: list[str], *, lone_words: int) -> list[tuple[bool, str, str]]:
    """Runs of tokens as (unchanged?, old text, new text).

    A rewritten sentence shares a word here and there with the old one; a common run of
    fewer than ``lone_words`` words between two changes is read as part of the change.
    """
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    runs = [
        [tag == "equal", "".join(old[old_start:old_end]), "".join(new[new_start:new_end])]
        for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes()
    ]
    for index in range(1, len(runs) - 1):
        run = runs[index]
        if run[0] and len(run[1].split()) < lone_words:
            run[0] = not (runs[index - 1][0] is False and runs[index + 1][0] is False)
    merged: list[list] = []
    for run in runs:
        if merged and not merged[-1][0] and not run[0]:
            merged[-1][1] += run[1]
            merged[-1][2] += run[2]
        else:
            merged.append(run)
    return [tuple(run) for run in merged]


def _wrapped(tag: str, text: str, *, items: bool) -> str:
    """The changed words in the tag, the spaces (and between items the separators) around
    them outside it: the marked text is the changed words alone."""
    core = text.strip()
    if items:
        core = core.strip(_ITEM_SEPARATOR.strip() + " ")
    if not core:
        return escape(text)
    start = text.index(core)
    before, after = text[:start], text[start + len(core) :]
    return f"{escape(before)}<{tag}>{escape(core)}</{tag}>{escape(after)}"


def _joined(parts: Iterable[str]) -> SafeString:
    text = "".join(parts)
    return mark_safe(text if text.strip() else EMPTY)  # every part is escaped above
