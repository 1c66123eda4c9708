"""``ETag`` and ``304 Not Modified`` for the API's answers, before any query is made.

An answer depends on the records and on its address alone (the language is in the query
string, awards.api.language), so its tag is a digest of the content generation
(awards.core.content_generation, replaced by every committed write of a record) and the
address. A client sending the tag back in ``If-None-Match`` gets a ``304`` at the cost of
one cache read; after any write, the tag changes and the full answer comes again.
"""

from __future__ import annotations

import functools
import hashlib

from django.http import HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_etags

from awards.core.content_generation import content_generation, generation_time


def answer_etag(request, generation: str) -> str:
    address = f"{generation}|{request.get_full_path()}"
    return f'"{hashlib.sha256(address.encode()).hexdigest()[:32]}"'


def _matches(request, etag: str) -> bool:
    wanted = parse_etags(request.headers.get("If-None-Match", ""))
    # A weak comparison (RFC 9110, 13.1.2): a proxy may have marked the tag weak.
    return "*" in wanted or etag in {tag.removeprefix("W/") for tag in wanted}


def _mark(response, *, etag: str, generation: str) -> None:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(generation_time(generation))
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)


def conditional(run):
    """Answer ``304`` to a GET or HEAD whose ``If-None-Match`` holds the current tag; tag
    every successful answer."""

    @functools.wraps(run)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return run(request, *args, **kwargs)
        # Read before the answer is computed: a write committed meanwhile gives the
        # answer an older tag, never a newer one it may not match.
        generation = content_generation()
        etag = answer_etag(request, generation)
        if _matches(request, etag):
            response = HttpResponseNotModified()
            _mark(response, etag=etag, generation=generation)
            return response
        response = run(request, *args, **kwargs)
        if response.status_code == 200:
            _mark(response, etag=etag, generation=generation)
        return response

    return wrapper
