"""Russian and English typography, for plain text and for the text of an HTML page.

The rules, as a Russian or an English book is set:

- quotation marks: «ёлочки» in Russian with „лапки“ inside them, “ ” in English with ‘ ’
  inside, and the apostrophe ’ («People’s»); straight quotes become these by their place
  (after a space or an opening bracket a mark opens, after a word it closes);
- no space before ``, . ; : ! ? ) ] »`` nor after ``( [ « „``;
- non-breaking spaces inside a date («27 декабря», "27 December"), after an initial
  («А. Поманский»), before «г.»/«гг.», between a number and «№», «%», «руб.», «года»;
- a hyphen between spaced words is a dash: « — » in Russian (non-breaking before it),
  « – » in English; a range of years takes an en dash (1938–1991).

Words are never changed: only quotation marks, dashes and spaces are, so a quotation from
the source is shown typeset and says what the source says.

In HTML (:func:`typeset_html`) only the text between tags is set, each run in the language of
its nearest ``lang``; tags and their attributes, comments and the inside of ``script``,
``style``, ``pre``, ``code`` and ``textarea`` are kept as they are. Inline tags are
transparent (``"<a>Серп и Молот</a>"`` is one quotation), a block tag ends a run of text.
"""

from __future__ import annotations

import functools
import html
import re

NBSP = "\u00a0"
TAG = "\ue000"  # an inline tag in the text being set: transparent to the rules
BREAK = "\ue001"  # a block tag: a quotation or a date never runs across it
_GAP = f"{TAG}*"
_SPACE = rf"[ \t\r\n{NBSP}]+"

QUOTES = {"ru": (("«", "»"), ("„", "“")), "en": (("“", "”"), ("‘", "’"))}
APOSTROPHE = "’"
_MARK_OR_BREAK = re.compile(f"[\"'«»„“”‘’{BREAK}]")
_OPENING_CONTEXT = set(" \t\r\n" + NBSP + "([{«„“‘—–-/" + BREAK)

_MONTHS_RU = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
_AFTER_NUMBER_RU = (
    r"гг?\.|вв?\.|г\.|года|году|годом|годах|годов|год|лет|%|руб\.|коп\.|тыс\.|млн|млрд"
)
_AFTER_NUMBER_EN = r"%"


def _rule(pattern: str, replacement: str, *, needs: str = "") -> tuple[re.Pattern, str, str]:
    """A rule: what it finds, what replaces it, and the characters without any of which the
    text has nothing for it (a quick test that spares most texts most rules)."""
    return re.compile(pattern), replacement, needs


_RANGE = rf"\b(?<![\-–])(\d{{4}})({_GAP})(?:-|[ {NBSP}]?[–—][ {NBSP}]?)({_GAP})(\d{{4}})(?![\d\-])"
_MONTHS = f"{_MONTHS_RU}|{_MONTHS_EN}"
_DIGITS = "0123456789"
_COMMON_RULES = [
    # No space before closing punctuation, none after an opening bracket or quote.
    _rule(rf"{_SPACE}({_GAP})(?=[,.;:!?)\]»])", r"\1"),
    _rule(rf"([(\[«„])({_GAP}){_SPACE}", r"\1\2", needs="([«„"),
    # A range of years: 1938-1991, 1938 – 1991.
    _rule(_RANGE, r"\1\2–\3\4", needs="-–—"),
    # An initial keeps to what follows it: «А. А. Иванов», «A. Pomansky».
    _rule(
        rf"\b(?<!\.)([A-ZА-ЯЁ]\.)({_GAP}){_SPACE}(?=({_GAP})[A-ZА-ЯЁ])", rf"\1\2{NBSP}", needs="."
    ),
    # «№ 2», "No. 2".
    _rule(rf"(№|No\.)({_GAP}){_SPACE}(?=({_GAP})\d)", rf"\1\2{NBSP}", needs="№N"),
    # A date in either language, wherever it stands: «27 декабря», "27 December", "May 22".
    _rule(
        rf"\b(\d{{1,2}})({_GAP}){_SPACE}(?=({_GAP})(?:{_MONTHS})\b)", rf"\1\2{NBSP}", needs=_DIGITS
    ),
    _rule(
        rf"\b({_MONTHS_EN})({_GAP}){_SPACE}(?=({_GAP})\d{{1,2}}\b)", rf"\1\2{NBSP}", needs=_DIGITS
    ),
    _rule(r"\.\.\.", "…", needs="."),
]
# A dash between spaced words: «медаль - золотая» → «медаль — золотая», "medal – gold".
_SPACED_DASH = rf"(?<=[^\s{TAG}{BREAK}])({_GAP}){_SPACE}(?:--?|–|—)(?=({_GAP}){_SPACE})"
# English keeps the dash it is given («Hero of Labour — established»); a hyphen becomes one.
_SPACED_HYPHEN = rf"(?<=[^\s{TAG}{BREAK}])({_GAP}){_SPACE}--?(?=({_GAP}){_SPACE})"
_RULES = {
    "ru": [
        *_COMMON_RULES,
        _rule(
            rf"(\d)({_GAP}){_SPACE}(?=({_GAP})(?:{_AFTER_NUMBER_RU})(?!\w))",
            rf"\1\2{NBSP}",
            needs=_DIGITS,
        ),
        _rule(_SPACED_DASH, rf"\1{NBSP}—", needs="-–—"),
    ],
    "en": [
        *_COMMON_RULES,
        _rule(
            rf"(\d)({_GAP}){_SPACE}(?=({_GAP})(?:{_AFTER_NUMBER_EN})(?!\w))",
            rf"\1\2{NBSP}",
            needs="%",
        ),
        _rule(_SPACED_HYPHEN, rf"\1{NBSP}–", needs="-"),
        _rule(rf"([“‘])({_GAP}){_SPACE}", r"\1\2", needs="“‘"),
        _rule(rf"{_SPACE}({_GAP})(?=”)", r"\1", needs="”"),
    ],
}


