"""Russian names in Latin letters, for the English side of a record a list gives only in
Russian: the simple system of Russian passports (ICAO Doc 9303, 2013), which names
in reference lists most often follow."""

TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia",
}  # fmt: skip


def transliterate(text: str) -> str:
    """The text with every Cyrillic letter replaced by its Latin letters, case kept."""
    out = []
    for char in text:
        latin = TABLE.get(char.lower())
        if latin is None:
            out.append(char)
        elif char.isupper():
            out.append(latin.capitalize())
        else:
            out.append(latin)
    return "".join(out)
