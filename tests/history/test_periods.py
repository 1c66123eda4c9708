"""The history as periods (awards.history.periods): the titles' lives and the entries in each;
no page contradicts another about a title's period."""

import re

import pytest

from awards import models
from awards.core.dates import PartialDate
from awards.history.periods import ORIGINS
from tests.support.timelines import seeded_periods

# The one sentence that answers a date outside the title's life.
EXISTED_NOT = "data-outside-life"
EXISTENCE_UNSAID = "The source does not say whether the title existed on this date"


def _title_page_boundary(html: str, label: str) -> int | None:
    """The year the title page gives for "Established" or "Abolished"; None if unstated
    (or, for a title the source only mentions, not given at all)."""
    cell = re.search(rf"<dt>{label}</dt>\s*<dd>(.*?)</dd>", html, flags=re.S)
    if cell is None or "the source does not say" in cell.group(1):
        return None
    return int(re.search(r'<time datetime="(\d{4})', cell.group(1)).group(1))


def _history_period(html: str, slug: str) -> tuple[int, int | None] | None:
    """(first year, last year or None when its end is not stated) of the title's period."""
    heading = re.search(rf'id="period-{slug}">(.*?)</h2>', html, flags=re.S)
    if heading is None:
        return None
    text = re.sub(r"<[^>]+>", " ", heading.group(1))
    start, end = re.search(r"\((?:\s*from\s+)?(\d{4})(?:–(\d{4}))?", text).groups()
    if end is None:
        assert "the source gives no end" in text, text
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
@pytest.mark.slow
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


def _slugs(period):
    return [entry.record.slug for entry in period.entries]


def test_the_history_has_three_periods_origins_labour_and_socialist_labour(seeded):
    periods = seeded_periods()
    assert [period.key for period in periods] == [
        ORIGINS,
        "hero-of-labour",
        "hero-of-socialist-labour",
    ]


def test_a_period_ends_at_the_dated_abolition_and_stays_open_where_the_source_gives_none(seeded):
    _, labour, socialist_labour = seeded_periods()
    # The source never says "Hero of Labour" ended, nor that the later title replaced it.
    assert (labour.start, labour.end, labour.end_stated) == (
        PartialDate(1927, 7, 27),
        None,
        False,
    )
    assert (socialist_labour.start, socialist_labour.end, socialist_labour.end_stated) == (
        PartialDate(1938, 12, 27),
        PartialDate(1991),
        True,
    )


def test_a_later_title_does_not_end_an_earlier_one(no_records, make_title):
    old = make_title(established_on=PartialDate(1900))
    make_title(established_on=PartialDate(1910), predecessor=old)
    first, _ = seeded_periods()
    assert (first.end, first.end_stated) == (None, False)


def test_each_entry_falls_in_its_period_in_chronological_order(seeded):
    origins, labour, socialist_labour = seeded_periods()
    assert _slugs(origins) == ["1921-term-hero-of-labour", "1922-red-banner-badge"]
    assert _slugs(labour) == ["1927-07-27-hero-of-labour"]
    assert _slugs(socialist_labour) == [
        "1938-12-27-hero-of-socialist-labour",
        "1940-05-22-hammer-and-sickle",
        "1973-05-14-repeat-awards",
        "1988-repeat-order-of-lenin-abolished",
        "1991-title-abolished",
    ]


def test_the_act_founding_a_title_opens_its_period_not_the_previous_one(
    no_records, make_title, make_decree
):
    old = make_title(established_on=PartialDate(1900))
    founding = make_decree(date=PartialDate(1910, 1, 1))
    make_title(established_on=PartialDate(1910, 1, 1), predecessor=old, established_by=founding)
    periods = seeded_periods()
    assert [period.key for period in periods][-1] != ORIGINS
    assert _slugs(periods[-1]) == [founding.slug]
    assert _slugs(periods[0]) == []


def test_no_origins_period_when_nothing_came_before_the_first_title(
    no_records, make_title, make_event
):
    title = make_title(established_on=PartialDate(1950))
    make_event(date=PartialDate(1960))
    assert [period.key for period in seeded_periods()] == [title.slug]


def test_draft_events_are_left_out_of_the_history(seeded, make_event):
    draft = make_event(date=PartialDate(1950), published=False)
    assert draft.slug not in [slug for period in seeded_periods() for slug in _slugs(period)]
