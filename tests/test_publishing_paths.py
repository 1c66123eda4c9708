"""One rule for publishing on every write path: an editor's write keeps a record published
or a draft as it was; only a chief editor sets or clears it (awards.records.roles)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from awards import models
from awards.records.editors import reset_demo_editor
from tests.support.admin_pages import admin_url, change_form_data, page_text

pytestmark = pytest.mark.usefixtures("seeded")

EDITOR, CHIEF = "editor", "chief editor"


def client_of(role: str) -> Client:
    username, _ = reset_demo_editor(username=f"paths-{role.replace(' ', '-')}", chief=role == CHIEF)
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def history(record):
    return record.history.order_by("-history_date", "-history_id")


def version_url(record, entry) -> str:
    return admin_url(type(record), "simple_history", record.pk, entry.history_id)


def revert(client, record, entry):
    page = client.get(version_url(record, entry))
    return client.post(
        version_url(record, entry), {"base_version": page.context["base_version"]}, follow=True
    )


@pytest.fixture
def withdrawn_title(make_title):
    """A title a chief editor published, then withdrew: its history holds a published
    version."""
    title = make_title(name_ru="Снятое звание", published=True)
    title.description_ru = "Снято с сайта"
    title.published = False
    title.save()
    return title


@pytest.mark.parametrize(("role", "public"), [(EDITOR, False), (CHIEF, True)])
def test_returning_a_withdrawn_record_to_its_published_version(withdrawn_title, role, public):
    published_version = history(withdrawn_title).filter(published=True).first()

    response = revert(client_of(role), withdrawn_title, published_version)

    withdrawn_title.refresh_from_db()
    assert withdrawn_title.published is public
    assert withdrawn_title.description_ru == published_version.description_ru
    if not public:
        assert "только главный редактор может её опубликовать" in page_text(response)


@pytest.mark.parametrize(("role", "public"), [(EDITOR, True), (CHIEF, False)])
def test_returning_a_published_record_to_a_draft_version(make_title, role, public):
    title = make_title(name_ru="Звание", published=False, description_ru="Черновик")
    draft_version = history(title).first()
    title.published, title.description_ru = True, "Опубликовано"
    title.save()

    response = revert(client_of(role), title, draft_version)

    title.refresh_from_db()
    assert title.published is public
    assert title.description_ru == "Черновик"
    if public:
        assert "остаётся опубликованной" in page_text(response)


@pytest.mark.parametrize(("role", "public"), [(EDITOR, False), (CHIEF, True)])
def test_recovering_a_published_record_deleted_by_a_chief_editor(make_title, role, public):
    title = make_title(name_ru="Удалённое звание", published=True)
    pk = title.pk
    client_of(CHIEF).post(admin_url(models.Title, "delete", pk), {"post": "yes"})
    deletion = models.Title.history.filter(id=pk).latest("history_date")

    client_of(role).post(
        admin_url(models.Title, "simple_history", pk, deletion.history_id), {"base_version": ""}
    )

    assert models.Title.objects.get(pk=pk).published is public


@pytest.mark.parametrize(("role", "public"), [(EDITOR, False), (CHIEF, True)])
def test_the_change_form_publishes_only_for_a_chief_editor(make_person, role, public):
    person = make_person(name_ru="Черновой", published=False)
    client = client_of(role)
    url = admin_url(models.Person, "change", person.pk)
    data = change_form_data(client.get(url))
    data["published"] = "on"

    client.post(url, data)

    person.refresh_from_db()
    assert person.published is public


@pytest.mark.parametrize(("role", "public"), [(EDITOR, True), (CHIEF, False)])
def test_the_change_form_withdraws_only_for_a_chief_editor(make_person, role, public):
    person = make_person(name_ru="Опубликованный", published=True)
    client = client_of(role)
    url = admin_url(models.Person, "change", person.pk)
    data = change_form_data(client.get(url))
    data.pop("published", None)

    client.post(url, data)

    person.refresh_from_db()
    assert person.published is public


@pytest.mark.parametrize(("role", "public"), [(EDITOR, False), (CHIEF, True)])
def test_the_list_action_publishes_only_for_a_chief_editor(make_person, role, public):
    person = make_person(name_ru="Черновой", published=False)

    client_of(role).post(
        admin_url(models.Person, "changelist"),
        {"action": "publish", "_selected_action": [person.pk]},
    )

    person.refresh_from_db()
    assert person.published is public
