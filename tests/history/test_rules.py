"""Provisions in force on a date (awards.history.rules), including dates on the boundaries of a
provision.

The rules take a title and its provisions as plain objects, so most of these tests build them
in memory, without the database: the dates are those the source gives for the Hero of
Socialist Labour (fixtures/06_titles.json and 09_provisions.json)."""

import datetime
import re

import pytest

from awards.core.dates import PartialDate
from awards.history.rules import Boundary, Gap, Status, answers_on, provisions_on, rules_on_date
from awards.models import Provision, Title

HERO_OF_SOCIALIST_LABOUR = Title(
    slug="hero-of-socialist-labour",
    established_basis="dated",
    established_on=PartialDate(1938, 12, 27),
    abolished_basis="dated",
    abolished_on=PartialDate(1991),
)


# Established on a day; the source does not say whether or when it was abolished.
HERO_OF_LABOUR = Title(
    slug="hero-of-labour",
    established_basis="dated",
    established_on=PartialDate(1927, 7, 27),
    abolished_basis="unknown",
)


# The source gives no date of it at all.
UNDATED = Title(slug="hero-of-the-soviet-union")
LIFE = "title_life"
UNKNOWN = "unknown"


def _provision(slug, aspect, *, start=UNKNOWN, end=UNKNOWN):
    """A provision whose start and end are each a date, LIFE or UNKNOWN."""

    def side(value):
        if value in (LIFE, UNKNOWN):
            return value, None
        return "dated", PartialDate.parse(value)

    start_basis, start_date = side(start)
    end_basis, end_date = side(end)
    return Provision(
        slug=slug,
        aspect=aspect,
        value_key=slug,
        start_basis=start_basis,
        start=start_date,
        end_basis=end_basis,
        end=end_date,
    )


# As fixtures/09_provisions.json records them; out of the order of the aspects on purpose:
# the rules put them in order.
PROVISIONS = [
    _provision("repeat-awards-limited", "repeat_awards", start="1940", end="1973-05-14"),
    _provision("repeat-awards-unlimited", "repeat_awards", start="1973-05-14", end=LIFE),
    _provision("repeat-order-of-lenin", "repeat_order_of_lenin", end="1988"),
    _provision("repeat-order-of-lenin-abolished", "repeat_order_of_lenin", start="1988", end=LIFE),
    _provision("gold-medal", "gold_medal", start="1940-05-22", end=LIFE),
    _provision("order-of-lenin", "order_of_lenin", start="1938-12-27", end=LIFE),
    _provision("certificate", "certificate", start="1938-12-27", end=LIFE),
    _provision("rank", "rank", start=LIFE, end=LIFE),
]


def rules_on(text, *, title=HERO_OF_SOCIALIST_LABOUR, provisions=PROVISIONS):
    in_force = provisions_on(title=title, provisions=provisions, on=PartialDate.parse(text))
    return {item.provision.slug: item.status for item in in_force}


def test_before_the_title_existed_nothing_was_in_force():
    assert rules_on("1938-12-26") == {}
    result = rules_on_date(
        title=HERO_OF_SOCIALIST_LABOUR, provisions=PROVISIONS, on=PartialDate(1930)
    )
    assert (result.title_existed, result.aspects) == (False, [])


def test_on_the_day_of_establishment_the_order_of_lenin_came_with_the_certificate():
    rules = rules_on("1938-12-27")
    assert rules["order-of-lenin"] is Status.IN_FORCE
    assert rules["certificate"] is Status.IN_FORCE
    assert "gold-medal" not in rules


def test_the_gold_medal_applies_from_the_day_of_its_decree():
    assert "gold-medal" not in rules_on("1940-05-21")
    assert rules_on("1940-05-22")["gold-medal"] is Status.IN_FORCE


def test_a_limit_known_only_from_1940_is_uncertain_within_1940_and_certain_after():
    assert rules_on("1940-03-01")["repeat-awards-limited"] is Status.UNCERTAIN
    assert rules_on("1941")["repeat-awards-limited"] is Status.IN_FORCE


