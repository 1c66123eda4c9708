"""Whether a record's dates and numbers appear in the sentences it cites.

A record states what its passages say; a date or a number that none of them mentions is
worth a second look (an event "first conferment, 1939" citing a sentence about 1938). It is
a warning, never a refusal: a passage may put a date in words or lean on another passage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from awards.core.dates import RUSSIAN_GENITIVE_MONTHS, PartialDate, format_partial_date
from awards.fields import PartialDateField
from awards.models import Citation

# Fields holding a number the source gives (when the text is all digits).
NUMBER_FIELDS = ("medal_number", "value_key")


@dataclass(frozen=True)
class UncitedFact:
    """A value of a record that none of its cited sentences mentions."""

    field: str
    label: str
    value: str


def _number_in(number: str, sentence: str) -> bool:
    return re.search(rf"(?<!\d){re.escape(number)}(?!\d)", sentence) is not None


def date_is_stated(date: PartialDate, sentence: str) -> bool:
    """True when the sentence mentions the date: its year, or for a day its day and month
    in the genitive («3 декабря», a year often left to the context)."""
    text = " ".join(sentence.replace("\xa0", " ").split()).lower()
    if _number_in(str(date.year), text):
        return True
    if date.day is None:
        return False
    month = RUSSIAN_GENITIVE_MONTHS[date.month - 1]
    return re.search(rf"(?<!\d)0?{date.day}\s+{month}", text) is not None


def number_is_stated(number: str, sentence: str) -> bool:
    """True when the sentence holds the number as a whole number (not inside another)."""
    return _number_in(number, sentence.replace("\xa0", ""))


def uncited_facts(
    *,
    dates: Iterable[tuple[str, str, PartialDate]],
    numbers: Iterable[tuple[str, str, str]],
    sentences: list[str],
) -> list[UncitedFact]:
    """The dates and numbers (each as field name, label, value) that no sentence mentions.

    Nothing is reported without sentences: a record yet to cite any has another error."""
    if not sentences:
        return []
    facts = [
        UncitedFact(field, label, format_partial_date(date))
        for field, label, date in dates
        if not any(date_is_stated(date, sentence) for sentence in sentences)
    ]
    facts += [
        UncitedFact(field, label, number)
        for field, label, number in numbers
        if not any(number_is_stated(number, sentence) for sentence in sentences)
    ]
    return facts


def record_uncited_facts(record) -> list[UncitedFact]:
    """The record's dates (every partial date field) and numbers (``NUMBER_FIELDS`` holding
    digits) that none of the sentences it cites mentions."""
    dates, numbers = [], []
    for field in record._meta.concrete_fields:
        value = getattr(record, field.attname, None)
        label = str(field.verbose_name)
        if isinstance(field, PartialDateField) and isinstance(value, PartialDate):
            dates.append((field.name, label, value))
        elif field.name in NUMBER_FIELDS and isinstance(value, str) and value.isdigit():
            numbers.append((field.name, label, value))
    return uncited_facts(dates=dates, numbers=numbers, sentences=cited_sentences(record))


def cited_sentences(record) -> list[str]:
    """The sentences the record cites: its citations and any passage a field of its own
    names (a provision's passage stating its start or end)."""
    citations = list(record.citations.all())
    citations += [
        getattr(record, field.name)
        for field in record._meta.concrete_fields
        if field.is_relation and field.related_model is Citation and getattr(record, field.attname)
    ]
    return [citation.quote_ru for citation in citations if citation.quote_ru]
