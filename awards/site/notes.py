"""The notes of one page, as a reference work gives them: each fact carries a numbered mark, and
the foot of the page gives, once, the passage each number stands for.

A passage (one sentence of a source: its source, paragraph and sentence) gets one note per
page however many facts cite it, numbered in the order the page first cites it; the note
keeps every mark that cites it, so that it can link back to each. An editor's remark (a
provision's note, the same words on several provisions) is a note too, kept once by its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from awards.models import Citation

# Where a sentence ends: its stop, then a space and a capital, but not after an initial or a
# one-letter abbreviation («А. Поманский», «1940 г. Указ»).
_SENTENCE_END = re.compile(r"(?<!\b\w\.)(?<=[.!?…])\s+(?=[«\"“(]?[A-ZА-ЯЁ])")

# Where a page's collector lives on its request: one per request, so one per rendered page.
_REQUEST_ATTRIBUTE = "awards_page_notes"


@dataclass
class Note:
    """One numbered note: a passage of a source, or an editor's remark; the marks citing it."""

    number: int
    citation: Citation | None = None
    remark: str = ""
    mark_ids: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"note-{self.number}"

    def new_mark(self) -> str:
        """The id of one more mark citing this note: ``ref-3-1``, ``ref-3-2``…"""
        mark_id = f"ref-{self.number}-{len(self.mark_ids) + 1}"
        self.mark_ids.append(mark_id)
        return mark_id


@dataclass(frozen=True)
class Mark:
    """A fact's mark: the note it points to and its own id, for the note's back-link."""

    note: Note
    id: str


class PageNotes:
    """The notes of one page, numbered in the order of first use."""

    def __init__(self) -> None:
        self._by_key: dict[tuple, Note] = {}
        self.notes: list[Note] = []

    def cite(self, citation: Citation) -> Mark:
        """A mark for a fact stated by the passage; one note for each sentence of a source."""
        return self._mark(_passage_key(citation), citation=citation)

    def cite_all(self, citations) -> list[Mark]:
        """The marks of a fact stated by these passages: one for each sentence, however often
        the list names it."""
        marks, seen = [], set()
        for citation in citations:
            if (key := _passage_key(citation)) not in seen:
                seen.add(key)
                marks.append(self.cite(citation))
        return marks

    def remark(self, text: str) -> list[Mark]:
        """The marks of an editor's remark, one for each of its sentences: a sentence that
        several remarks repeat (the same caveat on several provisions) is one note."""
        sentences = [" ".join(part.split()) for part in _SENTENCE_END.split(text)]
        return [self._mark(("remark", words), remark=words) for words in sentences if words]

    def _mark(self, key: tuple, **content) -> Mark:
        note = self._by_key.get(key)
        if note is None:
            note = Note(number=len(self.notes) + 1, **content)
            self._by_key[key] = note
            self.notes.append(note)
        return Mark(note=note, id=note.new_mark())


def _passage_key(citation: Citation) -> tuple:
    return ("passage", citation.source_id, citation.paragraph, citation.sentence)


def page_notes(request) -> PageNotes:
    """The notes of the page the request renders, made on first use."""
    notes = getattr(request, _REQUEST_ATTRIBUTE, None)
    if notes is None:
        notes = PageNotes()
        setattr(request, _REQUEST_ATTRIBUTE, notes)
    return notes