def test_on_14_may_1973_the_limit_ends_and_unlimited_awards_begin():
    day_before = rules_on("1973-05-13")
    assert day_before["repeat-awards-limited"] is Status.IN_FORCE
    assert "repeat-awards-unlimited" not in day_before
    on_the_day = rules_on("1973-05-14")
    assert "repeat-awards-limited" not in on_the_day
    assert on_the_day["repeat-awards-unlimited"] is Status.IN_FORCE


def test_the_whole_of_1973_is_uncertain_for_both_repeat_rules():
    rules = rules_on("1973")
    assert rules["repeat-awards-limited"] is Status.UNCERTAIN
    assert rules["repeat-awards-unlimited"] is Status.UNCERTAIN


def test_a_date_in_1988_is_uncertain_for_the_repeat_order_of_lenin():
    rules = rules_on("1988-06-01")
    assert rules["repeat-order-of-lenin"] is Status.UNCERTAIN
    assert rules["repeat-order-of-lenin-abolished"] is Status.UNCERTAIN
    # Its start is unknown: before 1988 the source does not say either.
    assert rules_on("1987-12-31")["repeat-order-of-lenin"] is Status.UNCERTAIN
    after = rules_on("1989-01-01")
    assert "repeat-order-of-lenin" not in after
    assert after["repeat-order-of-lenin-abolished"] is Status.IN_FORCE


def test_the_rules_of_a_date_are_marked_uncertain_when_one_of_them_is():
    def uncertain(on):
        return rules_on_date(title=HERO_OF_SOCIALIST_LABOUR, provisions=PROVISIONS, on=on).uncertain

    assert uncertain(PartialDate(1988)) is True
    assert uncertain(PartialDate(1989)) is False


def test_the_rules_of_a_date_come_by_aspect_in_the_order_of_the_aspects():
    result = rules_on_date(
        title=HERO_OF_SOCIALIST_LABOUR, provisions=PROVISIONS, on=PartialDate(1975)
    )
    assert [
        (row.aspect, [rule.provision.slug for rule in row.rules]) for row in result.aspects
    ] == [
        ("rank", ["rank"]),
        ("certificate", ["certificate"]),
        ("order_of_lenin", ["order-of-lenin"]),
        ("gold_medal", ["gold-medal"]),
        ("repeat_awards", ["repeat-awards-unlimited"]),
        ("repeat_order_of_lenin", ["repeat-order-of-lenin"]),
    ]
    assert result.title_existed is True


def test_in_1991_everything_is_uncertain_and_after_it_nothing_holds():
    assert set(rules_on("1991-06").values()) == {Status.UNCERTAIN}
    assert rules_on("1992") == {}


def test_a_title_with_unknown_dates_gives_uncertain_rules():
    undated = Title(slug="hero-of-the-soviet-union")
    provisions = [_provision("rank", "rank"), _provision("order-of-lenin", "order_of_lenin")]
    rules = rules_on("1975", title=undated, provisions=provisions)
    assert rules == {"rank": Status.UNCERTAIN, "order-of-lenin": Status.UNCERTAIN}


def gaps_on(text, *, title=HERO_OF_SOCIALIST_LABOUR, provisions=PROVISIONS):
    on = PartialDate.parse(text)
    return {
        rule.provision.slug: rule.gaps
        for rule in answers_on(title=title, provisions=provisions, on=on)
    }


def test_an_unknown_start_is_never_read_as_the_title_s_establishment():
    # The case: a year before the medal existed, the repeat Order of Lenin is not
    # "in force"; the source does not say when it began.
    assert rules_on("1939-06-01")["repeat-order-of-lenin"] is Status.UNCERTAIN
    assert gaps_on("1939-06-01")["repeat-order-of-lenin"] == (Gap(Boundary.START, None),)


