"""Every kind of public page, as paths, for the tests that visit them all."""

from django.utils import translation

from awards import models

LANGUAGES = ("ru", "en")


def public_page_paths(*, language: str = "ru") -> list[str]:
    """One path of each public page type (a published record of each model), in one language."""
    with translation.override(language):
        prefix = "" if language == "ru" else f"/{language}"
        pages = [
            "/",
            "/history/",
            "/titles/",
            "/search/?q=%D0%93%D0%B5%D1%80%D0%BE%D0%B9",
            "/compare/",
            "/compare/?first=hero-of-labour&second=hero-of-socialist-labour",
            "/compare/heroes/",
            "/compare/dates/?title=hero-of-socialist-labour&dates=1939+1975",
            "/rules/?title=hero-of-socialist-labour&year=1975&month=&day=",
        ]
        paths = [prefix + page for page in pages]
        for model in models.RECORD_MODELS:
            record = model.objects.filter(published=True).order_by("pk").first()
            paths.append(record.get_absolute_url())
    return paths


SITE_PATHS = ["/robots.txt", "/sitemap.xml"]
