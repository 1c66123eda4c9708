"""The editors' roles (awards.records.roles): what an editor, a chief editor, a non-staff user
and a visitor may do, and one rule for publishing on every write path."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from awards import models
from awards.models import Person
from awards.records.editors import reset_demo_editor
from awards.records.roles import CHIEF_EDITORS, EDITORS, role_permissions
from tests.support.admin_pages import (
    admin_url,
    change_form_data,
    citation_inline_prefix,
    form_data,
    page_text,
)
from tests.support.registry_lists import (
    NOVIKOV,
    registry_list,
    start_list,
)

PUBLISH = "Опубликовать выбранные записи"
WITHDRAW = "Вернуть выбранные записи в черновики"
DELETE_SELECTED = "Удалить выбранные"
LOGIN_LOG = "/admin/axes/accessattempt/"
ADMIN_PAGES = ["/admin/awards/person/", LOGIN_LOG, "/admin/awards/person/import/"]


def action_labels(response):
    return [str(label) for _name, label in response.context["action_form"].fields["action"].choices]


def run_action(client, model, action, records):
    return client.post(
        admin_url(model, "changelist"),
        {"action": action, "_selected_action": [record.pk for record in records]},
        follow=True,
    )


def import_people(client, content: str):
    return client.post(
        "/admin/awards/person/import/",
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("people.csv", content.encode()),
        },
    )


@pytest.fixture
def draft_person(make_person):
    return make_person(name_ru="Черновой", published=False)


@pytest.mark.parametrize("role", [EDITORS, CHIEF_EDITORS])
def test_migrations_give_each_role_exactly_its_permissions(db, role):
    group = Group.objects.get(name=role)

    held = {(p.content_type.app_label, p.codename) for p in group.permissions.all()}

    assert held == set(role_permissions(role, apps=apps))
    assert ("awards", "change_title") in held


# The editor -----------------------------------------------------------------------------


def test_an_editor_sees_neither_publishing_nor_deleting_actions(seeded, editor_client):
    labels = action_labels(editor_client.get(admin_url(models.Event, "changelist")))

    assert not any(label.startswith((PUBLISH, WITHDRAW, DELETE_SELECTED)) for label in labels)


def test_an_editor_cannot_publish_by_posting_the_action(seeded, editor_client, draft_person):
    run_action(editor_client, models.Person, "publish", [draft_person])

    draft_person.refresh_from_db()
    assert not draft_person.published


def test_an_editor_reads_the_published_flag_but_cannot_tick_it(seeded, editor_client, draft_person):
    page = editor_client.get(admin_url(models.Person, "change", draft_person.pk))

    assert "published" not in page.context["adminform"].form.fields
    assert 'name="published"' not in page.text
    assert "Опубликовано" in page.text


def test_an_editor_cannot_publish_a_provision_in_the_titles_page(seeded, editor_client):
    title = models.Title.objects.get(slug="hero-of-labour")

    page = editor_client.get(admin_url(models.Title, "change", title.pk))

    assert 'name="provisions-0-published"' not in page.text
    assert 'name="published"' not in page.text


def test_an_editors_new_record_is_a_draft_even_if_published_is_posted(seeded, editor_client):
    citation = models.Citation.objects.get(slug="hsl-p5-s1")
    page = editor_client.get(admin_url(models.Person, "add"))
    prefix = citation_inline_prefix(page)
    response = editor_client.post(
        admin_url(models.Person, "add"),
        form_data(
            page,
            **{
                "slug": "new-person",
                "name_ru": "Новый",
                "published": "on",
                f"{prefix}-TOTAL_FORMS": "1",
                f"{prefix}-MIN_NUM_FORMS": "1",
                f"{prefix}-0-citation": citation.pk,
            },
        ),
    )

    assert response.status_code == 302, response.context["errors"]
    assert models.Person.objects.get(slug="new-person").published is False


def test_an_editor_cannot_delete_one_record_or_several(seeded, editor_client, draft_person):
    page = editor_client.get(admin_url(models.Person, "change", draft_person.pk))
    delete_url = admin_url(models.Person, "delete", draft_person.pk)
    refused = editor_client.post(delete_url, {"post": "yes"})
    run_action(editor_client, models.Person, "delete_selected", [draft_person])

    assert "deletelink" not in page.text
    assert refused.status_code == 403
    assert models.Person.objects.filter(pk=draft_person.pk).exists()


def test_an_editor_may_import_new_drafts(seeded, editor_client):
    preview = import_people(editor_client, "slug,name_ru,citations\nnew-one,Новый,hsl-p5-s1\n")

    assert preview.context["confirm_form"] is not None
    assert not preview.context["result"].has_validation_errors()


def test_an_editors_import_changing_a_published_record_is_sent_for_review(
    seeded, editor_client, editor
):
    person = models.Person.objects.filter(published=True).first()
    row = f"{person.slug},Другое имя,hsl-p5-s1"

    preview = import_people(editor_client, f"slug,name_ru,citations\n{row}\n")
    assert "передано на проверку главному редактору" in preview.text
    confirm = preview.context["confirm_form"]
    done = editor_client.post(
        "/admin/awards/person/process_import/", {**confirm.initial, "confirm": "1"}, follow=True
    )

    assert "передано на проверку главному редактору" in done.text
    person.refresh_from_db()
    assert person.name_ru != "Другое имя"
    revision = models.PendingRevision.objects.get()
    assert (revision.author, revision.object_id, revision.values["name_ru"]) == (
        editor,
        person.pk,
        "Другое имя",
    )


def test_an_editors_import_publishing_a_new_record_is_refused(seeded, editor_client):
    preview = import_people(
        editor_client, "slug,name_ru,citations,published\nnew-one,Новый,hsl-p5-s1,1\n"
    )

    assert preview.context.get("confirm_form") is None
    assert not models.Person.objects.filter(slug="new-one").exists()


def test_an_editor_cannot_read_the_login_log(seeded, editor_client):
    assert editor_client.get(LOGIN_LOG).status_code == 403


# The chief editor -----------------------------------------------------------------------


def test_a_chief_editor_sees_publishing_and_deleting_actions(seeded, chief_editor_client):
    labels = action_labels(chief_editor_client.get(admin_url(models.Event, "changelist")))

    assert PUBLISH in labels
    assert WITHDRAW in labels
    assert any(label.startswith(DELETE_SELECTED) for label in labels)


def test_a_chief_editor_publishes_and_withdraws(seeded, chief_editor_client, draft_person):
    run_action(chief_editor_client, models.Person, "publish", [draft_person])
    draft_person.refresh_from_db()
    published = draft_person.published
    run_action(chief_editor_client, models.Person, "unpublish", [draft_person])
    draft_person.refresh_from_db()

    assert (published, draft_person.published) == (True, False)


def test_a_chief_editor_ticks_published_in_the_form(seeded, chief_editor_client, draft_person):
    page = chief_editor_client.get(admin_url(models.Person, "change", draft_person.pk))

    assert 'name="published"' in page.text


def test_a_chief_editor_deletes_an_unused_record(seeded, chief_editor_client, draft_person):
    page = chief_editor_client.get(admin_url(models.Person, "change", draft_person.pk))
    response = chief_editor_client.post(
        admin_url(models.Person, "delete", draft_person.pk), {"post": "yes"}
    )

    assert "deletelink" in page.text
    assert response.status_code == 302
    assert not models.Person.objects.filter(pk=draft_person.pk).exists()


def test_a_chief_editor_deletes_several_unused_records(seeded, chief_editor_client, make_person):
    people = [make_person(published=False) for _ in range(2)]

    response = chief_editor_client.post(
        admin_url(models.Person, "changelist"),
        {"action": "delete_selected", "_selected_action": [p.pk for p in people], "post": "yes"},
    )

    assert response.status_code == 302
    assert not models.Person.objects.filter(pk__in=[p.pk for p in people]).exists()


def test_a_chief_editors_import_may_change_published_records(seeded, chief_editor_client):
    person = models.Person.objects.filter(published=True).first()
    row = f"{person.slug},Другое имя,hsl-p5-s1"

    preview = import_people(chief_editor_client, f"slug,name_ru,citations\n{row}\n")
    confirm = preview.context["confirm_form"]
    chief_editor_client.post(
        "/admin/awards/person/process_import/", {**confirm.initial, "confirm": "1"}
    )

    person.refresh_from_db()
    assert person.name_ru == "Другое имя"


def test_a_chief_editor_reads_the_login_log(seeded, chief_editor_client):
    assert chief_editor_client.get(LOGIN_LOG).status_code == 200


# Others ---------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_a_user_who_is_not_staff_is_sent_to_the_login(seeded, client, django_user_model, url):
    client.force_login(django_user_model.objects.create_user("reader", password="x"))

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_an_anonymous_visitor_is_sent_to_the_login(seeded, client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_staff_without_permissions_cannot_see_records(seeded, client, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="x", is_staff=True)
    client.force_login(user)
    response = client.get(admin_url(models.Title, "changelist"))
    assert response.status_code == 403
    assert "Герой Труда" not in response.content.decode()


@pytest.mark.usefixtures("seeded", "background")
def test_an_editors_list_of_published_conferments_is_refused(
    editor_client, django_capture_on_commit_callbacks
):
    content = registry_list({**NOVIKOV, "date": "1960", "published": "1"})

    refused = editor_client.get(
        start_list(editor_client, django_capture_on_commit_callbacks, content)
    )

    assert "отклонено, ничего не изменено" in refused.text
    assert "только главный редактор" in refused.text
    assert not Person.objects.filter(surname_ru="Новиков").exists()


EDITOR, CHIEF = "editor", "chief editor"


# One rule for publishing on every write path: an editor's write keeps a record published
# or a draft as it was; only a chief editor sets or clears it ----------------------------


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


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize(("role", "public"), [(EDITOR, False), (CHIEF, True)])
def test_returning_a_withdrawn_record_to_its_published_version(withdrawn_title, role, public):
    published_version = history(withdrawn_title).filter(published=True).first()

    response = revert(client_of(role), withdrawn_title, published_version)

    withdrawn_title.refresh_from_db()
    assert withdrawn_title.published is public
    assert withdrawn_title.description_ru == published_version.description_ru
    if not public:
        assert "только главный редактор может её опубликовать" in page_text(response)


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize(("role", "public"), [(EDITOR, True), (CHIEF, False)])
def test_returning_a_published_record_to_a_draft_version(make_title, role, public):
    title = make_title(name_ru="Звание", published=False, description_ru="Черновик")
    draft_version = history(title).first()
    title.published, title.description_ru = True, "Опубликовано"
    title.save()

    response = revert(client_of(role), title, draft_version)

    title.refresh_from_db()
    assert title.published is public
    if role == EDITOR:
        assert "Изменение отправлено на проверку главному редактору" in page_text(response)
        # The editor's return waits for review (tests/admin/test_moderation.py), and its
        # approval keeps the record published: no revision proposes a publication.
        assert title.description_ru == "Опубликовано"
        revision = models.PendingRevision.objects.get()
        assert revision.values["description_ru"] == "Черновик"
        assert "published" not in revision.values
        return
    assert title.description_ru == "Черновик"


@pytest.mark.usefixtures("seeded")
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


@pytest.mark.usefixtures("seeded")
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


@pytest.mark.usefixtures("seeded")
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


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize(("role", "public"), [(EDITOR, False), (CHIEF, True)])
def test_the_list_action_publishes_only_for_a_chief_editor(make_person, role, public):
    person = make_person(name_ru="Черновой", published=False)

    client_of(role).post(
        admin_url(models.Person, "changelist"),
        {"action": "publish", "_selected_action": [person.pk]},
    )

    person.refresh_from_db()
    assert person.published is public
