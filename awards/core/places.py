"""A passage's place read from what an editor types: "абзац 5, предложение 2".

A passage is labelled with its source, paragraph and sentence (``Citation.__str__``), so
an editor looks for it by those words; the numbers are fields, not text to search.
"""

import re

# The words of the label, in Russian and English, with their usual abbreviations.
_PLACE = re.compile(
    r"\b(?P<word>абзац\w*|абз\.?|paragraph|para\.?|предложени\w*|предл\.?|sentence)"
    r"\s*(?P<number>\d+)",
    re.IGNORECASE,
)
_FIELDS = {"а": "paragraph", "p": "paragraph", "п": "sentence", "s": "sentence"}


def parse_place(text: str) -> tuple[dict[str, int], str]:
    """The paragraph and sentence named in ``text`` as field filters, and the rest of it.

    "Указ, абзац 5, предложение 2" gives ({"paragraph": 5, "sentence": 2}, "Указ"); the
    commas that separate the parts of the label are left out of the rest.
    """
    filters = {}
    for match in _PLACE.finditer(text):
        filters[_FIELDS[match["word"][0].lower()]] = int(match["number"])
    rest = _PLACE.sub(" ", text)
    return filters, " ".join(word.strip(",;") for word in rest.split() if word.strip(",;"))
