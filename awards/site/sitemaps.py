"""sitemap.xml: every published record and every page, in Russian and in English.

While the site has at most ``URLS_PER_FILE`` addresses (both languages counted),
``/sitemap.xml`` lists them all, as it always has. A larger site gets a sitemap index
there instead, pointing to ``/sitemap-<section>.xml?p=N`` files of at most that many
addresses each: a crawler reads the site in pieces, and no request renders or holds more
than one piece (a kind's records are counted and sliced in the database, never loaded
whole).
"""

import copy

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.urls import reverse
from django.views.decorators.http import require_safe

from awards.models import (
    Authority,
    Citation,
    Decree,
    Event,
    Medal,
    Person,
    Provision,
    Source,
    Title,
)

# A file of a thousand addresses (with their alternates, about half a megabyte) renders in a
# fraction of a second; the sitemap protocol allows 50,000.
URLS_PER_FILE = 1000


class InEveryLanguage:
    """The (item, language) pairs of a sitemap, counted and sliced in the database: what
    Django's sitemap builds as a list of every item in every language."""

    def __init__(self, items, languages):
        self.items = items
        self.languages = list(languages)

    def count(self) -> int:
        return self.items.count() * len(self.languages)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice):
        width = len(self.languages)
        start, stop = window.start or 0, window.stop
        first, last = start // width, -(-stop // width)
        pairs = [(item, language) for item in self.items[first:last] for language in self.languages]
        offset = first * width
        return pairs[start - offset : stop - offset]


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = URLS_PER_FILE


class PageSitemap(BilingualSitemap):
    changefreq = "monthly"

    def items(self):
        return [
            "awards:home",
            "awards:history",
            "awards:title-list",
            "awards:compare-titles",
            "awards:compare-twin-titles",
            "awards:compare-dates",
            "awards:rules-on-date",
        ]

    def location(self, item):
        return reverse(item)


class RecordSitemap(BilingualSitemap):
    """The published records of one kind."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    rows = None  # the records, when read already (``with_rows``)

    def items(self):
        if self.rows is not None:
            return self.rows
        return self.model.objects.published().order_by("pk")

    def _items(self):
        if self.rows is not None:
            return super()._items()
        return InEveryLanguage(self.items(), self._languages())

    def with_rows(self, rows):
        """This section over records read already."""
        section = copy.copy(self)
        section.rows = rows
        return section

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


sitemaps = {
    "pages": PageSitemap,
    **{
        model._meta.model_name: RecordSitemap(model)
        for model in (Title, Decree, Medal, Event, Authority, Person, Source, Provision, Citation)
    },
}


def _whole_site():
    """Every section with its records read, one query per kind, if the site has at most
    ``URLS_PER_FILE`` addresses; None if it has more (no kind is read past the limit)."""
    room = URLS_PER_FILE
    sections = {}
    for name, section in sitemaps.items():
        section = section() if callable(section) else section
        languages = len(section._languages())
        if isinstance(section, RecordSitemap):
            rows = list(section.items()[: room // languages + 1])
            section = section.with_rows(rows)
        room -= len(section.items()) * languages
        if room < 0:
            return None
        sections[name] = section
    return sections


@require_safe
def sitemap(request):
    """Every address, or an index of the sections' files once there are too many for one."""
    sections = _whole_site()
    if sections is not None:
        return sitemap_views.sitemap(request, sitemaps=sections)
    return sitemap_views.index(request, sitemaps=sitemaps, sitemap_url_name="sitemap-section")


@require_safe
def sitemap_section(request, section):
    """One section's file (``?p=N`` for its Nth thousand addresses)."""
    return sitemap_views.sitemap(request, sitemaps=sitemaps, section=section)
