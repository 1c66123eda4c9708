"""Slugs of records made by a program (an import), which must not collide."""

from __future__ import annotations

import hashlib

from django.utils.text import slugify

# A record's slug (awards.models.base.Record.slug).
SLUG_LENGTH = 100
DIGEST_LENGTH = 10


def keyed_slug(readable: str, *, key: str, max_length: int = SLUG_LENGTH) -> str:
    """A slug that reads as ``readable`` and ends in a digest of ``key``, kept whole
    whatever the readable part loses to the length limit: records with different keys
    (a decree numbered «12/3» and one numbered «123», two long names alike in their first
    sixty letters) get different slugs."""
    digest = hashlib.sha1(key.encode()).hexdigest()[:DIGEST_LENGTH]
    head = slugify(readable)[: max_length - DIGEST_LENGTH - 1].strip("-")
    return f"{head}-{digest}" if head else digest
