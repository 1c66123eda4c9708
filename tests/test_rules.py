"""Provisions in force on a date, including dates on the boundaries of a provision."""

import pytest

from awards.dates import PartialDate
from awards.models import Title
from awards.rules import Status, provisions_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules_on(seeded):
    title = Title.objects.get(slug="hero-of-socialist-labour")
    provisions = list(title.provisions.all())

    def statuses(text):
        in_force = provisions_on(title=title, provisions=provisions, on=PartialDate.parse(text))
        return {
            item.provision.slug.removeprefix("hero-of-socialist-labour-"): item.status
            for item in in_force
        }

    return statuses


def test_before_the_title_existed_nothing_was_in_force(rules_on):
    assert rules_on("1938-12-26") == {}


def test_on_the_day_of_establishment_the_order_of_lenin_came_with_the_certificate(rules_on):
    rules = rules_on("1938-12-27")
    assert rules["order-of-lenin"] is Status.IN_FORCE
    assert rules["certificate"] is Status.IN_FORCE
    assert "gold-medal" not in rules


def test_the_gold_medal_applies_from_the_day_of_its_decree(rules_on):
    assert "gold-medal" not in rules_on("1940-05-21")
    assert rules_on("1940-05-22")["gold-medal"] is Status.IN_FORCE


def test_a_limit_known_only_from_1940_is_uncertain_within_1940_and_certain_after(rules_on):
    assert rules_on("1940-03-01")["repeat-awards-limited"] is Status.UNCERTAIN
    assert rules_on("1941")["repeat-awards-limited"] is Status.IN_FORCE


def test_on_14_may_1973_the_limit_ends_and_unlimited_awards_begin(rules_on):
    day_before = rules_on("1973-05-13")
    assert day_before["repeat-awards-limited"] is Status.IN_FORCE
    assert "repeat-awards-unlimited" not in day_before
    on_the_day = rules_on("1973-05-14")
    assert "repeat-awards-limited" not in on_the_day
    assert on_the_day["repeat-awards-unlimited"] is Status.IN_FORCE


def test_the_whole_of_1973_is_uncertain_for_both_repeat_rules(rules_on):
    rules = rules_on("1973")
    assert rules["repeat-awards-limited"] is Status.UNCERTAIN
    assert rules["repeat-awards-unlimited"] is Status.UNCERTAIN


def test_a_date_in_1988_is_uncertain_for_the_repeat_order_of_lenin(rules_on):
    rules = rules_on("1988-06-01")
    assert rules["repeat-order-of-lenin"] is Status.UNCERTAIN
    assert rules["repeat-order-of-lenin-abolished"] is Status.UNCERTAIN
    assert rules_on("1987-12-31")["repeat-order-of-lenin"] is Status.IN_FORCE
    after = rules_on("1989-01-01")
    assert "repeat-order-of-lenin" not in after
    assert after["repeat-order-of-lenin-abolished"] is Status.IN_FORCE


def test_in_1991_everything_is_uncertain_and_after_it_nothing_holds(rules_on):
    assert set(rules_on("1991-06").values()) == {Status.UNCERTAIN}
    assert rules_on("1992") == {}


def test_a_title_with_unknown_dates_gives_uncertain_rules(seeded):
    title = Title.objects.get(slug="hero-of-the-soviet-union")
    rules = provisions_on(
        title=title, provisions=list(title.provisions.all()), on=PartialDate(1975)
    )
    assert rules and {item.status for item in rules} == {Status.UNCERTAIN}