def test_before_a_dated_establishment_even_an_undated_rule_is_not_in_force():
    assert "repeat-order-of-lenin" not in rules_on("1938-06-01")


def test_a_boundary_known_to_a_year_gives_the_year_as_the_reason():
    assert gaps_on("1988-07-01")["repeat-order-of-lenin-abolished"] == (
        Gap(Boundary.START, PartialDate(1988)),
    )
    assert gaps_on("1991-07-01")["rank"] == (Gap(Boundary.ABOLITION, PartialDate(1991)),)


def test_an_unknown_abolition_is_never_read_as_never():
    provisions = [
        _provision("eligibility", "eligibility", start="1927-07-27"),
        _provision("conferred-by", "conferred_by", start=LIFE),
    ]
    on_the_day = rules_on("1927-07-27", title=HERO_OF_LABOUR, provisions=provisions)
    assert on_the_day == {"eligibility": Status.IN_FORCE, "conferred-by": Status.IN_FORCE}
    assert rules_on("1927-07-26", title=HERO_OF_LABOUR, provisions=provisions) == {}
    for year in ("1928", "1950", "1975", "1989", "1992"):
        rules = rules_on(year, title=HERO_OF_LABOUR, provisions=provisions)
        assert rules == {"eligibility": Status.UNCERTAIN, "conferred-by": Status.UNCERTAIN}
    gaps = gaps_on("1950", title=HERO_OF_LABOUR, provisions=provisions)
    assert gaps["eligibility"] == (Gap(Boundary.END, None),)


def test_a_title_without_dates_decides_nothing_and_says_why():
    provisions = [_provision("rank", "rank", start=LIFE, end=LIFE)]
    result = rules_on_date(title=UNDATED, provisions=provisions, on=PartialDate(1975))
    assert result.existence.status is Status.UNCERTAIN
    assert result.existence.gaps == (
        Gap(Boundary.ESTABLISHMENT, None),
        Gap(Boundary.ABOLITION, None),
    )
    assert gaps_on("1975", title=UNDATED, provisions=provisions)["rank"] == (
        Gap(Boundary.ESTABLISHMENT, None),
        Gap(Boundary.ABOLITION, None),
    )


def test_the_rules_page_keeps_the_rules_not_in_force_apart():
    result = rules_on_date(
        title=HERO_OF_SOCIALIST_LABOUR, provisions=PROVISIONS, on=PartialDate(1989)
    )
    assert [rule.provision.slug for rule in result.not_in_force] == [
        "repeat-awards-limited",
        "repeat-order-of-lenin",
    ]


# The rules page answers each provision as a reader of the document would, on every
# 1 January and 1 July from 1921 to 1992 ------------------------------------------------
#
# The table is written from the document, sentence by sentence, not from the code: each
# provision's answer is a step function of the date, given as the first day of each step.
# IN: the document makes it in force; OUT: it makes it not in force (before a dated start,
# from a dated end, outside the title's dated life); SAYS_NOTHING: the source does not say.

IN, OUT, SAYS_NOTHING = "in_force", "not_in_force", "uncertain"


FIRST = datetime.date(1921, 1, 1)


def d(text):
    return datetime.date.fromisoformat(text)


# Hero of Socialist Labour: established 27 December 1938 (4.1), abolished in 1991 (6.2).
WHOLE_LIFE = [
    (FIRST, OUT),
    (d("1938-12-27"), IN),
    (d("1991-01-01"), SAYS_NOTHING),
    (d("1992-01-01"), OUT),
]


