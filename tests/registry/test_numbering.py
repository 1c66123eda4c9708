"""Each person's awards of a title numbered by date (awards.registry.numbering): all of them,
and the published ones alone."""

import pytest
from django.utils import translation

from awards.core.dates import PartialDate
from awards.models import Conferment
from awards.registry.numbering import refresh_sort_names, renumber
from tests.support.registry_builders import confer, hero
from tests.support.registry_pages import names_on, text_of

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_an_award_entered_out_of_order_renumbers_the_later_ones():
    person = hero()
    later = confer(person, "1960-01-01")
    confer(person, "1950-01-01")
    later.refresh_from_db()
    assert (later.ordinal, later.times) == (2, 2)


def test_a_draft_award_never_makes_anyone_twice_honoured_in_public(
    client, chief_editor_client, heroes
):
    abramov = heroes["abramov"]
    draft = Conferment(
        slug="abramov-draft",
        person=abramov,
        title=Conferment.objects.get(person=abramov).title,
        date=PartialDate(1960, 2, 1),
        published=False,
    )
    draft.full_clean()
    draft.save()

    def twice():
        return names_on(client.get("/registry/?times=2")), client.get("/registry/twice/").text

    names, page = twice()
    assert not any(name.startswith("Абрамов") for name in names)
    assert "Абрамов" not in page
    assert "Абрамов" in " ".join(names_on(client.get("/registry/?times=1")))

    chief_editor_client.post(
        "/admin/awards/conferment/",
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    names, page = twice()
    assert [name for name in names if name.startswith("Абрамов")] == ["Абрамов Иван Иванович"] * 2
    assert "Абрамов" in page and "1 февраля 1960" in text_of(client.get("/registry/twice/"))

    chief_editor_client.post(f"/admin/awards/conferment/{draft.pk}/delete/", {"post": "yes"})
    names, page = twice()
    assert "Абрамов" not in page and not any(name.startswith("Абрамов") for name in names)


NUMBERS = ("ordinal", "times", "public_ordinal", "public_times")


def numbers_of(person) -> list[tuple[int, int, int, int]]:
    return list(
        Conferment.objects.filter(person=person).order_by("date", "pk").values_list(*NUMBERS)
    )


def test_renumber_numbers_all_awards_and_the_published_ones_apart():
    person = hero()
    first, second, _third = (
        confer(person, date) for date in ("1950-01-01", "1955-01-01", "1960-01-01")
    )
    # The second withdrawn and every number lost, behind the registry's back.
    Conferment.objects.filter(pk=second.pk).update(published=False)
    Conferment.objects.filter(person=person).update(
        ordinal=0, times=0, public_ordinal=0, public_times=0
    )

    changed = renumber(pairs=[(person.pk, first.title_id)])

    assert changed == 3
    # All three, as the rules count; the two published, as the public lists count.
    assert numbers_of(person) == [(1, 3, 1, 2), (2, 3, 0, 0), (3, 3, 2, 2)]
    assert renumber(pairs=[(person.pk, first.title_id)]) == 0


def test_awards_of_the_same_date_are_numbered_in_the_order_they_were_entered():
    person = hero()
    entered_first = confer(person, "1957-01-11")
    entered_second = confer(person, "1957-01-11")
    Conferment.objects.filter(person=person).update(ordinal=0)

    renumber(pairs=[(person.pk, entered_first.title_id)])

    entered_first.refresh_from_db()
    entered_second.refresh_from_db()
    assert (entered_first.ordinal, entered_second.ordinal) == (1, 2)


def test_only_the_people_and_titles_given_are_renumbered():
    numbered, left = hero(), hero()
    title = confer(numbered, "1950-01-01").title_id
    confer(left, "1950-01-01")
    Conferment.objects.update(ordinal=0)

    renumber(pairs=[(numbered.pk, title)])

    assert [row[0] for row in numbers_of(numbered)] == [1]
    assert [row[0] for row in numbers_of(left)] == [0]


def test_a_person_renamed_is_sorted_under_the_new_name():
    person = hero(surname="Яковлев", surname_en="Iakovlev")
    conferment = confer(person, "1950-01-01")
    person.surname_ru, person.surname_en = "Абрамцев", "Abramtsev"
    type(person).objects.filter(pk=person.pk).update(surname_ru="Абрамцев", surname_en="Abramtsev")

    refresh_sort_names(person)

    conferment.refresh_from_db()
    assert conferment.sort_name_ru.startswith("абрамцев")
    assert conferment.sort_name_en.startswith("abramtsev")
