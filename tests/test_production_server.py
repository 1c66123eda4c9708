"""The production server: what static files it serves, and a database host that never answers."""

import json

import pytest
from production_server import (
    collect_static,
    fetch,
    gunicorn,
    production_environment,
    silent_database,
)


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("deployment") / "staticfiles"
    collect_static(static_root=root)
    return root


def test_the_static_manifest_is_not_public(static_root):
    manifest = json.loads(
        (static_root.parent / "staticfiles-manifest" / "staticfiles.json").read_text()
    )
    stylesheet = manifest["paths"]["css/site.css"]
    environment = production_environment(static_root=static_root, database_url="sqlite://:memory:")

    with gunicorn(environment=environment) as (base, _):
        manifest_status, _, _ = fetch(f"{base}/static/staticfiles.json")
        stylesheet_status, headers, _ = fetch(f"{base}/static/{stylesheet}")

    assert not (static_root / "staticfiles.json").exists()
    assert manifest_status == 404
    assert stylesheet_status == 200
    assert "max-age=315360000" in headers["Cache-Control"]


def test_a_database_that_never_answers_gives_a_503_within_five_seconds(static_root):
    with silent_database() as port:
        environment = production_environment(
            static_root=static_root, database_url=f"postgres://postgres@127.0.0.1:{port}/x"
        )
        with gunicorn(environment=environment) as (base, _):
            # fetch() gives up after five seconds: a slower answer fails the test.
            status, headers, body = fetch(f"{base}/en/", timeout=5)

    assert status == 503, body[:500]
    assert headers["Retry-After"] == "30"
    assert "Temporarily unavailable" in body.decode()


def test_after_a_failed_connect_the_next_requests_answer_503_without_waiting_again(static_root):
    accepted = []
    with silent_database(accepted) as port:
        environment = production_environment(
            static_root=static_root, database_url=f"postgres://postgres@127.0.0.1:{port}/x"
        )
        with gunicorn(environment=environment) as (base, _):
            first, _, _ = fetch(f"{base}/en/", timeout=5)
            attempts = len(accepted)
            second, headers, _ = fetch(f"{base}/en/history/", timeout=5)
            after = len(accepted)

    assert (first, second) == (503, 503)
    assert headers["Retry-After"] == "30"
    # The second request did not try to connect: it answered from the failed connect.
    assert attempts >= 1
    assert after == attempts
