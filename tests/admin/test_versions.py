"""Two editors at once, and the history: no save based on an old version overwrites a newer
one, every write leaves one history entry that says who, when and why, and a record can be
returned to an older version or brought back after deletion, citations and all."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from awards import models
from awards.records.editors import reset_demo_editor
from awards.records.seed import fixture_paths, load_fixture_records
from tests.support.admin_pages import admin_url, change_form_data, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_editor_client(db):
    username, _ = reset_demo_editor(username="other-editor")
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def entries(record):
    return list(record.history.order_by("-history_date", "-history_id"))


def open_form(client, record):
    url = admin_url(type(record), "change", record.pk)
    return url, change_form_data(client.get(url))


def test_every_admin_save_raises_the_version_by_one(seeded, editor_client):
    title = models.Title.objects.get(slug="hero-of-labour")
    url, data = open_form(editor_client, title)
    assert editor_client.post(url, data).status_code == 302
    url, data = open_form(editor_client, title)
    assert editor_client.post(url, data).status_code == 302
    title.refresh_from_db()
    assert title.version == 3
    assert [entry.version for entry in entries(title)[:2]] == [3, 2]


def test_a_stale_save_is_refused_with_the_other_change_and_nothing_written(
    seeded, editor_client, other_editor_client
):
    title = models.Title.objects.get(slug="hero-of-labour")
    url, theirs = open_form(other_editor_client, title)
    url, mine = open_form(editor_client, title)
    theirs["description_ru"] = "Описание, которое сохранил другой редактор."
    assert other_editor_client.post(url, theirs).status_code == 302
    entries_before = len(entries(title))

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
    assert len(entries(title)) == entries_before

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
    latest, previous = entries(title)[:2]
    assert (latest.history_user.username, previous.history_user.username) == (
        "test-editor",
        "other-editor",
    )


def test_a_stale_provision_row_is_refused(seeded, editor_client, other_editor_client):
    provision = models.Provision.objects.filter(title__slug="hero-of-socialist-labour").first()
    title = provision.title
    url, mine = open_form(editor_client, title)
    provision_url, theirs = open_form(other_editor_client, provision)
    theirs["value_ru"] = "Значение другого редактора"
    assert other_editor_client.post(provision_url, theirs).status_code == 302
    title_version = models.Title.objects.get(pk=title.pk).version
    row = next(key for key, value in mine.items() if key.endswith("-id") and value == provision.pk)
    mine[row.replace("-id", "-value_ru")] = "Моё значение"

    response = editor_client.post(url, mine)

    assert response.status_code == 200
    assert "Эту строку изменил другой редактор после того, как вы открыли страницу" in page_text(
        response
    )
    provision.refresh_from_db()
    assert provision.value_ru == "Значение другого редактора"
    assert models.Title.objects.get(pk=title.pk).version == title_version


def test_a_provision_changed_on_its_titles_page_gets_one_entry(seeded, editor_client):
    provision = models.Provision.objects.filter(title__slug="hero-of-socialist-labour").first()
    url, data = open_form(editor_client, provision.title)
    row = next(key for key, value in data.items() if key.endswith("-id") and value == provision.pk)
    data[row.replace("-id", "-value_ru")] = "Новое значение"
    data["change_reason"] = "Сверка с источником"
    before = provision.history.count()

    assert editor_client.post(url, data).status_code == 302

    provision.refresh_from_db()
    assert (provision.value_ru, provision.version) == ("Новое значение", 2)
    assert provision.history.count() == before + 1
    latest = entries(provision)[0]
    assert latest.history_change_reason == "Сверка с источником"
    assert latest.history_user.username == "test-editor"
    assert latest.citations.count() == provision.citations.count() > 0


def test_a_change_of_citations_raises_the_records_version(seeded, editor_client):
    title = models.Title.objects.get(slug="hero-of-labour")
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
    before = len(entries(event))

    chief_editor_client.post(
        admin_url(models.Event, "changelist"), {"action": "publish", "_selected_action": [event.pk]}
    )

    event.refresh_from_db()
    assert event.published and event.version == 2
    assert len(entries(event)) == before + 1
    latest = entries(event)[0]
    assert latest.history_change_reason == "Опубликовано из списка"
    assert latest.history_user.username == "test-chief-editor"
    assert latest.citations.count() == event.citations.count() > 0


def test_revert_is_an_ordinary_save_logged_as_a_revert(seeded, editor_client):
    title = models.Title.objects.get(slug="hero-of-labour")
    original = title.description_ru
    citations = set(title.citations.values_list("pk", flat=True))
    first = entries(title)[0]
    url, data = open_form(editor_client, title)
    data["description_ru"] = "Неудачная правка"
    editor_client.post(url, data)
    version_url = admin_url(models.Title, "simple_history", title.pk, first.history_id)

    page = editor_client.get(version_url)
    assert "Неудачная правка" in page_text(page)
    response = editor_client.post(version_url, {"base_version": page.context["base_version"]})

    assert response.status_code == 302
    title.refresh_from_db()
    assert title.description_ru == original and title.version == 3
    assert set(title.citations.values_list("pk", flat=True)) == citations
    latest = entries(title)[0]
    assert latest.history_change_reason.startswith("Возврат к версии от ")
    assert latest.history_user.username == "test-editor"
    assert latest.citations.count() == len(citations)


def test_a_revert_based_on_an_older_version_is_refused(seeded, editor_client):
    title = models.Title.objects.get(slug="hero-of-labour")
    version_url = admin_url(models.Title, "simple_history", title.pk, entries(title)[0].history_id)
    page = editor_client.get(version_url)
    title.description_ru = "Правка, пока страница была открыта"
    title.save()

    editor_client.post(version_url, {"base_version": page.context["base_version"]})

    title.refresh_from_db()
    assert title.description_ru == "Правка, пока страница была открыта"
    assert title.version == 2


def test_a_deleted_record_is_recovered_with_its_citations(
    seeded, make_title, make_citation, chief_editor_client
):
    title = make_title(name_ru="Удаляемое звание", citations=[make_citation(), make_citation()])
    pk = title.pk
    delete_url = admin_url(models.Title, "delete", pk)
    deleted = chief_editor_client.post(delete_url, {"post": "yes"}, follow=True)
    history_url = admin_url(models.Title, "history", pk)
    assert f'<a href="{history_url}">' in deleted.content.decode()
    assert "Удалено в редакции" in page_text(chief_editor_client.get(history_url))
    deletion = models.Title.history.filter(id=pk).latest("history_date")
    assert deletion.history_type == "-" and deletion.history_change_reason == "Удалено в редакции"
    assert deletion.citations.count() == 2
    before = models.Title.history.filter(id=pk).count()

    version_url = admin_url(models.Title, "simple_history", pk, deletion.history_id)
    assert 'value="Восстановить запись"' in chief_editor_client.get(version_url).content.decode()
    response = chief_editor_client.post(version_url, {"base_version": ""})

    assert response.status_code == 302
    recovered = models.Title.objects.get(pk=pk)
    assert recovered.name_ru == "Удаляемое звание"
    assert recovered.citations.count() == 2
    assert models.Title.history.filter(id=pk).count() == before + 1
    latest = models.Title.history.filter(id=pk).latest("history_date")
    assert latest.history_change_reason.startswith("Восстановлено из версии от ")
    assert latest.version > deletion.version


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


def test_the_history_marks_changed_words_in_russian_without_none(seeded, editor_client):
    title = models.Title.objects.get(slug="hero-of-labour")
    url, data = open_form(editor_client, title)
    words = data["description_ru"].split()
    data["description_ru"] = " ".join([*words[:3], "исправленное", *words[4:]])
    data["change_reason"] = "Уточнение по источнику"
    editor_client.post(url, data)

    response = editor_client.get(admin_url(models.Title, "history", title.pk))

    page, text = response.content.decode(), page_text(response)
    assert f"<del>{words[3]}</del>" in page and "<ins>исправленное</ins>" in page
    assert "Уточнение по источнику" in text
    assert "Что изменилось" in text and "Кто" in text
    for foreign in ("None", "CHANGES", "Changes", "Изменено: Нет"):
        assert foreign not in text


def test_loading_fixtures_over_edited_records_raises_their_versions(seeded):
    title = models.Title.objects.get(slug="hero-of-labour")
    title.name_en = "Edited"
    title.save()
    load_fixture_records(paths=fixture_paths(), update=True)
    title.refresh_from_db()
    assert title.version == 3
    assert entries(title)[0].version == 3
