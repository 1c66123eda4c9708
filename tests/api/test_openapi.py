"""The OpenAPI document, valid by the specification, and its docs page from local files."""

from openapi_spec_validator import validate

from tests.support.api_answers import COMPUTED, LIST_TEMPLATES, openapi_document


def test_the_document_is_valid_openapi(client, seeded):
    document = openapi_document(client)
    validate(document)
    assert document["openapi"].startswith("3.1")


def test_the_document_lists_every_endpoint(client, seeded):
    paths = set(openapi_document(client)["paths"])
    assert set(LIST_TEMPLATES) <= paths
    assert {f"{template}{{slug}}/" for template in LIST_TEMPLATES} <= paths
    assert set(COMPUTED.values()) <= paths
    assert all(
        set(operations) == {"get"} for operations in openapi_document(client)["paths"].values()
    )


def test_every_operation_takes_the_language(client, seeded):
    for operations in openapi_document(client)["paths"].values():
        names = {parameter["name"] for parameter in operations["get"]["parameters"]}
        assert "lang" in names


def test_the_docs_page_loads_its_scripts_from_this_site(client, seeded):
    page = client.get("/api/docs").content.decode()
    assert '<script src="/static/ninja/swagger-ui-bundle.js">' in page
    assert "cdn" not in page.lower()
    assert '"url": "/api/openapi.json"' in page
