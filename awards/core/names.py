"""Names as they are compared: case, ё, hyphens, spaces and dots written alike, initials
told from names. Plain text in, plain text out."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-‐‑–—.]+")


def normalized_name(text: str | None) -> str:
    """A part of a name as it is compared: lower case, ё as е, hyphens, dots and runs of
    spaces as one space."""
    return _SEPARATORS.sub(" ", (text or "").lower().replace("ё", "е")).strip()


def is_initial(text: str | None) -> bool:
    """A part of a name given by its first letter only («А.», «А»)."""
    return len(normalized_name(text)) == 1


def split_initials(text: str) -> list[str]:
    """The initials of a cell that holds them together («В. А.», «В.А.»): ["В.", "А."];
    nothing if the cell holds anything but initials."""
    letters = [part for part in re.split(r"[\s.]+", text.strip()) if part]
    if letters and all(len(letter) == 1 and letter.isalpha() for letter in letters):
        return [f"{letter.upper()}." for letter in letters]
    return []


def sort_key(text: str | None) -> str:
    """A name as Russian alphabetical order sorts it: lower case, ё with е (Королёв before
    Королевич), runs of spaces as one; cut to the 200 characters a key column holds."""
    return " ".join((text or "").lower().replace("ё", "е").split())[:200]
