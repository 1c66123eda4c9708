"""People matched as a researcher matches them, on plain values (no database)."""

import pytest

from awards.core.dates import PartialDate
from awards.registry.matching import POSSIBLE, SAME, NameParts, dates_agree, match


def person(surname, given="Василий", patronymic="Алексеевич", born=None):
    return NameParts(
        surname=surname,
        given_name=given,
        patronymic=patronymic,
        born_on=PartialDate.parse(born) if born else None,
    )


@pytest.mark.parametrize(
    ("row", "recorded", "verdict"),
    [
        # ё and е, case and hyphens are written alike.
        (person("Дегтярев", born="1880"), person("Дегтярёв", born="1880"), SAME),
        (person("ДЕГТЯРЕВ"), person("Дегтярёв"), SAME),
        (person("Римский Корсаков"), person("Римский-Корсаков"), SAME),
        # A year and a day of that year can be the same day.
        (person("Проверочный", born="1919"), person("Проверочный", born="1919-11-10"), SAME),
        # Another birth date, a date on one side only, initials: asked, never decided.
        (person("Проверочный", born="1878"), person("Проверочный", born="1879"), POSSIBLE),
        (person("Проверочный", born="1919"), person("Проверочный"), POSSIBLE),
        (person("Проверочный", "В.", "А."), person("Проверочный"), POSSIBLE),
        (person("Проверочный", given=""), person("Проверочный"), POSSIBLE),
        # Different names, or an initial of another letter: not the same person.
        (person("Проверочный", "Пётр"), person("Проверочный"), None),
        (person("Проверочный", "П.", "А."), person("Проверочный"), None),
        (person("Проверочная"), person("Проверочный"), None),
    ],
)
def test_a_row_is_the_same_person_possibly_or_not(row, recorded, verdict):
    assert match(row, recorded) == verdict


def test_two_unknown_dates_agree_and_a_known_one_agrees_only_with_its_own_days():
    assert dates_agree(None, None)
    assert not dates_agree(PartialDate(1919), None)
    assert dates_agree(PartialDate(1919, 11), PartialDate(1919, 11, 10))
    assert not dates_agree(PartialDate(1919, 11, 9), PartialDate(1919, 11, 10))
