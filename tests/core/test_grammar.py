"""A person's grammatical sex (awards.core.grammar): as stated, else from the patronymic by
the stated rule. Patronymics invented or common words."""

import pytest

from awards.core.grammar import FEMALE, MALE, UNKNOWN, grammatical_sex, sex_from_patronymic


@pytest.mark.parametrize(
    ("patronymic", "sex"),
    [
        ("Пробович", MALE),
        ("Ильич", MALE),
        ("Мамед оглы", MALE),
        ("Тестоглы", MALE),
        ("Пробовна", FEMALE),
        ("Ильинична", FEMALE),
        ("Кузьминична", FEMALE),
        ("Фоминична", FEMALE),
        ("Саниевна", FEMALE),
        ("Али кызы", FEMALE),
        ("А.", UNKNOWN),
        ("", UNKNOWN),
        (None, UNKNOWN),
        ("Мария", UNKNOWN),
    ],
)
def test_the_patronymic_gives_the_sex_by_its_ending(patronymic, sex):
    assert sex_from_patronymic(patronymic) == sex


def test_a_stated_sex_outweighs_the_patronymic():
    assert grammatical_sex(stated=FEMALE, patronymic="Пробович") == FEMALE
    assert grammatical_sex(stated="", patronymic="Пробовна") == FEMALE
    assert grammatical_sex(stated="", patronymic="") == UNKNOWN
