"""ETag and 304 (awards.api.conditional), through every middleware, the page cache's too."""

from awards.core.content_generation import invalidate_public_pages
from awards.models import Title
from tests.support.api_answers import HSL

PATH = f"/api/titles/{HSL}/"


def test_an_answer_carries_its_tag_and_a_client_holding_it_gets_304(client, seeded):
    first = client.get(PATH)
    etag = first["ETag"]
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    again = client.get(PATH, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Access-Control-Allow-Origin"] == "*"
    weak = client.get(PATH, headers={"if-none-match": f"W/{etag}"})
    assert weak.status_code == 304


def test_head_answers_304_too(client, seeded):
    etag = client.get(PATH)["ETag"]
    assert client.head(PATH, headers={"if-none-match": etag}).status_code == 304


def test_a_304_costs_no_query(client, seeded, django_assert_num_queries):
    etag = client.get(PATH)["ETag"]
    with django_assert_num_queries(0):
        assert client.get(PATH, headers={"if-none-match": etag}).status_code == 304


def test_another_address_or_language_has_another_tag(client, seeded):
    tags = {client.get(path)["ETag"] for path in (PATH, f"{PATH}?lang=en", "/api/titles/")}
    assert len(tags) == 3


def test_a_new_generation_changes_the_tag(client, seeded):
    etag = client.get(PATH)["ETag"]
    invalidate_public_pages()
    changed = client.get(PATH, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_a_write_through_the_records_changes_the_tag(
    client, seeded, django_capture_on_commit_callbacks
):
    etag = client.get(PATH)["ETag"]
    title = Title.objects.get(slug=HSL)
    with django_capture_on_commit_callbacks(execute=True):
        title.save()
    assert client.get(PATH, headers={"if-none-match": etag}).status_code == 200


def test_errors_are_not_marked_for_caching(client, seeded):
    assert "public" not in client.get("/api/titles/nothing/").get("Cache-Control", "")


def test_an_editors_session_changes_nothing_of_it(editor_client, seeded):
    """The page cache treats requests with a session apart; the API's answers do not."""
    first = editor_client.get(PATH)
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    again = editor_client.get(PATH, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"
