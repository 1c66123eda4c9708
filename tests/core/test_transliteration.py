"""Russian names in Latin letters (awards.core.transliteration), as passports write them."""

import pytest

from awards.core.transliteration import transliterate


@pytest.mark.parametrize(
    ("russian", "latin"),
    [
        ("Стаханов Алексей Григорьевич", "Stakhanov Aleksei Grigorevich"),
        ("Щукин Юлий", "Shchukin Iulii"),
        ("Подъячев Игорь", "Podieiachev Igor"),
        ("Королёв", "Korolev"),
    ],
)
def test_a_name_is_written_as_a_russian_passport_writes_it(russian, latin):
    assert transliterate(russian) == latin


def test_what_is_not_cyrillic_is_kept():
    assert transliterate("Иванов-2 (A. B.), 1906") == "Ivanov-2 (A. B.), 1906"


def test_each_capital_letter_stays_a_capital():
    assert transliterate("ЖУК") == "ZhUK"
