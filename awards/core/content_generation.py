"""The content generation: a token, kept in the cache itself, that every committed write
of a record replaces.

Whatever is computed from the records and kept between requests (the whole public pages
of awards.site.page_cache, the checked titles of awards.registry.checks) is kept under the
generation current when it was computed, and never looked up under a later one: every
process and every machine sharing the cache sees a write at once.
"""

from __future__ import annotations

import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction

GENERATION_KEY = "public-pages:generation"


def _cache():
    return caches[settings.PUBLIC_PAGES_CACHE]


def _new_generation(previous: str | None) -> str:
    # The time part only grows, so Last-Modified changes with every write even within a second.
    previous_time = int(previous.split(".")[1]) if previous else 0
    return f"{uuid.uuid4().hex}.{max(int(time.time()), previous_time + 1)}"


def content_generation() -> str:
    """The current generation token; a new one when the cache has none (or lost it)."""
    cache = _cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_generation(None), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def invalidate_public_pages() -> None:
    """Make every cached public page unreachable, in every process sharing the cache."""
    cache = _cache()
    cache.set(GENERATION_KEY, _new_generation(cache.get(GENERATION_KEY)), timeout=None)


def invalidate_public_pages_on_commit(*, using: str | None = None) -> None:
    """Invalidate once the current transaction commits (at once outside a transaction).

    Before the commit, another process could still read the old records and store them
    under the new generation; after it, every page rendered reads the write.
    """
    pending = transaction.get_connection(using).run_on_commit
    if not any(callback is invalidate_public_pages for _ids, callback, _robust in pending):
        transaction.on_commit(invalidate_public_pages, using=using)


def generation_time(generation: str) -> int:
    """The generation's time, in seconds since the epoch: when its write committed."""
    return int(generation.split(".")[1])


def kept_for_generation(store: dict, key, read):
    """What ``read()`` returns, kept in ``store`` under ``key`` for the current generation.

    For what a public page reads that is costly and changes only with a write: every
    committed write renews the generation, so what is kept is never older than a cached
    page would be, and the store forgets the generations before. Inside a transaction,
    where a write may not be committed yet, it is read afresh.
    """
    if connection.in_atomic_block:
        return read()
    generation = content_generation()
    kept = store.get((generation, key))
    if kept is None:
        if any(kept_generation != generation for kept_generation, _key in store):
            store.clear()
        kept = store[generation, key] = read()
    return kept
