"""The admin's list filters (awards.admin.filters)."""

import pytest

from awards import models
from tests.support.admin_pages import admin_url

pytestmark = pytest.mark.django_db


def test_decade_filter_spans_precisions(seeded, editor_client):
    response = editor_client.get(admin_url(models.Event, "changelist"), {"date_decade": "1920"})
    slugs = sorted(event.slug for event in response.context["cl"].result_list)
    assert slugs == ["1921-term-hero-of-labour", "1922-red-banner-badge"]
