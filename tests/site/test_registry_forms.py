"""The registry list's filters and order (awards.site.registry_forms): bad input is a form
error, never a failure."""

import pytest

pytestmark = pytest.mark.usefixtures("seeded")


def test_a_bad_filter_is_a_form_error_not_a_failure(client, heroes):
    response = client.get("/en/registry/?year=abc&times=9")
    assert response.status_code == 200
    assert "Please correct the form" in response.content.decode()
