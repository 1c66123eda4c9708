"""People matched as a researcher matches them: names compared once written alike, dates
that can be the same day, initials against full names — and a doubt left to the editor.

The rule, on plain values (``NameParts``):

- names are compared after normalising case, ё (as е), hyphens, spaces and dots;
- a part given as an initial («А.») agrees with any name of that first letter; a part one
  side lacks agrees with anything;
- two dates agree when they can be the same day (1919 and 1919-11-10 do; 1878 and 1879 do
  not), and two unknown dates agree;
- a row is **the same person** as a recorded one when the surnames are alike, every other
  part is given in full and alike on both sides, and the birth dates agree;
- it is **possibly** that person (a question for the editor, never a silent decision)
  when the surnames are alike and the other parts agree but not fully (an initial, a part
  missing, a birth date on one side only or another birth date).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from awards.core.dates import PartialDate
from awards.core.names import is_initial, normalized_name, split_initials

if TYPE_CHECKING:
    from awards.models import Person

SAME = "same"
POSSIBLE = "possible"


class Agreement(Enum):
    FULL = "full"  # both given in full, alike
    PARTIAL = "partial"  # an initial against a name, or one side missing
    NONE = "none"  # two different names


def part_agreement(first: str | None, second: str | None) -> Agreement:
    """How two given names (or two patronymics) agree."""
    one, other = normalized_name(first), normalized_name(second)
    if not one and not other:
        return Agreement.FULL
    if not one or not other:
        return Agreement.PARTIAL
    if is_initial(first) or is_initial(second):
        return Agreement.PARTIAL if one[0] == other[0] else Agreement.NONE
    return Agreement.FULL if one == other else Agreement.NONE


def dates_agree(first: PartialDate | None, second: PartialDate | None) -> bool:
    """Whether two dates, each known as far as its source gives it, can be the same day
    (two unknown dates agree; a known and an unknown one do not)."""
    if first is None or second is None:
        return first is None and second is None
    return not (first.latest() < second.earliest() or second.latest() < first.earliest())


@dataclass(frozen=True)
class NameParts:
    """What a row or a record says of a person, as far as matching reads it."""

    surname: str
    given_name: str = ""
    patronymic: str = ""
    born_on: PartialDate | None = None


def match(row: NameParts, person: NameParts) -> str | None:
    """SAME, POSSIBLE or None: whether ``row`` names ``person`` (the rule above)."""
    if normalized_name(row.surname) != normalized_name(person.surname):
        return None
    agreements = [
        part_agreement(row.given_name, person.given_name),
        part_agreement(row.patronymic, person.patronymic),
    ]
    if Agreement.NONE in agreements:
        return None
    if all(agreement is Agreement.FULL for agreement in agreements) and dates_agree(
        row.born_on, person.born_on
    ):
        return SAME
    return POSSIBLE


def person_parts(person: Person) -> NameParts:
    """What a recorded person's record says, as matching reads it: initials stand for the
    parts the record leaves empty."""
    initials = split_initials(person.initials or "")
    given = person.given_name_ru or (initials[0] if initials else "")
    patronymic = person.patronymic_ru or (initials[1] if len(initials) > 1 else "")
    return NameParts(
        surname=person.surname_ru or "",
        given_name=given,
        patronymic=patronymic,
        born_on=person.born_on,
    )
