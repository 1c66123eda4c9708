"""The names a record is found under but that its page does not show as such: for a
person, the Latin spellings of their Russian name by every search standard
(awards.core.transliteration.spellings: passport, BGN/PCGN, ISO 9, Wikipedia, with ё as е)
and every other name recorded (awards.models.OtherName: birth and pen names, spellings in
other languages), each with its own spellings.

They are indexed with the record's names (awards.search.index), so that they weigh as
names do; the person's entry is rewritten whenever the person or one of their other names
is written (awards.records.writes).
"""

from __future__ import annotations

from awards.core.bulk import chunks
from awards.core.transliteration import spellings


def person_hidden_names(*, apps, rows: list[dict], using: str) -> dict[int, list[str]]:
    """By person key: the spellings of the Russian name and the other names with theirs."""
    found = {row["pk"]: spellings(row.get("name_ru") or "") for row in rows}
    try:
        other_name = apps.get_model("awards", "OtherName")
    except LookupError:
        # The index filled by a migration older than other names (0011, 0012).
        return found
    for chunk in chunks(list(found)):
        for person, name in (
            other_name._base_manager.using(using)
            .filter(person_id__in=chunk)
            .order_by("pk")
            .values_list("person_id", "name")
        ):
            found[person] += [name, *spellings(name)]
    return found
