"""No page contradicts another about a title's period: the time line, the title page and the
rules page say the same of when each title began and ended, or that the source does not say."""

import re

import pytest

from awards import models

EXISTED_NOT = "The title did not exist on this date."
EXISTENCE_UNSAID = "The source does not say whether the title existed on this date"


def _title_page_boundary(html: str, label: str) -> int | None:
    """The year the title page gives for "Established" or "Abolished"; None if unstated."""
    cell = re.search(rf"<dt>{label}</dt>\s*<dd>(.*?)</dd>", html, flags=re.S).group(1)
    if "the source does not say" in cell:
        return None
    return int(re.search(r'<time datetime="(\d{4})', cell).group(1))


def _history_period(html: str, slug: str) -> tuple[int, int | None] | None:
    """(first year, last year or None when its end is not stated) of the title's period."""
    heading = re.search(rf'id="period-{slug}">(.*?)</h2>', html, flags=re.S)
    if heading is None:
        return None
    text = re.sub(r"<[^>]+>", " ", heading.group(1))
    start, end = re.search(r"\((\d{4})–\s*(\d{4})?", text).groups()
    if end is None:
        assert "end not stated" in text, text
    return int(start), int(end) if end else None


def _existence_on(client, slug: str, year: int) -> str:
    html = client.get(f"/en/rules/?title={slug}&year={year}&month=&day=").content.decode()
    if EXISTED_NOT in html:
        return "no"
    if EXISTENCE_UNSAID in html:
        return "unsaid"
    return "yes"


@pytest.mark.parametrize(
    "slug", ["hero-of-labour", "hero-of-socialist-labour", "hero-of-the-soviet-union"]
)
def test_time_line_title_page_and_rules_agree_on_the_period(client, seeded, slug):
    title = models.Title.objects.get(slug=slug)
    title_page = client.get(f"/en/titles/{title.slug}/").content.decode()
    established = _title_page_boundary(title_page, "Established")
    abolished = _title_page_boundary(title_page, "Abolished")
    period = _history_period(client.get("/en/history/").content.decode(), slug)
    if established is None:
        assert period is None
    else:
        assert period == (established, abolished)
    for year in range(1921, 1993):
        existence = _existence_on(client, slug, year)
        if established is None:
            expected = "unsaid"
        elif year < established:
            expected = "no"
        elif year == established:
            # Established within the year: a year holds days before and after.
            expected = "unsaid"
        elif abolished is None:
            expected = "unsaid"
        elif year < abolished:
            expected = "yes"
        elif year == abolished:
            expected = "unsaid"
        else:
            expected = "no"
        assert existence == expected, (slug, year)
