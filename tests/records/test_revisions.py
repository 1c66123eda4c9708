"""Edit history (awards.records.revisions): every write leaves one entry, with the record's
relations as they were saved."""

import pytest

from awards import models
from tests.support.admin_pages import admin_url, page_text

pytestmark = pytest.mark.django_db


def test_a_version_citing_nothing_that_exists_is_not_restored(
    seeded, make_title, make_citation, editor_client
):
    citation = make_citation()
    title = make_title(citations=[citation])
    title.citations.set([make_citation()])
    old = title.history.filter(historicaltitle_citations__citation=citation).latest("history_date")
    citation.delete()
    version_url = admin_url(models.Title, "simple_history", title.pk, old.history_id)

    response = editor_client.post(version_url, {"base_version": title.version})

    assert response.status_code == 200
    assert "Эта версия не цитирует ни одного существующего отрывка" in page_text(response)


def test_every_change_is_kept_in_history(make_title):
    title = make_title(name_ru="Герой Труда")
    title.name_ru = "Герой Труда (1927)"
    title.save()
    latest, previous = title.history.order_by("-history_date", "-history_id")[:2]
    assert (previous.name_ru, latest.name_ru) == ("Герой Труда", "Герой Труда (1927)")
    assert latest.history_type == "~"
    assert [change.field for change in latest.diff_against(previous).changes] == ["name_ru"]


def test_a_change_of_citations_is_kept_in_history(make_title, make_citation):
    title = make_title()
    first, second = make_citation(slug="first"), make_citation(slug="second")
    title.citations.set([first])
    title.citations.add(second)
    latest, previous = title.history.order_by("-history_date", "-history_id")[:2]
    change = latest.diff_against(previous).changes
    assert [item.field for item in change] == ["citations"]
    assert [link["citation"] for link in change[0].old] == [first.pk]
    assert sorted(link["citation"] for link in change[0].new) == [first.pk, second.pk]
