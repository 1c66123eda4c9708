"""What changed between two values of a field, marked word by word (awards.core.diffs)."""

import pytest

from awards import models
from tests.support.admin_pages import admin_url, open_form, page_text

pytestmark = pytest.mark.django_db


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
