"""Every public page, for the walks that check them all: the pages of the sitemap (every
published record and every page, both languages) and the comparisons and rules of every title."""

import itertools
import re

from awards import models

DATES = ("1921", "1927", "1938", "1940", "1975", "1988", "1991", "1992")


def _sitemap_paths(client) -> set[str]:
    xml = client.get("/sitemap.xml").content.decode()
    urls = set(re.findall(r"<loc>([^<]+)</loc>", xml)) | set(re.findall(r'href="([^"]+)"', xml))
    return {re.sub(r"^https?://[^/]+", "", url) for url in urls}


def _computed_paths(titles: list[str]) -> set[str]:
    paths = set()
    for prefix in ("", "/en"):
        paths.add(f"{prefix}/compare/heroes/")
        for first, second in itertools.permutations(titles, 2):
            paths.add(f"{prefix}/compare/?first={first}&second={second}")
        for title in titles:
            paths.add(f"{prefix}/compare/dates/?title={title}&dates={'+'.join(DATES)}")
            for year in DATES:
                paths.add(f"{prefix}/rules/?title={title}&year={year}&month=&day=")
            paths.add(f"{prefix}/rules/?title={title}&year=1940&month=5&day=22")
    return paths


def walked_paths(client) -> list[str]:
    """Every public page in both languages, sorted."""
    titles = list(models.Title.objects.published().values_list("slug", flat=True))
    return sorted(_sitemap_paths(client) | _computed_paths(titles))
