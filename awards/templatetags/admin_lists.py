"""The admin's change lists on a phone, where each row is a card: every cell carries its
column's name (``data-label``), which the admin stylesheet shows before the value."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

register = template.Library()

_OPENING = re.compile(r"^\s*<(td|th)\b")


@register.filter
def labelled_cells(result, headers):
    """The row's cells, each named by its column (the checkbox column has no name)."""
    cells = []
    for cell, header in zip(result, headers, strict=False):
        name = str(header.get("text", ""))
        if "<" in name or not name:
            cells.append(cell)
            continue
        label = escape(capfirst(name))
        cells.append(mark_safe(_OPENING.sub(rf'<\1 data-label="{label}"', str(cell), count=1)))
    return cells
