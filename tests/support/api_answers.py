"""The API's answers for the tests: fetched, and checked against its own OpenAPI document."""

from __future__ import annotations

import functools
import json

from openapi_schema_validator import OAS31Validator

# One address of each operation, with the path template the OpenAPI document lists it by.
HSL = "hero-of-socialist-labour"
HSU = "hero-of-the-soviet-union"
LIST_TEMPLATES = [
    "/api/titles/",
    "/api/acts/",
    "/api/insignia/",
    "/api/events/",
    "/api/authorities/",
    "/api/provisions/",
    "/api/sources/",
    "/api/citations/",
    "/api/people/",
    "/api/conferments/",
]
COMPUTED = {
    "/api/registry/years/": "/api/registry/years/",
    f"/api/titles/{HSL}/rules/?on=1975": "/api/titles/{slug}/rules/",
    f"/api/compare/?first={HSL}&second={HSU}": "/api/compare/",
    f"/api/titles/{HSL}/over-dates/?dates=1939,1975": "/api/titles/{slug}/over-dates/",
}


@functools.cache
def _document_text(client_class) -> str:
    return client_class().get("/api/openapi.json").content.decode()


def openapi_document(client) -> dict:
    return json.loads(_document_text(type(client)))


def response_validator(client, template: str, status: int = 200) -> OAS31Validator:
    document = openapi_document(client)
    content = document["paths"][template]["get"]["responses"][str(status)]["content"]
    schema = {**content["application/json"]["schema"], "components": document["components"]}
    return OAS31Validator(schema)


def answer(client, path: str, *, template: str | None = None, status: int = 200, **headers):
    """The JSON of a GET, checked against the document's schema of its answer."""
    response = client.get(path, headers=headers)
    assert response.status_code == status, response.content[:500]
    data = response.json()
    if template is not None:
        response_validator(client, template, status).validate(data)
    return data


def every_item(client, path: str) -> list[dict]:
    """Every item of a list, following ``next`` to the end."""
    items, address = [], path
    while address:
        page = answer(client, address)
        items += page["items"]
        address = page["next"]
    return items
