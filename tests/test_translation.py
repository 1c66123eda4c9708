"""Bilingual fields (awards.translation): Russian the source, English the translation."""

import pytest

pytestmark = pytest.mark.django_db


def test_text_fields_follow_the_active_language_with_russian_fallback(make_title):
    from django.utils import translation

    title = make_title(name_ru="Герой Труда", name_en="Hero of Labour")
    untranslated = make_title(name_ru="Только по-русски")
    with translation.override("en"):
        assert str(title) == "Hero of Labour"
        assert str(untranslated) == "Только по-русски"
    with translation.override("ru"):
        assert str(title) == "Герой Труда"
