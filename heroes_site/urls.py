from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.http import require_safe

from awards.api.urls import api
from awards.site.sitemaps import sitemaps
from awards.site.views import robots_txt

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", require_safe(sitemap), {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("api/", api.urls),
]

urlpatterns += i18n_patterns(
    path("", include("awards.site.urls")),
    prefix_default_language=False,
)
