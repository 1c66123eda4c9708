"""Requests per address (awards.api.throttling): 429 with Retry-After over the limit."""

import pytest
from django.core.cache import cache


@pytest.fixture
def three_a_minute(settings):
    settings.API_THROTTLE = "3/m"
    cache.clear()
    yield
    cache.clear()


def test_over_the_limit_answers_429_with_retry_after(client, seeded, three_a_minute):
    statuses = [client.get("/api/titles/").status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    refused = client.get("/api/people/")
    assert refused.status_code == 429
    assert refused.json() == {"detail": "Too many requests."}
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused["Access-Control-Allow-Origin"] == "*"


def test_each_address_has_its_own_count(client, seeded, three_a_minute):
    for _ in range(3):
        client.get("/api/titles/", REMOTE_ADDR="192.0.2.1")
    assert client.get("/api/titles/", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/api/titles/", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_a_304_counts_too(client, seeded, three_a_minute):
    etag = client.get("/api/titles/")["ETag"]
    for _ in range(2):
        assert client.get("/api/titles/", headers={"if-none-match": etag}).status_code == 304
    assert client.get("/api/titles/", headers={"if-none-match": etag}).status_code == 429


def test_no_limit_when_the_setting_is_empty(client, seeded, settings):
    settings.API_THROTTLE = ""
    assert {client.get("/api/titles/").status_code for _ in range(5)} == {200}
