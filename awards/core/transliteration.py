"""Russian names in Latin letters by stated standards (the iuliia library's schemas).

- **Display**: the English side of a record a list gives only in Russian is written in
  the Wikipedia style (``iuliia.WIKIPEDIA``: «Дегтярёв Василий» → "Degtyaryov Vasily"),
  the one English-language reference works and the press read most naturally.
- **Search**: a person is also found under the spellings of the other standards a reader
  may have met the name in (``spellings``): the passport (ICAO Doc 9303, "Degtiarev"),
  BGN/PCGN ("Degtyarëv"), ISO 9 (GOST 7.79 system A, "Degtârëv") — each also without its
  diacritics ("Degtyarev", "Degtarev") and with ё written е, as most texts print it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import iuliia

DISPLAY_SCHEMA = iuliia.WIKIPEDIA
SEARCH_SCHEMAS = (iuliia.WIKIPEDIA, iuliia.ICAO_DOC_9303, iuliia.BGN_PCGN, iuliia.GOST_779)
CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+")
# Marks some schemas write inside a word for ь and ъ (ʹ, ʺ, ’, `): left out when folded.
_SIGN_MARKS = dict.fromkeys(map(ord, "ʹʺ’ʼ'`\""), None)


def transliterate(text: str) -> str:
    """The text with its Cyrillic words in Latin letters by the display standard
    (Wikipedia style); everything else kept."""
    return _latin(text, DISPLAY_SCHEMA)


def _latin(text: str, schema) -> str:
    # iuliia's data writes ё of some schemas (BGN/PCGN, ISO 9) as the Cyrillic letter
    # where the standard has the Latin ë.
    return schema.translate(text).replace("ё", "ë").replace("Ё", "Ë")


def folded(text: str) -> str:
    """Latin text without diacritics and sign marks: "Degtârëv" → "Degtarev"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SIGN_MARKS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def spellings(text: str) -> list[str]:
    """Every Latin spelling of the Cyrillic words of a text by the search standards, with
    and without diacritics, and of the text with ё written е (no duplicates, in a stable
    order). Text without Cyrillic letters has none."""
    found: dict[str, None] = {}
    for word in CYRILLIC_WORD.findall(text):
        found.update(dict.fromkeys(_word_spellings(word)))
    return list(found)


@lru_cache(maxsize=65536)
def _word_spellings(word: str) -> tuple[str, ...]:
    # Names repeat (given names, patronymics): each word is spelt once.
    forms = dict.fromkeys((word, word.replace("ё", "е").replace("Ё", "Е")))
    found: dict[str, None] = {}
    for form in forms:
        for schema in SEARCH_SCHEMAS:
            latin = _latin(form, schema)
            found.update(dict.fromkeys((latin, folded(latin))))
    return tuple(found)
