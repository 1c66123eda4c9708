"""Two records of one person merged into one (awards.records.merging). People invented."""

import pytest
from django.core.exceptions import ValidationError

from awards.models import Conferment, Person
from awards.records.merging import merge_people
from tests.support.registry_builders import confer, hero

pytestmark = pytest.mark.usefixtures("seeded")


def test_the_kept_record_takes_the_others_awards_values_and_passages(chief_editor):
    keep = hero(surname="Проверочный-Слитый", born_on=None)
    merged = hero(surname="Проверочный-Слитый", slug="merged-twin")
    merged.birth_place_ru = "Проверочное"
    merged.save()
    confer(keep, "1950-01-01")
    confer(merged, "1960-01-01")
    merged.citations.add(merged.citations.model.objects.get(slug="hsl-p4-s1"))

    kept = merge_people(keep=keep, merged=merged, user=chief_editor)

    assert not Person.objects.filter(slug="merged-twin").exists()
    assert kept.birth_place_ru == "Проверочное"
    awards = list(kept.conferments.order_by("date"))
    assert [(c.ordinal, c.times, c.public_times) for c in awards] == [(1, 2, 2), (2, 2, 2)]
    assert {c.slug for c in kept.citations.all()} >= {"hsl-p1-s1", "hsl-p4-s1"}
    deletion = Person.history.filter(slug="merged-twin").latest("history_date")
    assert deletion.history_type == "-"
    assert deletion.history_change_reason.startswith("Объединено с записью")
    assert kept.history.latest("history_date").history_user == chief_editor
    moved = awards[1].history.latest("history_date")
    assert moved.history_change_reason.startswith("Объединено")


def test_a_merge_the_rules_refuse_changes_nothing(chief_editor):
    keep = hero(surname="Проверочный-Трижды")
    merged = hero(surname="Проверочный-Трижды", slug="fourth")
    for date in ("1950-01-01", "1955-01-01", "1960-01-01"):
        confer(keep, date)
    confer(merged, "1965-01-01")

    with pytest.raises(ValidationError):
        merge_people(keep=keep, merged=merged, user=chief_editor)

    assert Person.objects.filter(slug="fourth").exists()
    assert Conferment.objects.filter(person=keep).count() == 3
