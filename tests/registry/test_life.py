"""A conferment against its hero's life (awards.registry.life): refused before the birth,
before the 14th birthday, long after the death unless stated posthumous."""

import pytest
from django.utils import translation

from awards.core.dates import PartialDate
from awards.registry.life import (
    BEFORE_BIRTH,
    BEFORE_WORKING_AGE,
    LONG_AFTER_DEATH,
    POSTHUMOUS_BEFORE_DEATH,
    life_findings,
)

BORN, DIED = PartialDate(1910, 4, 2), PartialDate(1943, 3, 6)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def rules(date, *, born=BORN, died=DIED, stated=False):
    findings = life_findings(
        date=PartialDate.parse(date), born_on=born, died_on=died, stated_posthumous=stated
    )
    return [finding.rule for finding in findings]


@pytest.mark.parametrize(
    ("date", "stated", "expected"),
    [
        ("1909-12-31", False, [BEFORE_BIRTH]),
        ("1924-04-01", False, [BEFORE_WORKING_AGE]),
        ("1924-04-02", False, []),
        # A year that may hold the 14th birthday is not surely before it.
        ("1924", False, []),
        ("1943-03-15", False, []),
        ("1944-03-06", False, []),
        ("1944-03-07", False, [LONG_AFTER_DEATH]),
        ("1955-01-01", True, []),
        ("1942-12-01", True, [POSTHUMOUS_BEFORE_DEATH]),
        ("1943", True, []),
    ],
)
def test_the_dates_of_a_life_refuse_only_what_is_surely_impossible(date, stated, expected):
    assert rules(date, stated=stated) == expected


def test_a_person_without_dates_refuses_nothing():
    assert rules("1800-01-01", born=None, died=None) == []


def test_the_refusal_names_the_dates():
    (finding,) = life_findings(
        date=PartialDate(1955, 1, 1), born_on=BORN, died_on=DIED, stated_posthumous=False
    )
    assert "1 January 1955" in str(finding) and "6 March 1943" in str(finding)
