"""Whole public pages from the cache, never older than the last committed write.

An anonymous GET or HEAD of a public page (the site's own pages, the sitemap, robots.txt)
is answered from the cache without a view, a template or a query. Each page is stored under
the *content generation* current when it was rendered (awards.core.content_generation):
a random token kept in the cache itself, which every committed write of a record replaces
(``invalidate_public_pages``, run on commit by ``awards.records.writes``). A page
rendered before the commit is stored under the old token and is never looked up again,
in any process or on any machine sharing the cache; so every write invalidates every
page — simple, exact, and records change a few times a day.

Not cached: requests with a session cookie (editors always see fresh pages), requests
handled inside an open transaction (what they read may not be committed), responses other
than 200, and responses that set a cookie or read the session.

Each public page carries ``ETag`` and ``Last-Modified`` (the generation's time) and
``Cache-Control: public, max-age=PUBLIC_PAGES_MAX_AGE, must-revalidate``, so browsers and a
CDN revalidate with a conditional GET, which ConditionalGetMiddleware answers with 304.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import connection
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

from awards.core.content_generation import content_generation, generation_time

# URL names outside the awards namespace that are public pages too.
PUBLIC_URL_NAMES = {"sitemap", "sitemap-section", "robots-txt"}
PUBLIC_NAMESPACE = "awards"
# Headers set by middleware outside this one, which sets them again on every response.
OUTER_HEADERS = {"vary", "content-language", "content-security-policy", "set-cookie"}


def _cache():
    return caches[settings.PUBLIC_PAGES_CACHE]


def is_public(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and (
        match.namespace == PUBLIC_NAMESPACE or match.url_name in PUBLIC_URL_NAMES
    )


def _cache_key(request, generation: str) -> str | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        # Answered by the view (400), never from the cache.
        return None
    address = f"{request.scheme}://{host}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"public-page:{generation}:{getattr(request, 'LANGUAGE_CODE', '')}:{digest}"


class PublicPageCacheMiddleware:
    """Answer anonymous GETs and HEADs of public pages from the cache; store what it misses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Public pages are read-only: a POST or PUT is answered 405 here, before the CSRF
        # check (listed after this middleware) would answer it 403 with its own page.
        if is_public(request) and request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return None

    def __call__(self, request):
        if not self._may_use_cache(request):
            response = self.get_response(request)
            if is_public(request) and response.status_code == 200:
                patch_cache_control(response, private=True, no_cache=True)
            return response
        generation = content_generation()
        key = _cache_key(request, generation)
        stored = _cache().get(key) if key else None
        if stored is not None:
            return _response_from(stored)
        response = self.get_response(request)
        if key and self._may_store(request, response):
            self._mark_public(response, generation)
            _cache().set(key, _stored_form(response), timeout=settings.PUBLIC_PAGES_TIMEOUT)
        return response

    @staticmethod
    def _may_use_cache(request) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not connection.in_atomic_block
        )

    @staticmethod
    def _may_store(request, response) -> bool:
        session = getattr(request, "session", None)
        return (
            request.method == "GET"
            and is_public(request)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not (session is not None and (session.accessed or session.modified))
            and "cookie" not in response.get("Vary", "").lower()
        )

    @staticmethod
    def _mark_public(response, generation: str) -> None:
        patch_cache_control(
            response, public=True, max_age=settings.PUBLIC_PAGES_MAX_AGE, must_revalidate=True
        )
        response["Last-Modified"] = http_date(generation_time(generation))
        set_response_etag(response)


def _stored_form(response) -> tuple[int, bytes, list[tuple[str, str]]]:
    headers = [
        (name, value) for name, value in response.items() if name.lower() not in OUTER_HEADERS
    ]
    return response.status_code, response.content, headers


def _response_from(stored) -> HttpResponse:
    status, content, headers = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response
