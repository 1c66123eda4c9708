"""Names in the case a sentence needs (awards.core.inflection), by Petrovich. People
invented."""

from awards.core.inflection import (
    DATIVE,
    GENITIVE,
    INSTRUMENTAL,
    NOMINATIVE,
    NameParts,
    name_in_case,
)


def test_a_womans_name_in_the_dative_keeps_an_indeclinable_surname():
    parts = NameParts(surname="Тестман", given_name="Хелене", patronymic="Андреевна")
    assert name_in_case(parts, DATIVE, sex="female") == "Тестман Хелене Андреевне"


def test_a_womans_russian_surname_declines():
    parts = NameParts(surname="Пробная", given_name="Анна", patronymic="Петровна")
    assert name_in_case(parts, GENITIVE, sex="female") == "Пробной Анны Петровны"


def test_a_mans_name_and_a_double_surname_decline_part_by_part():
    parts = NameParts(surname="Пробный-Вымышленный", given_name="Пётр", patronymic="Ильич")
    assert name_in_case(parts, INSTRUMENTAL, sex="male") == "Пробным-Вымышленным Петром Ильичем"


def test_initials_stay_as_they_are():
    assert name_in_case(NameParts("Пробный", initials="В. А."), DATIVE, sex="male") == (
        "Пробному В. А."
    )
    assert name_in_case(NameParts("Пробный", "В.", "А."), DATIVE, sex="male") == "Пробному В. А."


def test_the_nominative_or_an_unknown_sex_leaves_the_name_as_it_is():
    parts = NameParts(surname="Тестова", given_name="Анна", patronymic="Петровна")
    assert name_in_case(parts, NOMINATIVE, sex="female") == "Тестова Анна Петровна"
    assert name_in_case(parts, DATIVE, sex="unknown") == "Тестова Анна Петровна"
