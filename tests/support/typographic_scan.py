"""The typographic faults of a page's text, as a careful editor would mark them.

The page is read as a browser shows it: the text of its elements (never a tag's attributes,
nor the inside of ``script``, ``style``, ``pre``, ``code`` or ``textarea``), each character in
the language of its nearest ``lang``. Inline elements join their text (``27 <b>декабря</b>``
is one run of words, split where the browser may split it); block elements start a new run.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from tests.support.html_facts import VOID

UNREAD = {"script", "style", "pre", "code", "textarea", "template"}
INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "i", "kbd", "mark", "q", "s",
    "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "tspan",
}  # fmt: skip
SPACE = " \u00a0"
URL = re.compile(r"https?://\S+")
MONTHS_RU = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"

# (what is wrong, pattern) for text in any language.
ANY_LANGUAGE = [
    ("straight double quote", re.compile(r'"')),
    ("breakable space inside a date", re.compile(rf"\b\d{{1,2}} (?:{MONTHS_RU}|{MONTHS_EN})\b")),
    ("breakable space inside a date", re.compile(rf"\b(?:{MONTHS_EN}) \d{{1,2}}\b")),
    ("breakable space after an initial", re.compile(r"(?<![\w.])[A-ZА-ЯЁ]\. (?=[A-ZА-ЯЁ])")),
    ("breakable space before «г.»", re.compile(r"\d (?:гг?|вв?)\.")),
    ("breakable space beside a number sign or unit", re.compile(r"№ \d|\d (?:%|руб\.|коп\.)")),
    ("space before punctuation", re.compile(rf"[{SPACE}][,.;:!?)\]»](?!\.)")),
    ("space after an opening bracket or quote", re.compile(rf"[(\[«„][{SPACE}]")),
    ("hyphen with spaces between words", re.compile(rf"[^\W_][{SPACE}]+-[{SPACE}]+\w")),
    ("range with an open start", re.compile(r"\(\s*[–—-]\s*\d")),
    ("range closed by words", re.compile(rf"\d[–-][{SPACE}]*[^\W\d_]")),
]
BY_LANGUAGE = {
    "ru": [
        ("straight single quote", re.compile(r"'")),
        ("English quotation mark", re.compile(r"[”‘]|(?<![^\W\d_])’|“(?![\W])")),
    ],
    "en": [
        ("straight single quote", re.compile(r"'")),
        ("Russian quotation mark", re.compile(r"[«»„]")),
        ("space after an opening quote", re.compile(rf"[“‘][{SPACE}]")),
        ("space before a closing quote", re.compile(rf"[{SPACE}]”")),
    ],
}


@dataclass
class Fault:
    what: str
    context: str

    def __str__(self):
        return f"{self.what}: …{self.context}…"


class _TextRuns(HTMLParser):
    """Runs of visible text, each a list of (text, language) pieces."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.runs: list[list[tuple[str, str]]] = [[]]
        self.stack: list[tuple[str, str]] = []  # (tag, language)
        self.unread_depth = 0

    def _language(self) -> str:
        return self.stack[-1][1] if self.stack else ""

    def handle_starttag(self, tag, attrs):
        if tag not in INLINE:
            self.runs.append([])
        if tag in VOID:
            return
        language = dict(attrs).get("lang") or self._language()
        self.stack.append((tag, (language or "").split("-")[0]))
        if tag in UNREAD:
            self.unread_depth += 1

    def handle_endtag(self, tag):
        if tag not in INLINE:
            self.runs.append([])
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                closed = self.stack[index:]
                del self.stack[index:]
                self.unread_depth -= sum(1 for name, _ in closed if name in UNREAD)
                return

    def handle_data(self, data):
        if not self.unread_depth:
            self.runs[-1].append((re.sub(r"[ \t\r\n]+", " ", data), self._language()))


def typographic_faults(html: str) -> list[Fault]:
    """Every fault of the page's text (see the module's docstring)."""
    parser = _TextRuns()
    parser.feed(html)
    parser.close()
    faults = []
    for run in parser.runs:
        # An address written out (a citation's URL) is not prose: blanked, its length kept so
        # that each character keeps its language.
        text = URL.sub(lambda match: "u" * len(match.group()), "".join(piece for piece, _ in run))
        languages = "".join(language[:2].ljust(2) for piece, language in run for _ in piece)
        for what, pattern in ANY_LANGUAGE:
            faults += [_fault(what, text, match) for match in pattern.finditer(text)]
        for language, rules in BY_LANGUAGE.items():
            for what, pattern in rules:
                faults += [
                    _fault(what, text, match)
                    for match in pattern.finditer(text)
                    if languages[2 * match.start() : 2 * match.start() + 2] == language
                ]
    return faults


def _fault(what: str, text: str, match: re.Match) -> Fault:
    context = text[max(0, match.start() - 30) : match.end() + 30].replace("\u00a0", "⍽")
    return Fault(what, context)
