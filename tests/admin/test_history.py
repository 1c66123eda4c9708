"""The edit history in the admin (awards.admin.history): who changed what, a revert as an
ordinary save, a deleted record recovered."""

import re
from html import unescape

import pytest

from awards import models
from tests.support.admin_pages import (
    admin_url,
    drafted,
    history_entries,
    open_form,
    page_text,
)

pytestmark = pytest.mark.django_db


def test_history_view_shows_who_changed_a_record(seeded, editor_client):
    title = models.Title.objects.get(slug="hero-of-labour")
    title.name_en = "Hero of Labour (1927)"
    title._history_user = models.Title._meta.apps.get_model("auth", "User").objects.get(
        username="test-editor"
    )
    title.save()
    response = editor_client.get(admin_url(models.Title, "history", title.pk))
    page = response.content.decode()
    assert "test-editor" in page
    assert "Hero of Labour (1927)" in page_text(response)
    assert " <ins>(1927)</ins>" in page
    assert "&rarr;" in page or "→" in page


def test_revert_is_an_ordinary_save_logged_as_a_revert(seeded, editor_client):
    title = drafted(models.Title.objects.get(slug="hero-of-labour"))
    original = title.description_ru
    citations = set(title.citations.values_list("pk", flat=True))
    first = history_entries(title)[0]
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
    latest = history_entries(title)[0]
    assert latest.history_change_reason.startswith("Возврат к версии от ")
    assert latest.history_user.username == "test-editor"
    assert latest.citations.count() == len(citations)


def test_a_revert_based_on_an_older_version_is_refused(seeded, editor_client):
    title = models.Title.objects.get(slug="hero-of-labour")
    version_url = admin_url(
        models.Title, "simple_history", title.pk, history_entries(title)[0].history_id
    )
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


def test_the_version_page_shows_the_record_now_under_now_and_the_version_under_this_version(
    seeded, editor_client
):
    import re
    from html import unescape

    title = drafted(models.Title.objects.get(slug="hero-of-labour"))
    first = history_entries(title)[0]
    url, data = open_form(editor_client, title)
    data["name_en"] = "Hero of Labour (edited later)"
    assert editor_client.post(url, data).status_code == 302

    page = editor_client.get(
        admin_url(models.Title, "simple_history", title.pk, first.history_id)
    ).content.decode()
    header = re.search(r"<thead>(.*?)</thead>", page, re.S).group(1)
    assert [unescape(re.sub("<[^>]+>", "", cell)).strip() for cell in re.findall(
        r"<th[^>]*>(.*?)</th>", header, re.S)] == ["Поле", "Сейчас", "В этой версии"]  # fmt: skip
    row = next(row for row in re.findall(r"<tr>(.*?)</tr>", page, re.S) if "(edited later)" in row)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    now, this_version = (unescape(re.sub("<[^>]+>", "", cell)) for cell in cells)
    assert "(edited later)" in now
    assert "(edited later)" not in this_version and "Hero of Labour" in this_version


def marked_words(html: str, tag: str) -> list[str]:
    return [unescape(text) for text in re.findall(rf"<{tag}>(.*?)</{tag}>", html, re.S)]


def test_the_history_list_and_the_version_page_mark_the_same_changed_word(
    seeded, chief_editor_client
):
    # A chief editor's change is written at once (an editor's would wait for review).
    title = models.Title.objects.get(slug="hero-of-labour")
    first = history_entries(title)[0]
    url, data = open_form(chief_editor_client, title)
    assert "учреждённое" in data["description_ru"]
    data["description_ru"] = data["description_ru"].replace("учреждённое", "введённое", 1)
    assert chief_editor_client.post(url, data).status_code == 302

    listed = chief_editor_client.get(admin_url(models.Title, "history", title.pk)).content.decode()
    version = chief_editor_client.get(
        admin_url(models.Title, "simple_history", title.pk, first.history_id)
    ).content.decode()

    for page in (listed, version):
        assert marked_words(page, "del") == ["учреждённое"]
        assert marked_words(page, "ins") == ["введённое"]