def typeset(text: str, *, language: str, state: dict | None = None) -> str:
    """The text set by the rules of its language (Russian, or English for any other).

    ``state`` carries the open quotations from the text before (see :func:`typeset_html`)."""
    language = "ru" if language.startswith("ru") else "en"
    text = _quotation_marks(text, language=language, state=state or _new_state())
    for pattern, replacement, needs in _RULES[language]:
        if not needs or any(char in text for char in needs):
            text = pattern.sub(replacement, text)
    return text


def _new_state() -> dict:
    # The open quotations of each language ("double", "single", or "low" for „), the
    # innermost last, and the last character seen.
    return {"ru": [], "en": [], "previous": BREAK}


def _quotation_marks(text: str, *, language: str, state: dict) -> str:
    """Each quotation mark as its language writes it at its depth; an apostrophe as ’."""
    levels = QUOTES[language]
    out = []
    open_quotes = state[language]
    position = 0
    for found in _MARK_OR_BREAK.finditer(text):
        index, char = found.start(), found.group()
        out.append(text[position:index])
        position = index + 1
        if char == BREAK:
            state["ru"].clear()
            state["en"].clear()
            out.append(char)
            continue
        previous = _visible(text, index, step=-1, before=state["previous"])
        following = _visible(text, index, step=1, before=BREAK)
        kind = _quote_kind(char, language=language, open_quotes=open_quotes)
        out.append(_mark(kind, char, previous, following, open_quotes, levels))
    out.append(text[position:])
    state["previous"] = _visible(text, len(text), step=-1, before=state["previous"])
    return "".join(out)


def _quote_kind(char: str, *, language: str, open_quotes: list[str]) -> str | None:
    if char in '"«»„”':
        return "double"
    if char == "“":
        # In Russian “ closes „; anywhere else it is a double quote to be placed.
        return "close-low" if language == "ru" and open_quotes[-1:] == ["low"] else "double"
    if char in "'‘’":
        return "single"
    return None


def _mark(kind, char, previous, following, open_quotes, levels) -> str:
    if kind == "close-low":
        open_quotes.pop()
        return levels[min(len(open_quotes), 1)][1]
    if kind == "single":
        russian = levels is QUOTES["ru"]
        # Russian has no single quotation marks: there it closes any open quotation.
        closes = open_quotes if russian else "single" in open_quotes[-1:]
        if previous.isalnum() and (following.isalnum() or not closes):
            return APOSTROPHE  # People’s, the Commissars’
        if russian:
            kind = "double"
        elif char == "’":
            return APOSTROPHE
    opens = char in "«„‘" or (char in "\"'“" and previous in _OPENING_CONTEXT)
    if opens:
        depth = min(len(open_quotes), 1)
        open_quotes.append("low" if levels is QUOTES["ru"] and depth else kind)
        return levels[depth][0] if kind == "double" else levels[1][0]
    if open_quotes:
        open_quotes.pop()
    if kind == "single" and levels is QUOTES["en"]:
        return levels[1][1]
    return levels[min(len(open_quotes), 1)][1]


def _visible(text: str, index: int, *, step: int, before: str) -> str:
    """The character next to ``index`` in the direction of ``step``, inline tags skipped
    (``before`` when there is none)."""
    index += step
    while 0 <= index < len(text):
        if text[index] != TAG:
            return text[index]
        index += step
    return before


# --- HTML -------------------------------------------------------------------------------

