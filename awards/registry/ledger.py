"""The ledger of medal numbers: a title's insignia numbers against the dates of the
conferments they were presented with, and what in them calls for a look.

The medals of a title were numbered as they were made and presented, so in a ledger whose
records are right a higher number goes with a later (or the same) date. Flagged:

- a **duplicate**: one number recorded for two conferments;
- a number **out of order**: its conferment is dated wholly before the conferment of a
  lower number (dates as far as known: 1950 is not before 1950-03-01);
- a **long gap**: more than ``LONG_GAP`` numbers between two recorded numbers next to
  each other (a part of the registry not yet recorded, or a misread number);
- a number that is **not a number** («12а», «?»), listed apart.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from awards.core.content_generation import kept_for_generation

LONG_GAP = 1000
# The title whose ledger is shown when none is chosen: its medal is the numbered one the
# document names (the "Hammer and Sickle").
LEDGER_TITLE = "hero-of-socialist-labour"


@dataclass(frozen=True)
class LedgerRow:
    """What the ledger reads of a conferment: values, so that a title's whole ledger of
    numbers is read in one query without a record each."""

    pk: int
    medal_number: str
    medal_order: int | None
    date: object  # a PartialDate

    @classmethod
    def fields(cls) -> tuple[str, ...]:
        return ("pk", "medal_number", "medal_order", "date")


@dataclass(frozen=True)
class Gap:
    after: LedgerRow  # the row of the lower number
    before: LedgerRow  # the row of the higher number
    missing: int  # how many numbers lie between them


@dataclass
class Ledger:
    """A title's numbered conferments (LedgerRows) in the order of their numbers, and the
    anomalies."""

    numbered: list = field(default_factory=list)
    duplicates: list[list] = field(default_factory=list)  # conferments sharing a number
    # (the conferment dated too early, the lower-numbered conferment dated after it)
    out_of_order: list[tuple] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    unreadable: list = field(default_factory=list)

    @property
    def anomalies(self) -> int:
        return len(self.duplicates) + len(self.out_of_order) + len(self.gaps) + len(self.unreadable)


def medal_ledger(*, rows) -> Ledger:
    """The ledger (the rule above) of the LedgerRows of one title's conferments that
    carry a medal number."""
    ledger = Ledger()
    by_number = defaultdict(list)
    for conferment in rows:
        if conferment.medal_order is None:
            ledger.unreadable.append(conferment)
        else:
            by_number[conferment.medal_order].append(conferment)
    numbers = sorted(by_number)
    ledger.numbered = [c for number in numbers for c in sorted(by_number[number], key=_order)]
    ledger.duplicates = [by_number[number] for number in numbers if len(by_number[number]) > 1]
    # The latest "earliest day" among the lower numbers so far, with its conferment.
    latest_below = None
    previous = None
    for number in numbers:
        group = by_number[number]
        if latest_below is not None:
            for conferment in group:
                if conferment.date.latest() < latest_below.date.earliest():
                    ledger.out_of_order.append((conferment, latest_below))
        for conferment in group:
            if latest_below is None or conferment.date.earliest() > latest_below.date.earliest():
                latest_below = conferment
        if previous is not None and number - previous.medal_order - 1 > LONG_GAP:
            ledger.gaps.append(
                Gap(after=previous, before=group[0], missing=number - previous.medal_order - 1)
            )
        previous = group[-1]
    return ledger


def _order(conferment) -> tuple:
    return (conferment.date, conferment.pk or 0)


# Anomalies of each kind a page shows (the counts are of all).
SHOWN = 100


def read_ledger(*, conferments, shown: int = SHOWN) -> tuple[Ledger, dict]:
    """The ledger of a QuerySet of one title's conferments (the public's published ones,
    or every record for the editors), and the records of the rows it flags (at most
    ``shown`` of each kind), by key, with their people."""
    rows = [
        LedgerRow(*values)
        for values in conferments.exclude(medal_number="")
        .order_by()
        .values_list(*LedgerRow.fields())
        .iterator(chunk_size=5000)
    ]
    ledger = medal_ledger(rows=rows)
    flagged = {
        row.pk
        for row in [
            *(row for group in ledger.duplicates[:shown] for row in group),
            *(row for pair in ledger.out_of_order[:shown] for row in pair),
            *(row for gap in ledger.gaps[:shown] for row in (gap.after, gap.before)),
            *ledger.unreadable[:shown],
        ]
    }
    records = {
        record.pk: record
        for record in conferments.filter(pk__in=flagged).select_related("person", "title")
    }
    return ledger, records


@dataclass(frozen=True)
class LedgerSummary:
    """A ledger as a page shows it: how many numbers it holds and how many are flagged,
    and only the flagged rows whose records were read (those the page lists)."""

    numbered: int
    anomalies: int
    duplicates: list
    out_of_order: list
    gaps: list
    unreadable: list

    @classmethod
    def of(cls, ledger: Ledger, records: dict) -> LedgerSummary:
        def known(*rows) -> bool:
            return all(row.pk in records for row in rows)

        return cls(
            numbered=len(ledger.numbered),
            anomalies=ledger.anomalies,
            duplicates=[group for group in ledger.duplicates if known(*group)],
            out_of_order=[pair for pair in ledger.out_of_order if known(*pair)],
            gaps=[gap for gap in ledger.gaps if known(gap.after, gap.before)],
            unreadable=[row for row in ledger.unreadable if known(row)],
        )


# The public ledgers, by content generation and title key.
_ledgers_of_generation: dict[tuple[str, int | None], tuple[LedgerSummary, dict]] = {}


def read_public_ledger(*, title, conferments) -> tuple[LedgerSummary, dict]:
    """``read_ledger`` of a title's public conferments, summed up, kept for the content
    generation.

    The ledger reads every numbered conferment of the title (a million rows of the
    largest lists): the public page reads it once per generation, which every committed
    write renews (``kept_for_generation``, as for the titles' rules of the pages),
    so it is never older than a cached page would be. Inside a transaction, where a
    write may not be committed yet, it is read afresh.
    """

    def read() -> tuple[LedgerSummary, dict]:
        ledger, records = read_ledger(conferments=conferments)
        return LedgerSummary.of(ledger, records), records

    key = title.pk if title is not None else None
    return kept_for_generation(_ledgers_of_generation, key, read)


def ledger_anomalies(ledger, records: dict, *, url_of) -> dict[str, list]:
    """The flagged rows of a ledger as a page lists them, kind by kind: each an entry of
    the person, the number, the date and the address ``url_of`` gives its record."""

    def entry(row):
        record = records[row.pk]
        return {
            "person": record.person,
            "number": record.medal_number,
            "date": record.date,
            "url": url_of(record),
        }

    def known(*rows) -> bool:
        return all(row.pk in records for row in rows)

    return {
        "duplicates": [
            [entry(row) for row in group] for group in ledger.duplicates if known(*group)
        ],
        "out_of_order": [
            (entry(early), entry(later))
            for early, later in ledger.out_of_order
            if known(early, later)
        ],
        "gaps": [
            (entry(gap.after), entry(gap.before), gap.missing)
            for gap in ledger.gaps
            if known(gap.after, gap.before)
        ],
        "unreadable": [entry(row) for row in ledger.unreadable if known(row)],
    }
