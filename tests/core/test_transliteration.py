"""Russian names in Latin letters (awards.core.transliteration): shown in the Wikipedia
style, found under the spellings of the other standards."""

import pytest

from awards.core.transliteration import folded, spellings, transliterate


@pytest.mark.parametrize(
    ("russian", "latin"),
    [
        ("Дегтярёв Василий Алексеевич", "Degtyaryov Vasily Alekseevich"),
        ("Горин Василий Яковлевич", "Gorin Vasily Yakovlevich"),
        ("Щукин Юлий", "Shchukin Yuly"),
        ("Подъячев Игорь", "Podyachev Igor"),
        ("Королёв", "Korolyov"),
    ],
)
def test_a_name_is_shown_in_the_wikipedia_style(russian, latin):
    assert transliterate(russian) == latin


def test_initials_and_places_are_written_letter_by_letter():
    assert transliterate("В. Ю.") == "V. Yu."
    assert transliterate("г. Тула") == "g. Tula"


def test_what_is_not_cyrillic_is_kept():
    assert transliterate("Иванов-2 (A. B.), 1906") == "Ivanov-2 (A. B.), 1906"


def test_each_capital_letter_stays_a_capital():
    assert transliterate("ЖУК") == "ZhUK"


def test_a_name_has_the_spellings_of_every_search_standard():
    found = spellings("Дегтярёв")
    # Wikipedia, passport, BGN/PCGN, ISO 9, and ё written е.
    for spelling in ("Degtyaryov", "Degtiarev", "Degtyarëv", "Degtârëv", "Degtyarev"):
        assert spelling in found


def test_spellings_use_latin_letters_only():
    assert all(not any("а" <= char.lower() <= "я" or char in "ёЁ" for char in spelling)
               for spelling in spellings("Дегтярёв Пётр Семёнович"))  # fmt: skip


def test_folded_spelling_drops_diacritics_and_sign_marks():
    assert folded("Degtârëv Kulʹman Kul’man") == "Degtarev Kulman Kulman"


def test_text_without_cyrillic_has_no_spellings():
    assert spellings("Kullman 1906") == []
