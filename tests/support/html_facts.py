"""Reading a page's facts and their source links, as the convention of templates/base.html marks
them: ``data-fact`` on an element that states a fact, ``data-cites`` on a link to its passage or
on a note's mark (a link to the note at the foot of the page, which links to the passage)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict
    parent: "Element | None"
    children: list["Element"] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def all_text(self) -> str:
        return " ".join(" ".join(node.text) for node in self.walk()).strip()

    def cites(self) -> list["Element"]:
        return [node for node in self.walk() if node.tag == "a" and "data-cites" in node.attrs]

    def describe(self) -> str:
        return f"<{self.tag} {self.attrs}> {' '.join(self.all_text().split())[:120]!r}"


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(
            Element(tag, {name: value or "" for name, value in attrs}, self.current)
        )

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.text.append(data)


def parse(html: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# What shows a record's facts, wherever it appears: each must be, or be inside, a data-fact.
def _is_fact_bearing(element: Element) -> bool:
    classes = element.classes()
    in_record = any(
        "record" in node.classes() and not {"record--source", "record--citation"} & node.classes()
        for node in element.ancestors()
    )
    return (
        ("provision" in classes and element.tag == "div")
        or ("rule" in classes and element.tag == "li")
        or ("entry" in classes and element.tag == "li")
        or "fact-box" in classes
        or (
            element.tag == "li"
            and element.parent is not None
            and "title-items" in element.parent.classes()
            and "title-items__empty" not in classes
        )
        or (in_record and element.tag == "dl" and "facts" in classes)
        or (in_record and element.tag == "p" and "lead" in classes)
    )


def unsourced_facts(html: str, *, source_names: set[str]) -> list[str]:
    """What on the page states a fact without a link to its passage, described for a report.

    A ``data-fact`` element contains an ``a[data-cites]``, or names in its value the id of an
    element that does; every such link leads to a passage or a source and names the source
    (in its text or title); every element that shows a record's facts is marked.
    """
    root = parse(html)
    by_id = {node.attrs["id"]: node for node in root.walk() if node.attrs.get("id")}
    problems = []
    for node in root.walk():
        if "data-fact" in node.attrs:
            holder = by_id.get(node.attrs["data-fact"]) if node.attrs["data-fact"] else node
            if holder is None or not holder.cites():
                problems.append(f"fact without a source link: {node.describe()}")
        is_link = node.tag == "a" and "data-cites" in node.attrs
        if is_link and node.attrs.get("href", "").startswith("#"):
            note = by_id.get(node.attrs["href"][1:])
            if note is None or not any("/citations/" in a.attrs["href"] for a in note.cites()):
                problems.append(f"note mark without a note giving its passage: {node.describe()}")
            elif not any(name in note.all_text() for name in source_names):
                problems.append(f"note that does not name its source: {note.describe()}")
        elif is_link:
            href = node.attrs.get("href", "")
            if "/citations/" not in href and "/sources/" not in href:
                problems.append(f"source link to neither a passage nor a source: {node.describe()}")
            named = node.all_text() + " " + node.attrs.get("title", "")
            if not any(name in named for name in source_names):
                problems.append(f"source link that does not name its source: {node.describe()}")
        if _is_fact_bearing(node) and not any(
            "data-fact" in item.attrs for item in (node, *node.ancestors())
        ):
            problems.append(f"fact not marked data-fact: {node.describe()}")
    return problems


def broken_note_links(html: str) -> list[str]:
    """What breaks the links between a page's note marks and its notes, described for a report.

    Each mark (``sup.note-ref a``) links to a note (``section.notes li``) that exists, and that
    note links back to the mark; each note is linked to by a mark, and each back-link leads to a
    mark that links to it.
    """
    root = parse(html)
    marks = {
        link.attrs.get("id", ""): link
        for sup in root.walk()
        if sup.tag == "sup" and "note-ref" in sup.classes()
        for link in sup.walk()
        if link.tag == "a"
    }
    notes = {
        item.attrs.get("id", ""): item
        for section in root.walk()
        if section.tag == "section" and "notes" in section.classes()
        for item in section.walk()
        if item.tag == "li"
    }
    problems = []
    for mark_id, mark in marks.items():
        target = mark.attrs.get("href", "")[1:]
        if target not in notes:
            problems.append(f"mark {mark_id} links to no note: {mark.describe()}")
        elif f"#{mark_id}" not in {link.attrs.get("href") for link in notes[target].walk()}:
            problems.append(f"note {target} has no link back to mark {mark_id}")
    for note_id, note in notes.items():
        backs = [
            link.attrs["href"][1:]
            for link in note.walk()
            if link.tag == "a" and link.attrs.get("href", "").startswith("#ref-")
        ]
        if not backs:
            problems.append(f"note {note_id} with no mark citing it")
        for back in backs:
            if back not in marks or marks[back].attrs.get("href") != f"#{note_id}":
                problems.append(f"note {note_id} links back to {back}, not a mark of it")
    return problems
