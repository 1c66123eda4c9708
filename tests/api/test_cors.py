"""Any origin may read the API, and only the API (awards.api.cors)."""

from tests.support.api_answers import HSL


def test_a_read_of_the_api_allows_any_origin(client, seeded):
    for response in (client.get("/api/titles/"), client.head("/api/titles/")):
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "ETag" in response["Access-Control-Expose-Headers"]
    assert client.get("/api/openapi.json")["Access-Control-Allow-Origin"] == "*"


def test_a_preflight_is_answered(client, seeded):
    response = client.options(
        f"/api/titles/{HSL}/",
        headers={"origin": "https://example.org", "access-control-request-method": "GET"},
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_writes_are_not_allowed_and_carry_no_cors(client, seeded):
    response = client.post("/api/titles/", {})
    assert response.status_code in (403, 405)
    assert "Access-Control-Allow-Origin" not in response


def test_the_site_and_the_admin_carry_no_cors(client, seeded):
    for path in ("/", f"/titles/{HSL}/", "/admin/login/", "/robots.txt"):
        assert "Access-Control-Allow-Origin" not in client.get(path), path
