"""Each person's awards of a title numbered by date (awards.registry.numbering): all of them,
and the published ones alone."""

import pytest
from django.utils import translation

from awards.core.dates import PartialDate
from awards.models import Conferment
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