EXPECTED = {
    # Established 27 July 1927 (3.1); the source never says whether or when it ended.
    "hero-of-labour": {
        slug: [(FIRST, OUT), (d("1927-07-28"), SAYS_NOTHING)]
        for slug in (
            "hero-of-labour-eligibility",
            "hero-of-labour-length-of-service",
            "hero-of-labour-conferred-by",
            "hero-of-labour-certificate",
        )
    },
    "hero-of-socialist-labour": {
        # 1.1-1.3: the title as such.
        "hero-of-socialist-labour-rank": WHOLE_LIFE,
        "hero-of-socialist-labour-foreign-citizens": WHOLE_LIFE,
        "hero-of-socialist-labour-statute": WHOLE_LIFE,
        "hero-of-socialist-labour-insignia": WHOLE_LIFE,
        "hero-of-socialist-labour-nomination": WHOLE_LIFE,
        "hero-of-socialist-labour-privileges": WHOLE_LIFE,
        # 4.2 "Теперь": from the establishment; 6.1: no change after 1988.
        "hero-of-socialist-labour-certificate": WHOLE_LIFE,
        "hero-of-socialist-labour-order-of-lenin": WHOLE_LIFE,
        # 4.3: the medal from 22 May 1940.
        "hero-of-socialist-labour-gold-medal": [
            (FIRST, OUT),
            (d("1940-05-22"), IN),
            (d("1991-01-01"), SAYS_NOTHING),
            (d("1992-01-01"), OUT),
        ],
        # 5.1: at most 3 "since 1940" (the year only), lifted on 14 May 1973.
        "hero-of-socialist-labour-repeat-awards-limited": [
            (FIRST, OUT),
            (d("1940-01-01"), SAYS_NOTHING),
            (d("1941-01-01"), IN),
            (d("1973-05-14"), OUT),
        ],
        "hero-of-socialist-labour-repeat-awards-unlimited": [
            (FIRST, OUT),
            (d("1973-05-14"), IN),
            (d("1991-01-01"), SAYS_NOTHING),
            (d("1992-01-01"), OUT),
        ],
        # 6.1: ended in 1988 (the year only); nothing says when it began.
        "hero-of-socialist-labour-repeat-order-of-lenin": [
            (FIRST, OUT),
            (d("1938-12-27"), SAYS_NOTHING),
            (d("1989-01-01"), OUT),
        ],
        "hero-of-socialist-labour-repeat-order-of-lenin-abolished": [
            (FIRST, OUT),
            (d("1988-01-01"), SAYS_NOTHING),
            (d("1989-01-01"), IN),
            (d("1991-01-01"), SAYS_NOTHING),
            (d("1992-01-01"), OUT),
        ],
    },
    # The source gives no date of this title at all.
    "hero-of-the-soviet-union": {
        f"hero-of-the-soviet-union-{aspect}": [(FIRST, SAYS_NOTHING)]
        for aspect in (
            "rank",
            "foreign-citizens",
            "statute",
            "insignia",
            "nomination",
            "privileges",
            "order-of-lenin",
        )
    },
}


DATES = [datetime.date(year, month, 1) for year in range(1921, 1993) for month in (1, 7)]


def expected_on(steps, date):
    answer = None
    for first_day, status in steps:
        if date >= first_day:
            answer = status
    return answer


def answers_on_page(html: str) -> dict[str, str]:
    return dict(re.findall(r'data-provision="([^"]+)"\s+data-status="([^"]+)"', html))


@pytest.mark.slow
@pytest.mark.parametrize("title", sorted(EXPECTED))
def test_the_rules_page_answers_each_provision_as_the_document_does(client, seeded, title):
    wrong = []
    for date in DATES:
        url = f"/en/rules/?title={title}&year={date.year}&month={date.month}&day={date.day}"
        html = client.get(url).content.decode()
        answers = answers_on_page(html)
        if "data-outside-life" in html:
            # A date outside the title's life is answered in one sentence: nothing in force.
            assert answers == {}, url
            answers = dict.fromkeys(EXPECTED[title], OUT)
        assert answers.keys() == EXPECTED[title].keys(), url
        for slug, steps in EXPECTED[title].items():
            if answers[slug] != expected_on(steps, date):
                wrong.append(f"{date} {slug}: {answers[slug]}, not {expected_on(steps, date)}")
    assert wrong == []
