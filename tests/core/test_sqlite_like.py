"""Case-insensitive LIKE that knows Cyrillic (awards.core.sqlite_like), as the admin's searches
use it."""

import pytest

from awards import models
from tests.support.admin_pages import admin_url

pytestmark = pytest.mark.django_db


def test_search_folds_cyrillic_case(seeded, editor_client):
    # "Герой Труда" holds the words only capitalised, in its name alone.
    response = editor_client.get(admin_url(models.Title, "changelist"), {"q": "герой труда"})
    assert "hero-of-labour" in {title.slug for title in response.context["cl"].result_list}


def test_search_finds_lower_case_words_written_in_capitals(seeded, editor_client):
    response = editor_client.get(admin_url(models.Medal, "changelist"), {"q": "СЕРП"})
    found = {medal.slug for medal in response.context["cl"].result_list}
    assert "hammer-and-sickle" in found
    assert "special-certificate-tsik" not in found
