"""The rules every conferment is checked against on its own date (awards.registry.rules).

The rules are those of the fixtures (the source document): the title of Hero of Socialist
Labour established on 27 December 1938 and abolished in 1991, the gold medal from 22 May
1940, at most three awards from 1940 until 14 May 1973, no foreign citizens, the Order of
Lenin with a repeat award until 1988. A conferment is checked as the admin checks it."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from awards.core.dates import PartialDate
from awards.models import Conferment, Person
from awards.registry import checks as registry
from tests.support.registry_builders import confer, hero

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def refusal(person, date, **kwargs) -> str:
    with pytest.raises(ValidationError) as refused:
        confer(person, date, **kwargs)
    return " ".join(refused.value.messages)


def test_conferment_before_the_title_was_established_is_refused_naming_the_passage():
    message = refusal(hero(), "1938-12-26")
    assert "established on 27 December 1938" in message
    assert "paragraph 4, sentence 1" in message
    assert not Conferment.objects.exists()


def test_conferment_on_the_day_of_establishment_is_accepted():
    conferment = confer(hero(), "1938-12-27")
    assert (conferment.rules_uncertain, conferment.uncertain_rules) == (False, "")


def test_conferment_dated_only_1938_is_saved_with_a_warning():
    conferment = confer(hero(), "1938")
    assert conferment.rules_uncertain
    assert conferment.uncertain_rules == "establishment"


def test_conferment_after_the_abolition_is_refused_and_in_its_year_warned():
    assert "abolished in 1991" in refusal(hero(), "1992-01-01")
    assert confer(hero(), "1991-06").uncertain_rules == "abolition"
    assert not confer(hero(), "1990-12-31").rules_uncertain


def three_awards(person):
    for date in ("1950-01-01", "1960-01-01", "1970-01-01"):
        confer(person, date)


def test_a_fourth_award_before_14_may_1973_is_refused_naming_the_limit():
    person = hero()
    three_awards(person)
    message = refusal(person, "1973-05-13")
    assert "could not be conferred on Иванов Иван Иванович 4 times" in message
    assert "under the limit in force on 13 May 1973" in message
    assert "paragraph 5, sentence 1" in message
    assert person.conferments.count() == 3


def test_a_fourth_award_from_14_may_1973_is_accepted():
    person = hero()
    three_awards(person)
    fourth = confer(person, "1973-05-14")
    assert (fourth.ordinal, fourth.times, fourth.rules_uncertain) == (4, 4, False)
    assert sorted(person.conferments.values_list("times", flat=True)) == [4, 4, 4, 4]


def test_a_fourth_award_dated_only_1973_is_warned():
    person = hero()
    three_awards(person)
    assert confer(person, "1973").uncertain_rules == "repeat_limit"


def test_the_limit_of_three_holds_from_1940():
    person = hero()
    for date in ("1941-01-01", "1942-01-01", "1943-01-01"):
        confer(person, date)
    assert "4 times under the limit in force on 1 January 1944" in refusal(person, "1944-01-01")


def test_a_repeat_award_before_1940_is_warned_as_the_source_gives_no_rule():
    person = hero()
    confer(person, "1939-01-10")
    second = confer(person, "1939-06-01")
    assert (second.ordinal, second.uncertain_rules) == (2, "repeat_limit")


def test_foreign_citizen_is_refused_the_hero_of_socialist_labour_naming_the_passage():
    message = refusal(hero(citizenship=Person.Citizenship.FOREIGN), "1950-01-01")
    assert "not conferred on foreign citizens" in message
    assert "paragraph 1, sentence 3" in message


def test_foreign_citizen_of_a_title_whose_rules_are_silent_is_warned():
    conferment = confer(
        hero(citizenship=Person.Citizenship.FOREIGN), "1930-01-01", title="hero-of-labour"
    )
    # The source gives no rule of foreign citizens for it, nor the date it ended.
    assert conferment.uncertain_rules == "abolition foreign_citizens"


def test_foreign_citizen_may_receive_the_hero_of_the_soviet_union():
    conferment = confer(
        hero(citizenship=Person.Citizenship.FOREIGN),
        "1950-01-01",
        title="hero-of-the-soviet-union",
    )
    # The source dates neither the establishment nor the abolition of that title:
    # uncertain, but not refused, and nothing about foreign citizens.
    assert conferment.uncertain_rules == "establishment abolition"


def insignia_of(conferment):
    [checked] = [
        item
        for item in registry.person_conferments(person=conferment.person)
        if item.conferment.pk == conferment.pk
    ]
    return {item.aspect: item.status.value for item in checked.check.insignia}


def test_the_gold_medal_is_due_from_22_may_1940():
    assert insignia_of(confer(hero(), "1940-05-21")) == {
        "certificate": "in_force",
        "order_of_lenin": "in_force",
    }
    assert insignia_of(confer(hero(), "1940-05-22"))["gold_medal"] == "in_force"


def test_a_repeat_award_brings_the_order_of_lenin_until_1988():
    person = hero()
    confer(person, "1950-01-01")
    assert "repeat_order_of_lenin" in insignia_of(confer(person, "1987-01-01"))
    assert insignia_of(confer(person, "1988"))["repeat_order_of_lenin"] == "uncertain"
    later = insignia_of(confer(person, "1989-01-01"))
    assert "repeat_order_of_lenin" not in later
    assert "order_of_lenin" not in later


def in_russian_refusal(person, date, **kwargs) -> str:
    with translation.override("ru"):
        return refusal(person, date, **kwargs)


def test_a_refused_fourth_award_names_a_woman_in_the_dative_with_the_count_and_the_year():
    # Invented: the sex is read from the patronymic, the surname does not decline.
    person = hero(surname="Тестман", given_name="Хелене", patronymic="Андреевна")
    three_awards(person)
    message = in_russian_refusal(person, "1972")
    assert "не могло быть присвоено Тестман Хелене Андреевне 4 раза" in message
    assert "при ограничении, действовавшем в 1972 году" in message


def test_a_stated_sex_declines_a_name_without_a_patronymic():
    person = hero(surname="Пробная", given_name="Анна", patronymic="", sex="female")
    three_awards(person)
    assert "присвоено Пробной Анне 4 раза" in in_russian_refusal(person, "1972-05")


def test_a_person_of_unknown_sex_is_refused_in_wording_without_the_name():
    person = hero(surname="Пробный", given_name="", patronymic="")
    three_awards(person)
    message = in_russian_refusal(person, "1972-05")
    assert "Награждение № 4 превышает ограничение, действовавшее в мае 1972 года" in message
    assert "Пробн" not in message


def test_refusals_of_the_titles_life_give_the_dates_in_their_case():
    assert "учреждено 27 декабря 1938 года, позже 1937 года" in in_russian_refusal(hero(), "1937")
    assert "упразднено в 1991 году, раньше марта 1992 года" in in_russian_refusal(hero(), "1992-03")


def test_an_uncertain_repeat_count_is_in_the_plural_with_the_year_it_holds_on():
    person = hero()
    confer(person, "1938-12-30")
    second = Conferment(
        person=person,
        title=Conferment.objects.get(person=person).title,
        date=PartialDate.parse("1939"),
    )
    with translation.override("ru"):
        warnings = [str(finding) for finding in registry.assess(second).warnings]
    assert any("могло ли звание быть присвоено 2 раза на 1939 год" in text for text in warnings)
