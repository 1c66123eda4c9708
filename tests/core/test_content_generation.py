"""The content generation (awards.core.content_generation): a token in the cache that every
committed write of a record replaces, so that nothing computed before it is read after."""

from django.conf import settings
from django.core.cache import caches

from awards.core.content_generation import (
    GENERATION_KEY,
    content_generation,
    generation_time,
    invalidate_public_pages,
    invalidate_public_pages_on_commit,
)


def test_the_generation_stays_the_same_until_the_pages_are_invalidated():
    first = content_generation()

    assert content_generation() == first
    invalidate_public_pages()
    assert content_generation() != first


def test_each_new_generation_is_later_than_the_last_even_within_a_second():
    first = content_generation()
    invalidate_public_pages()
    second = content_generation()
    invalidate_public_pages()

    assert generation_time(first) < generation_time(second) < generation_time(content_generation())


def test_a_cache_that_lost_the_generation_starts_a_new_one():
    first = content_generation()
    caches[settings.PUBLIC_PAGES_CACHE].delete(GENERATION_KEY)

    again = content_generation()

    assert again and again != first
    assert content_generation() == again


def test_the_time_of_a_generation_is_the_time_it_carries():
    assert generation_time("5f0c.1700000000") == 1_700_000_000


def test_an_invalidation_inside_a_transaction_waits_for_its_commit(
    db, django_capture_on_commit_callbacks
):
    before = content_generation()
    with django_capture_on_commit_callbacks() as callbacks:
        invalidate_public_pages_on_commit()
        invalidate_public_pages_on_commit()
        assert content_generation() == before

    # Asked twice in one transaction, done once.
    assert callbacks == [invalidate_public_pages]
    callbacks[0]()
    assert content_generation() != before
