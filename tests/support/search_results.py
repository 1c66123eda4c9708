"""What a search finds, by kind of record."""

from awards.search.queries import search_records


def found_by_kind(query: str) -> dict[str, set[str]]:
    """The slugs a search finds, by kind of record."""
    return {
        group.kind: {record.slug for record in group.records}
        for group in search_records(query=query)
    }
