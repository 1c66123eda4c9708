"""Versions in the admin (awards.admin.versions): no save based on an old version of a record
overwrites a newer one; every save raises the version by one."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from awards import models
from awards.records.editors import reset_demo_editor
from tests.support.admin_pages import (
    admin_url,
    drafted,
    history_entries,
    open_form,
    page_text,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_editor_client(db):
    username, _ = reset_demo_editor(username="other-editor")
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_every_admin_save_raises_the_version_by_one(seeded, editor_client):
    title = drafted(models.Title.objects.get(slug="hero-of-labour"))
    url, data = open_form(editor_client, title)
    assert editor_client.post(url, data).status_code == 302
    url, data = open_form(editor_client, title)
    assert editor_client.post(url, data).status_code == 302
    title.refresh_from_db()
    assert title.version == 3
    assert [entry.version for entry in history_entries(title)[:2]] == [3, 2]


def test_a_stale_save_is_refused_with_the_other_change_and_nothing_written(
    seeded, editor_client, other_editor_client
):
    title = drafted(models.Title.objects.get(slug="hero-of-labour"))
    url, theirs = open_form(other_editor_client, title)
    url, mine = open_form(editor_client, title)
    theirs["description_ru"] = "Описание, которое сохранил другой редактор."
    assert other_editor_client.post(url, theirs).status_code == 302
    entries_before = len(history_entries(title))

    mine["name_ru"] = "Герой Труда (мой вариант)"
    response = editor_client.post(url, mine)

    assert response.status_code == 200
    text = page_text(response)
    assert "Другой редактор сохранил эту запись после того, как вы её открыли" in text
    assert "other-editor" in text and "Ничего не сохранено" in text
    conflict = response.context["adminform"].form.conflict
    assert [field.label for field in conflict.fields] == ["Описание [ru]"]
    assert "<ins>Описание, которое сохранил другой редактор.</ins>" in conflict.fields[0].theirs
    title.refresh_from_db()
    assert title.name_ru == "Герой Труда"
    assert title.description_ru == "Описание, которое сохранил другой редактор."
    assert title.version == 2
    assert len(history_entries(title)) == entries_before

    # The form came back with the current version and the other editor's description:
    # sent again as it stands, it saves both changes.
    form_again = response.context["adminform"].form.data
    assert form_again["base_version"] == 2
    assert editor_client.post(url, dict(form_again.lists())).status_code == 302
    title.refresh_from_db()
    assert (title.name_ru, title.description_ru) == (
        "Герой Труда (мой вариант)",
        "Описание, которое сохранил другой редактор.",
    )
    latest, previous = history_entries(title)[:2]
    assert (latest.history_user.username, previous.history_user.username) == (
        "test-editor",
        "other-editor",
    )


def test_a_stale_provision_is_refused_on_its_own_page(seeded, editor_client, other_editor_client):
    # A title's provisions are edited each on its own page (the title's form lists them).
    provision = models.Provision.objects.filter(title__slug="hero-of-socialist-labour").first()
    drafted(provision)
    url, mine = open_form(editor_client, provision)
    url, theirs = open_form(other_editor_client, provision)
    theirs["value_ru"] = "Значение другого редактора"
    assert other_editor_client.post(url, theirs).status_code == 302
    mine["value_ru"] = "Моё значение"

    response = editor_client.post(url, mine)

    assert response.status_code == 200
    text = page_text(response)
    assert "Другой редактор сохранил эту запись после того, как вы её открыли" in text
    provision.refresh_from_db()
    assert (provision.value_ru, provision.version) == ("Значение другого редактора", 2)


def test_a_change_of_citations_raises_the_records_version(seeded, editor_client):
    title = drafted(models.Title.objects.get(slug="hero-of-labour"))
    url, data = open_form(editor_client, title)
    prefix = next(key for key in data if key.endswith("citations-TOTAL_FORMS"))[
        : -len("-TOTAL_FORMS")
    ]
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-{total}-citation"] = models.Citation.objects.get(slug="hsl-p2-s1").pk
    data[f"{prefix}-TOTAL_FORMS"] = total + 1
    assert editor_client.post(url, data).status_code == 302
    title.refresh_from_db()
    assert title.version == 2 and title.citations.filter(slug="hsl-p2-s1").exists()


def test_publish_action_raises_the_version_and_writes_one_entry(seeded, chief_editor_client):
    event = models.Event.objects.get(slug="1921-term-hero-of-labour")
    models.Event.objects.filter(pk=event.pk).update(published=False)
    before = len(history_entries(event))

    chief_editor_client.post(
        admin_url(models.Event, "changelist"), {"action": "publish", "_selected_action": [event.pk]}
    )

    event.refresh_from_db()
    assert event.published and event.version == 2
    assert len(history_entries(event)) == before + 1
    latest = history_entries(event)[0]
    assert latest.history_change_reason == "Опубликовано из списка"
    assert latest.history_user.username == "test-chief-editor"
    assert latest.citations.count() == event.citations.count() > 0