# One literal "<" in front, runs of plain characters taken at once and never given back
# (possessive): the scan costs a few milliseconds on a long page and never backtracks.
_TOKENS = re.compile(
    r"<(?:!--.*?-->"
    r"|(script|style|pre|code|textarea)\b(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+>.*?</\1\s*>"
    r"|(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+>)",
    re.S | re.I,
)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w:-]*)")
_LANG = re.compile(r"""\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
# Elements inside a line of text: a quotation or a date runs across them.
INLINE = frozenset(
    ["a", "abbr", "b", "bdi", "bdo", "br", "cite", "data", "dfn", "em", "i", "img", "kbd",
     "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
     "wbr", "tspan"]
)  # fmt: skip
VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"]
)  # fmt: skip


def typeset_html(document: str, *, language: str) -> str:
    """The document with the text between its tags set in the language of each part."""
    tags: list[str] = []
    pieces: list[tuple[str, str]] = []  # (text with TAG/BREAK marks, language)
    open_elements: list[tuple[str, str]] = [("", language)]
    position = 0
    for match in _TOKENS.finditer(document):
        start = match.start()
        current = open_elements[-1][1]
        if start > position:
            pieces.append((_text_of(document[position:start]), current))
        tag = match.group(0)
        tags.append(tag)
        placeholder, closing, element, tag_language = _tag(tag)
        pieces.append((placeholder, current))
        if closing:
            for index in range(len(open_elements) - 1, 0, -1):
                if open_elements[index][0] == element:
                    del open_elements[index:]
                    break
        elif element:
            open_elements.append((element, tag_language or current))
        position = match.end()
    if position < len(document):
        pieces.append((_text_of(document[position:]), open_elements[-1][1]))
    typeset_text = "".join(_typeset_runs(pieces))
    return _restore(typeset_text, tags)


def _text_of(source: str) -> str:
    """The characters of HTML text, without the two that stand for tags while it is set
    (private-use characters no text needs, which a visitor could type into a search)."""
    if "&" in source:
        source = html.unescape(source)
    if TAG in source or BREAK in source:
        source = source.replace(TAG, "").replace(BREAK, "")
    return source


@functools.lru_cache(maxsize=4096)
def _tag(tag: str) -> tuple[str, bool, str, str]:
    """What a tag is to the text around it: its placeholder (TAG for an inline element,
    BREAK for any other), whether it closes an element, the element it opens or closes (""
    for none: a comment, a void or self-closed element, a declaration) and the language it
    gives what it opens ("" to inherit). Tags repeat on every page: each is read once."""
    name = _TAG_NAME.match(tag)
    placeholder = TAG if name and name.group(2).lower() in INLINE else BREAK
    if not name or tag.endswith("/>"):
        return placeholder, False, "", ""
    closing, element = name.group(1), name.group(2).lower()
    if closing:
        return placeholder, True, element, ""
    if element in VOID or tag.startswith("<!"):
        return placeholder, False, "", ""
    found = _LANG.search(tag) if "lang" in tag.lower() else None
    return placeholder, False, element, next(filter(None, found.groups()), "") if found else ""


def _typeset_runs(pieces: list[tuple[str, str]]):
    """The pieces set a run of one language at a time."""
    run: list[str] = []
    run_language = None
    state = _new_state()
    for text, language in pieces:
        if language != run_language and run:
            yield from _typeset_run("".join(run), language=run_language or "ru", state=state)
            run = []
        run_language = language
        run.append(text)
    if run:
        yield from _typeset_run("".join(run), language=run_language or "ru", state=state)


_BLOCKS = re.compile(f"(?={BREAK})")


def _typeset_run(text: str, *, language: str, state: dict):
    """A run set block by block. No rule reaches across a block tag (BREAK), which also ends
    every open quotation: what a block that begins with one becomes, and the quotations it
    leaves open, depend on the block alone. So each such block is set once per process
    (:func:`_typeset_block`), and a page rendered again costs only its new or changed blocks."""
    head, *blocks = _BLOCKS.split(text)
    if head:
        yield typeset(head, language=language, state=state)
    for block in blocks:
        typeset_block, open_ru, open_en, previous = _typeset_block(block, language)
        state.update(ru=list(open_ru), en=list(open_en), previous=previous)
        yield typeset_block


@functools.lru_cache(maxsize=8192)
def _typeset_block(block: str, language: str) -> tuple[str, tuple, tuple, str]:
    state = _new_state()
    typeset_block = typeset(block, language=language, state=state)
    return typeset_block, tuple(state["ru"]), tuple(state["en"]), state["previous"]


def _restore(text: str, tags: list[str]) -> str:
    tags_in_order = iter(tags)
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(f"[{TAG}{BREAK}]", lambda _: next(tags_in_order), escaped)
