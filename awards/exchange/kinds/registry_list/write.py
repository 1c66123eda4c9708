"""Stage 5 of a registry list: people, acts and conferments in bulk, their passages, one
history entry each, inside the transaction the pipeline opens."""

from __future__ import annotations

from awards.core.bulk import (
    BATCH_SIZE,
    analyze,
    build,
    chunks,
    create_records,
    insert_rows,
    link_columns,
)
from awards.exchange.columns import fetch_by_slug
from awards.exchange.kinds.registry_list.resolve import RegistryPlan
from awards.models import Citation, Conferment, Decree, OtherDate, OtherName, Person
from awards.records.revisions import record_bulk_changes


def write(*, plan: RegistryPlan, user, reason: str, track=None) -> None:
    """People, acts and conferments in bulk, their passages, one history entry each."""
    editor = user if user is not None and user.is_authenticated else None
    people = [person for person, _citations in plan.people]
    create_records(Person, people)
    _link(Person, ((person, slugs) for person, slugs in plan.people), by_slug=True)
    other_dates = _other_dates(plan)
    create_records(Decree, plan.new_decrees)
    _link(Decree, plan.decree_citations, by_slug=True)
    # Conferments built before their new people and acts had keys take them now; a batch
    # at a time, so that the progress moves.
    written = 0
    for chunk in chunks(plan.conferments, BATCH_SIZE):
        create_records(Conferment, chunk)
        written += len(chunk)
        if track is not None:
            track(stage="write", written=written)
    _link(Conferment, plan.conferment_citations)
    if plan.updated:
        Conferment.objects.bulk_update(
            plan.updated,
            ["date", "year", "medal_number", "medal_order", "decree", "updated_at", "version"],
            batch_size=500,
        )
        if track is not None:
            track(stage="write", written=written + len(plan.updated))
    # Before the history and the registry's upkeep read what was written, so that the
    # planner knows the tables' size (awards.core.bulk.analyze).
    analyze(Person, Conferment, rows=len(people) + len(plan.conferments))
    record_bulk_changes(model=Person, created=people, user=editor, reason=reason)
    # After the people's history: writing other names indexes their people again.
    other_names = _new_other_names(plan)
    create_records(OtherName, other_names)
    record_bulk_changes(model=OtherName, created=other_names, user=editor, reason=reason)
    record_bulk_changes(model=Decree, created=plan.new_decrees, user=editor, reason=reason)
    record_bulk_changes(model=OtherDate, created=other_dates, user=editor, reason=reason)
    record_bulk_changes(
        model=Conferment,
        created=plan.conferments,
        updated=plan.updated,
        user=editor,
        reason=reason,
    )


def _other_dates(plan: RegistryPlan) -> list[OtherDate]:
    """Another source's dates of the people rows were answered to be (their people now
    written), each once, citing the first passage of its row; none already recorded."""
    wanted = {}
    for person, kind, date, slugs, _row in plan.other_dates:
        wanted.setdefault((person.pk, kind, date.isoformat()), (person, kind, date, slugs))
    if not wanted:
        return []
    recorded = {
        (person, kind, date.isoformat())
        for person, kind, date in OtherDate.objects.filter(
            person__in={key[0] for key in wanted}
        ).values_list("person_id", "kind", "date")
    }
    citations = fetch_by_slug(Citation, {slugs[0] for *_rest, slugs in wanted.values() if slugs})
    dates = [
        OtherDate(
            person=person,
            kind=kind,
            date=date,
            citation=citations.get(slugs[0]) if slugs else None,
        )
        for key, (person, kind, date, slugs) in wanted.items()
        if key not in recorded
    ]
    OtherDate.objects.bulk_create(dates)
    return dates


def _link(model, pairs, *, by_slug: bool = False) -> None:
    through, source, target = link_columns(model._meta.get_field("citations"))
    if by_slug:
        pairs = list(pairs)
        found = fetch_by_slug(Citation, {slug for _record, slugs in pairs for slug in slugs})
        pairs = [(record, [found[slug] for slug in slugs]) for record, slugs in pairs]
    insert_rows(
        through,
        [source, target],
        ((record.pk, citation.pk) for record, citations in pairs for citation in citations),
    )


def _new_other_names(plan: RegistryPlan) -> list[OtherName]:
    """The other names the rows give that their people do not have yet (by kind and
    name), each once."""
    people = {person.pk for person, _name, _source in plan.other_names}
    known = set()
    for chunk in chunks(sorted(people)):
        known.update(
            OtherName.objects.filter(person_id__in=chunk).values_list("person_id", "kind", "name")
        )
    new = []
    for person, name, source in plan.other_names:
        key = (person.pk, name.kind, name.name)
        if key not in known:
            known.add(key)
            new.append(
                build(
                    OtherName,
                    {
                        "person_id": person.pk,
                        "name": name.name,
                        "kind": name.kind,
                        "language": name.language,
                        "source_id": source,
                    },
                )
            )
    return new
