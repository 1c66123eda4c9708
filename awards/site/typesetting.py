"""Every public page typeset (awards.core.typography) once it is rendered, before the page
cache stores it: records and interface alike, whatever template or view wrote the text, so a
cached page is already set and no template need remember a filter."""

from __future__ import annotations

from django.utils.translation import get_language

from awards.core.typography import typeset_html
from awards.site.page_cache import is_public


class TypesettingMiddleware:
    """Set the text of a public HTML page in its language (listed inside the page cache and
    CommonMiddleware, so both see the set page and its length)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            is_public(request)
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
        ):
            charset = response.charset
            page = response.content.decode(charset)
            response.content = typeset_html(page, language=get_language() or "ru").encode(charset)
        return response
