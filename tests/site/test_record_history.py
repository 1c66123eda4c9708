"""The public history of a record (awards.site.record_version_views.record_history): its
published versions, newest first, their reasons and the changed words marked."""

import re

import pytest

from tests.support.public_pages import get_page, visible_text
from tests.support.record_changes import change


@pytest.fixture
def title(make_title):
    return make_title(
        slug="title-of-labour", name_ru="Звание труда", description_ru="Учреждено в 1938 году."
    )


def test_history_lists_published_versions_newest_first_with_reasons(client, title):
    change(title, reason="Уточнён год", description_ru="Учреждено в 1939 году.")
    text = visible_text(get_page(client, "/titles/title-of-labour/history/"))
    assert "История изменений: Звание труда" in text
    assert text.index("Версия 2 от") < text.index("Версия 1 от")
    assert "Уточнён год" in text
    assert "Первая опубликованная версия." in text


def test_history_marks_the_changed_words(client, title):
    change(title, reason="Уточнён год", description_ru="Учреждено в 1939 году.")
    html = get_page(client, "/titles/title-of-labour/history/").content.decode()
    assert "<del>1938</del>" in html
    assert "<ins>1939</ins>" in html
    assert "<dt>Описание</dt>" in html


def test_each_version_links_its_permanent_address(client, title):
    change(title, description_ru="Второй текст.")
    html = get_page(client, "/titles/title-of-labour/history/").content.decode()
    links = re.findall(r'href="(/titles/title-of-labour/versions/\d+/)"', html)
    assert len(links) == title.history.count()
    assert "Учреждено в 1938 году." in visible_text(get_page(client, links[-1]))
    assert "Второй текст." in visible_text(get_page(client, links[0]))


def test_history_leaves_out_draft_versions_editors_and_links_to_drafts(
    client, make_title, make_authority, title, editor
):
    change(title, published=False, reason="Снято для правки", description_ru="Черновой текст.")
    change(
        title,
        published=True,
        reason="Снова опубликовано",
        user=editor,
        description_ru="Исправленный текст.",
    )
    secret = make_authority(name_ru="Тайный орган", published=False)
    title.conferred_by.set([secret])
    change(title, reason="Добавлен орган")

    html = get_page(client, "/titles/title-of-labour/history/").content.decode()
    assert "Снято для правки" not in html
    assert "Черновой текст." not in html
    assert "Тайный орган" not in html
    assert editor.username not in html
    assert "Снова опубликовано" in html


def test_english_history_shows_the_english_fields(client, title):
    change(title, description_ru="Другой.", description_en="Established in 1939.")
    text = visible_text(get_page(client, "/en/titles/title-of-labour/history/"))
    assert "History of changes: Звание труда" in text
    assert "Established in 1939." in text
    assert "Другой." not in text


def test_history_of_a_draft_answers_404(client, make_title):
    make_title(slug="draft-title", published=False)
    get_page(client, "/titles/draft-title/history/", status=404)


def test_record_page_links_its_history(client, title):
    html = get_page(client, "/titles/title-of-labour/").content.decode()
    assert 'href="/titles/title-of-labour/history/"' in html
