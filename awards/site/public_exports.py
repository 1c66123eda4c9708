"""Exports for the public: a kind's export with every link to a record the public may not
see left out, as the pages leave it out.

The exchange kinds export what editors work with, drafts included; a public file (a data
release, the registry's CSV) wraps its kind in ``PublicLinks`` and passes a queryset of
published records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from awards.exchange.columns import export_columns
from awards.exchange.widgets import SLUG_SEPARATOR
from awards.models import Citation, Title

# The columns of a registry list that name other records (its person is the conferment's,
# published with it).
REGISTRY_LIST_LINKS = {"title": Title, "citations": Citation}


def _linked_models(kind) -> dict:
    resource = getattr(kind, "resource", None)
    if resource is None:
        return REGISTRY_LIST_LINKS
    return {
        column.name: column.target_model
        for column in export_columns(resource)
        if column.target_model is not None and hasattr(column.target_model, "published")
    }


class PublicLinks:
    """An export kind whose cells name only published records (slugs of drafts dropped)."""

    def __init__(self, kind):
        self.kind = kind
        self.sheet_title = kind.sheet_title

    def export_table(self, *, file_format, queryset):
        headers, rows = self.kind.export_table(file_format=file_format, queryset=queryset)
        linked = _linked_models(self.kind)
        guarded = [
            (place, set(linked[name].objects.published().values_list("slug", flat=True)))
            for place, name in enumerate(headers)
            if name in linked
        ]
        return headers, _public_rows(rows, guarded)


def _public_rows(rows: Iterable[list], guarded: list[tuple[int, set]]) -> Iterator[list]:
    for row in rows:
        for place, published in guarded:
            cell = str(row[place])
            slugs = [slug.strip() for slug in cell.split(",") if slug.strip()]
            if any(slug not in published for slug in slugs):
                # The cell's own separator kept: a registry list writes «a,b».
                separator = SLUG_SEPARATOR if SLUG_SEPARATOR in cell else ","
                row[place] = separator.join(slug for slug in slugs if slug in published)
        yield row
