"""Keyset pagination: a page is the rows after (or before) the last one seen, in the order
of a sort key and the primary key, so that any page costs one range of an index — the
last page as little as the first, where OFFSET would read every row before it.

A cursor is the sort key and primary key of a row, written into the address as URL-safe
base64 of JSON. A cursor comes from the address, so from anyone: it is read strictly (a
bounded length, a list of a scalar and a key, no nesting, no infinities), and one that
cannot be read gives the first page, never an error.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

PAGE_SIZE = 50
# Longer than any cursor this module writes (a sort key of 200 characters, in base64).
MAX_CURSOR_CHARS = 1024
MAX_PK = 2**63 - 1


@dataclass(frozen=True)
class KeysetPage:
    items: list
    # Cursors of the pages on either side; None at the start or the end of the list.
    next_cursor: str | None
    previous_cursor: str | None

    @property
    def at_start(self) -> bool:
        return self.previous_cursor is None

    @property
    def at_end(self) -> bool:
        return self.next_cursor is None


def encode_cursor(values: list) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def decode_cursor(text: str | None, *, queryset: QuerySet, key: str) -> tuple | None:
    """The (sort key, primary key) a cursor holds, as the field reads them, or None for a
    cursor that is not one this module wrote."""
    if not text or len(text) > MAX_CURSOR_CHARS:
        return None
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        decoded = json.loads(raw, parse_constant=_refuse_constant)
    except (binascii.Error, ValueError, RecursionError):
        return None
    if not isinstance(decoded, list) or len(decoded) != 2:
        return None
    value, pk = decoded
    if not isinstance(value, str | int) or isinstance(value, bool):
        return None
    if isinstance(value, str) and not _encodable(value):
        return None
    if not isinstance(pk, int) or isinstance(pk, bool) or not 0 < pk <= MAX_PK:
        return None
    try:
        value = queryset.model._meta.get_field(key).to_python(value)
    except (ValueError, TypeError, OverflowError, ValidationError):
        return None
    if value is None:
        return None
    return value, pk


def _encodable(text: str) -> bool:
    # JSON escapes can spell a lone surrogate, which no database can be asked about.
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


def _refuse_constant(name: str):
    # NaN and Infinity are JSON to Python, but no cursor holds them.
    raise ValueError(name)


def keyset_page(
    *,
    queryset: QuerySet,
    key: str,
    after: str | None = None,
    before: str | None = None,
    last: bool = False,
    size: int = PAGE_SIZE,
    row: Callable[[tuple], object] | None = None,
) -> KeysetPage:
    """The page of ``queryset`` in the order of ``key`` then primary key: the first, the one
    after the cursor ``after``, the one before the cursor ``before``, or the last.

    ``row``: ``queryset`` gives values (``values_list``), and ``row`` builds each item from
    them; an item has the key and ``pk`` as attributes, as a record does."""
    field = queryset.model._meta.get_field(key)

    def fetch(rows) -> list:
        return [row(values) for values in rows] if row is not None else list(rows)

    after_key = decode_cursor(after, queryset=queryset, key=key)
    before_key = decode_cursor(before, queryset=queryset, key=key)
    forward = (key, "pk")
    backward = (f"-{key}", "-pk")
    if after_key is not None:
        value, pk = after_key
        # The bound on the key alone lets the database start the index range there.
        rows = fetch(
            queryset.filter(**{f"{key}__gte": value})
            .filter(Q(**{f"{key}__gt": value}) | Q(**{key: value, "pk__gt": pk}))
            .order_by(*forward)[: size + 1]
        )
        items, has_more_after, has_more_before = rows[:size], len(rows) > size, True
    elif before_key is not None or last:
        reverse = queryset
        if before_key is not None:
            value, pk = before_key
            reverse = reverse.filter(**{f"{key}__lte": value}).filter(
                Q(**{f"{key}__lt": value}) | Q(**{key: value, "pk__lt": pk})
            )
        rows = fetch(reverse.order_by(*backward)[: size + 1])
        items = rows[:size][::-1]
        has_more_after, has_more_before = before_key is not None, len(rows) > size
    else:
        rows = fetch(queryset.order_by(*forward)[: size + 1])
        items, has_more_after, has_more_before = rows[:size], len(rows) > size, False

    def cursor(item) -> str:
        return encode_cursor([field.value_to_string(item), item.pk])

    return KeysetPage(
        items=items,
        next_cursor=cursor(items[-1]) if items and has_more_after else None,
        previous_cursor=cursor(items[0]) if items and has_more_before else None,
    )
