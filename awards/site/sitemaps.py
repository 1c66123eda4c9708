"""sitemap.xml: every published record and every page, in Russian and in English."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

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
    """The published records of one kind."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


sitemaps = {
    "pages": PageSitemap,
    **{
        model._meta.model_name: RecordSitemap(model)
        for model in (Title, Decree, Medal, Event, Authority, Person, Source, Provision, Citation)
    },
}
