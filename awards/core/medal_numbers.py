"""The numbers of medals as sources write them («12 345», «№ 1234»), read as numbers."""

from __future__ import annotations

import re

_MEDAL_NUMBER = re.compile(r"^\s*(?:№|No\.?|N)?\s*([\d\s\u00a0\u202f]{1,12})\s*$", re.IGNORECASE)


def medal_order_of(text: str) -> int | None:
    """The number a medal's number holds («12 345», «№ 1234»), or None when it holds none
    (a letter, two numbers, a question mark): such numbers are listed apart."""
    found = _MEDAL_NUMBER.match(text or "")
    if not found:
        return None
    digits = re.sub(r"\D", "", found.group(1))
    return int(digits) if digits else None
