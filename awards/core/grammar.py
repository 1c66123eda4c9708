"""A person's grammatical sex: as the source states it or, where it does not, as the
patronymic shows it. Plain text in, plain text out; sentences about the person agree with
what this answers (awards.core.inflection, the «Родился»/«Родилась» of the pages)."""

from __future__ import annotations

MALE = "male"
FEMALE = "female"
UNKNOWN = "unknown"

# Russian patronymics and the Turkic «оглы»/«кызы» (son/daughter of) end so. «…ич» covers
# «…вич» and «Ильич», «Лукич»; «…чна» covers «Ильинична», «Кузьминична». The rule the
# Person.sex field's help text states: change both together.
MALE_ENDINGS = ("вич", "ич", "оглы")
FEMALE_ENDINGS = ("вна", "чна", "ична", "кызы")


def sex_from_patronymic(patronymic: str | None) -> str:
    """The sex a patronymic shows: …вич, …ич, …оглы male; …вна, …чна, …ична, …кызы female;
    anything else (no patronymic, initials, a foreign middle name) unknown."""
    words = (patronymic or "").strip().lower().replace("-", " ").split()
    if not words:
        return UNKNOWN
    # «Мамед оглы» and «Мамедоглы» alike: the last word decides.
    last = words[-1]
    if len(last) <= 2:
        return UNKNOWN
    if last.endswith(FEMALE_ENDINGS):
        return FEMALE
    if last.endswith(MALE_ENDINGS):
        return MALE
    return UNKNOWN


def grammatical_sex(*, stated: str | None, patronymic: str | None) -> str:
    """The sex sentences about a person agree with: the stated one, else the patronymic's."""
    if stated in (MALE, FEMALE):
        return stated
    return sex_from_patronymic(patronymic)
