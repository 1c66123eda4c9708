"""sitemap.xml: every published record and every page, in Russian and in English."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from awards import querysets
from awards.models import Authority, Decree, Event, Medal, Person, Source, Title


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


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
    """The published records of one kind; ``records`` is a function of awards.querysets."""

    def __init__(self, records):
        super().__init__()
        self.records = records

    def items(self):
        return self.records().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


def _published(model):
    return model.objects.published


sitemaps = {
    "pages": PageSitemap,
    **{
        model._meta.model_name: RecordSitemap(_published(model))
        for model in (Title, Decree, Medal, Event, Authority, Person, Source)
    },
    "provision": RecordSitemap(querysets.published_provisions),
    "citation": RecordSitemap(querysets.published_citations),
}
