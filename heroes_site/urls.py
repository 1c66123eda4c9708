from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from awards.api.urls import api
from awards.site.sitemaps import sitemap, sitemap_section
from awards.site.views import robots_txt

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("sitemap-<section>.xml", sitemap_section, name="sitemap-section"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("api/", api.urls),
]

urlpatterns += i18n_patterns(
    path("", include("awards.site.urls")),
    prefix_default_language=False,
)
