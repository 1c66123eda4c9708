"""Pages of the API's lists: keyset pages (awards.core.keyset), as the registry pages have
them, so the last page costs what the first does.

``?after=`` and ``?before=`` take the cursors the previous answer gave as ``next`` and
``previous``; ``?page=last`` asks for the last page. A cursor that cannot be read gives the
first page, never an error (awards.core.keyset).
"""

from __future__ import annotations

from django.db.models import QuerySet

from awards.core.keyset import PAGE_SIZE, keyset_page

PAGING_PARAMETERS = ("after", "before", "page")


def _address(request, **paging: str) -> str:
    query = request.GET.copy()
    for name in PAGING_PARAMETERS:
        query.pop(name, None)
    query.update(paging)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def api_page(request, queryset: QuerySet, *, key: str, size: int = PAGE_SIZE) -> dict:
    """The page of ``queryset`` the request asks for, in the order of ``key`` then primary
    key, with the addresses of the pages before and after it."""
    page = keyset_page(
        queryset=queryset,
        key=key,
        after=request.GET.get("after"),
        before=request.GET.get("before"),
        last=request.GET.get("page") == "last",
        size=size,
    )
    return {
        "items": page.items,
        "next": _address(request, after=page.next_cursor) if page.next_cursor else None,
        "previous": (
            _address(request, before=page.previous_cursor) if page.previous_cursor else None
        ),
    }
