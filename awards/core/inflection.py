"""Russian names in the case a sentence needs («присвоено Тестман Хелене Андреевне»),
by Petrovich's rules for surnames, given names and patronymics. Initials stay as they are;
a name whose sex is unknown is not inflected (the sentence must not need it)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from petrovich.enums import Case, Gender
from petrovich.main import Petrovich

from awards.core.grammar import FEMALE, MALE
from awards.core.names import is_initial

NOMINATIVE = "nominative"
GENITIVE = "genitive"
DATIVE = "dative"
ACCUSATIVE = "accusative"
INSTRUMENTAL = "instrumental"
PREPOSITIONAL = "prepositional"

_CASES = {
    GENITIVE: Case.GENITIVE,
    DATIVE: Case.DATIVE,
    ACCUSATIVE: Case.ACCUSATIVE,
    INSTRUMENTAL: Case.INSTRUMENTAL,
    PREPOSITIONAL: Case.PREPOSITIONAL,
}
_GENDERS = {MALE: Gender.MALE, FEMALE: Gender.FEMALE}


@dataclass(frozen=True)
class NameParts:
    """A Russian name by its parts; ``initials`` («В. А.») stand for the given name and
    patronymic where the source gives no more."""

    surname: str = ""
    given_name: str = ""
    patronymic: str = ""
    initials: str = ""


@cache
def _petrovich() -> Petrovich:
    # Reads its rules file once.
    return Petrovich()


def name_in_case(parts: NameParts, case: str, *, sex: str) -> str:
    """The name, surname first, in ``case`` for a person of ``sex`` (male or female):
    each part by its own rules, initials unchanged. In the nominative, or for a sex that is
    neither, the name as it is."""
    words = [parts.surname, parts.given_name, parts.patronymic, parts.initials]
    if case == NOMINATIVE or sex not in _GENDERS:
        return " ".join(word for word in words if word)
    petrovich, grammatical_case, gender = _petrovich(), _CASES[case], _GENDERS[sex]
    inflect = (petrovich.lastname, petrovich.firstname, petrovich.middlename)
    inflected = [
        word if is_initial(word) else rule(word, grammatical_case, gender)
        for word, rule in zip(words[:3], inflect, strict=True)
        if word
    ]
    if parts.initials:
        inflected.append(parts.initials)
    return " ".join(inflected)
