"""Reading an import's preview and its errors as an editor reads them: a group per row of the
file (its number, slug, name and what happens to it), then the cells shown for it."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

from tests.support.html_facts import VOID


@dataclass
class ShownRow:
    heading: str
    slug: str
    name: str
    action: str
    # Column → the texts of its cells after the column (was, becomes; or value, error).
    cells: dict[str, list[str]] = field(default_factory=dict)
    # Column → the words marked (<del> texts, <ins> texts).
    marked: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


@dataclass
class Element:
    """An element with its text and children in document order (text as one string)."""

    tag: str
    attrs: dict
    parent: "Element | None" = None
    content: list = field(default_factory=list)

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    @property
    def children(self) -> list["Element"]:
        return [item for item in self.content if isinstance(item, Element)]

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def all_text(self) -> str:
        return "".join(item if isinstance(item, str) else item.all_text() for item in self.content)


class _Ordered(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Element("document", {})

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.content.append(element)
        if tag not in VOID:
            self.current = element

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.content.append(data)


def parse(html: str) -> Element:
    parser = _Ordered()
    parser.feed(html)
    parser.close()
    return parser.root


def _text(element: Element | None) -> str:
    return " ".join(element.all_text().split()) if element is not None else ""


def _first(element: Element, css_class: str) -> Element | None:
    return next((node for node in element.walk() if css_class in node.classes()), None)


def shown_rows(html: str, table_class: str) -> list[ShownRow]:
    """The rows of the page's table with class ``table_class`` (import-changes, import-errors)."""
    table = next(
        (
            node
            for node in parse(html).walk()
            if node.tag == "table" and table_class in node.classes()
        ),
        None,
    )
    if table is None:
        return []
    rows = []
    for group in (node for node in table.children if node.tag == "tbody"):
        head = _first(group, "import-record__head")
        row = ShownRow(
            heading=_text(_first(head, "import-record__number")),
            slug=_text(_first(head, "import-record__slug")),
            name=_text(_first(head, "import-record__name")),
            action=_text(_first(head, "import-record__action")),
        )
        for line in (node for node in group.children if node.tag == "tr" and node is not head):
            column = next((node for node in line.children if node.tag == "th"), None)
            cells = [node for node in line.children if node.tag == "td"]
            if column is None:
                row.messages += [_text(cell) for cell in cells]
                continue
            row.cells[_text(column)] = [_text(cell) for cell in cells]
            row.marked[_text(column)] = (
                [_text(node) for cell in cells for node in cell.walk() if node.tag == "del"],
                [_text(node) for cell in cells for node in cell.walk() if node.tag == "ins"],
            )
        rows.append(row)
    return rows


def unchanged_summary(html: str) -> tuple[str, list[str]]:
    """The folded list of unchanged rows: its summary line and its items."""
    details = _first(parse(html), "import-unchanged")
    if details is None:
        return "", []
    summary = next(node for node in details.walk() if node.tag == "summary")
    return _text(summary), [_text(node) for node in details.walk() if node.tag == "li"]
