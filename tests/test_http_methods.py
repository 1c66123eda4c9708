"""Public pages answer HEAD and conditional GET; other methods get 405 with an Allow header."""

import pytest
from django.test import Client

from tests.support.public_pages import LANGUAGES, SITE_PATHS, public_page_paths

pytestmark = pytest.mark.django_db


@pytest.fixture
def every_public_path(seeded):
    return [path for language in LANGUAGES for path in public_page_paths(language=language)] + (
        SITE_PATHS
    )


def test_every_public_page_answers_head_with_headers_and_no_body(client, every_public_path):
    for path in every_public_path:
        get = client.get(path)
        head = client.head(path)
        assert head.status_code == 200, path
        assert head.content == b"", path
        assert head["Content-Type"] == get["Content-Type"], path
        assert head["Content-Length"] == str(len(get.content)), path


def test_a_conditional_get_with_the_etag_answers_not_modified(client, every_public_path):
    for path in every_public_path:
        etag = client.get(path)["ETag"]
        repeated = client.get(path, headers={"If-None-Match": etag})
        assert repeated.status_code == 304, path
        assert repeated.content == b"", path


def test_a_changed_record_changes_the_etag(client, seeded):
    from awards.models import Title

    title = Title.objects.get(slug="hero-of-socialist-labour")
    etag = client.get(title.get_absolute_url())["ETag"]
    Title.objects.filter(pk=title.pk).update(name_ru="Герой Социалистического Труда (правка)")
    response = client.get(title.get_absolute_url(), headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert "(правка)" in response.content.decode()


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_writing_to_a_public_page_is_refused_with_the_allowed_methods(
    client, every_public_path, method
):
    for path in every_public_path:
        response = getattr(client, method)(path)
        assert response.status_code == 405, path
        assert response["Allow"] == "GET, HEAD", path


def test_a_post_without_a_csrf_token_is_refused_as_a_method_not_as_a_forgery(every_public_path):
    client = Client(enforce_csrf_checks=True)
    for path in every_public_path:
        response = client.post(path, {"q": "x"})
        assert response.status_code == 405, path
        assert response["Allow"] == "GET, HEAD", path
