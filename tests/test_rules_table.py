"""The rules page answers each provision as a reader of the document would, on every
1 January and 1 July from 1921 to 1992.

The table is written from the document, sentence by sentence, not from the code: each
provision's answer is a step function of the date, given as the first day of each step.
IN: the document makes it in force; OUT: it makes it not in force (before a dated start,
from a dated end, outside the title's dated life); SAYS_NOTHING: the source does not say.
"""

import datetime
import re

import pytest

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


@pytest.mark.parametrize("title", sorted(EXPECTED))
def test_the_rules_page_answers_each_provision_as_the_document_does(client, seeded, title):
    wrong = []
    for date in DATES:
        url = f"/en/rules/?title={title}&year={date.year}&month={date.month}&day={date.day}"
        answers = answers_on_page(client.get(url).content.decode())
        assert answers.keys() == EXPECTED[title].keys(), url
        for slug, steps in EXPECTED[title].items():
            if answers[slug] != expected_on(steps, date):
                wrong.append(f"{date} {slug}: {answers[slug]}, not {expected_on(steps, date)}")
    assert wrong == []
