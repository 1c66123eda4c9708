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


def test_other_names_and_dates_move_to_the_kept_record_once(chief_editor):
    from awards.core.dates import PartialDate
    from awards.models import OtherDate, OtherName

    keep = hero(surname="Проверочный-Двойной")
    merged = hero(surname="Проверочный-Двойной", slug="merged-double")
    for person in (keep, merged):
        OtherName.objects.create(person=person, name="Псевдонимов (вымышленный)", kind="pen")
    OtherName.objects.create(person=merged, name="Probny-Dvoinoi", kind="spelling", language="en")
    OtherDate.objects.create(person=merged, kind="birth", date=PartialDate(1878))

    kept = merge_people(keep=keep, merged=merged, user=chief_editor)

    assert sorted(kept.other_names.values_list("kind", "name")) == [
        ("pen", "Псевдонимов (вымышленный)"),
        ("spelling", "Probny-Dvoinoi"),
    ]
    assert [date.isoformat() for date in kept.other_dates.values_list("date", flat=True)] == [
        "1878"
    ]
