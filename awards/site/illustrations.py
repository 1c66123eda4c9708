"""Pictures drawn for the site, by the record they show. The source has no pictures: a
picture here is an illustration, never a photograph, and its page says so."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from awards.models import Medal


@dataclass(frozen=True)
class Illustration:
    """A drawing in static files, what it shows in words, and its size."""

    static_path: str
    description: str | Promise
    width: int
    height: int


MEDAL_ILLUSTRATIONS = {
    "hammer-and-sickle": Illustration(
        static_path="img/hammer-and-sickle-medal.svg",
        description=_(
            "a gold five-pointed star with a hammer and sickle at its centre, "
            "hung by a ring from a red ribbon bar"
        ),
        width=200,
        height=260,
    ),
}


def medal_illustration(*, medal: Medal) -> Illustration | None:
    """The drawing of a medal, where the site has one."""
    return MEDAL_ILLUSTRATIONS.get(medal.slug)
