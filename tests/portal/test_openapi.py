"""The OpenAPI schema at /api/schema/: valid, limited to our APIs, and true to the live answers."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from jsonschema import Draft202012Validator

from tests.factories import (
    ActorFactory,
    ContactPersonFactory,
    LocationFactory,
    NeedFactory,
    OfferFactory,
    OpeningHoursFactory,
    UserFactory,
)

SCHEMA_URL = "/api/schema/"
DOCUMENTED = ("/api/v1/", "/api/hsds/")


def as_json_schema(node: Any) -> Any:
    """OpenAPI 3.0's `nullable` in JSON Schema terms (null as a second allowed type).

    spectacular describes a blank URL as oneOf(empty string, uri); without a uri format checker
    "" matches both, so oneOf becomes anyOf.
    """
    if isinstance(node, list):
        return [as_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {
        "anyOf" if key == "oneOf" else key: as_json_schema(value)
        for key, value in node.items()
        if key != "nullable"
    }
    if node.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


def response_errors(schema: dict, operation: dict, body: Any) -> list[str]:
    content = operation["responses"]["200"]["content"]["application/json"]["schema"]
    validator = Draft202012Validator(
        {**as_json_schema(content), "components": as_json_schema(schema["components"])}
    )
    return [
        f"{'/'.join(str(part) for part in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(body)
    ]


@pytest.fixture
def schema(client, db) -> dict:
    response = client.get(SCHEMA_URL, {"format": "json"})
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def published(db) -> dict[str, str]:
    """Something behind every public path, and the values for its path parameters."""
    actor = ActorFactory(slug="offene-tuer", email="info@offene-tuer.example")
    OfferFactory(actor=actor)
    location = LocationFactory(actor=actor)
    OpeningHoursFactory(location=location)
    ContactPersonFactory(actor=actor)
    need = NeedFactory(actor=actor)
    return {"slug": actor.slug, "need": str(need.pk)}


def test_it_passes_spectacular_validation_without_warnings(db, tmp_path):
    call_command(
        "spectacular",
        "--validate",
        "--fail-on-warn",
        "--file",
        str(tmp_path / "schema.yaml"),
        stderr=io.StringIO(),
    )

    assert "openapi: 3" in (tmp_path / "schema.yaml").read_text("utf-8")


def test_it_documents_only_our_apis(schema):
    assert schema["paths"]
    assert all(path.startswith(DOCUMENTED) for path in schema["paths"])
    assert {"/api/v1/actors/", "/api/v1/needs/", "/api/hsds/"} <= set(schema["paths"])


def test_it_documents_the_directory_filters_and_paging(schema):
    operation = schema["paths"]["/api/v1/actors/"]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}

    assert {"q", "kind", "topic", "language", "municipality", "page", "page_size"} <= set(
        parameters
    )
    assert "association" in parameters["kind"]["schema"]["items"]["enum"]
    reference = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    page = schema["components"]["schemas"][reference.rsplit("/", 1)[1]]
    assert {"count", "next", "previous", "results"} <= set(page["properties"])


def test_it_serves_a_self_contained_docs_page(client, db):
    response = client.get("/api/schema/docs/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "<script" not in page
    assert "http://" not in page.replace('href="http', "")
    assert "<code>/api/v1/actors/{slug}/</code>" in page
    assert "<code>/api/hsds/</code>" in page
    assert 'id="schema-ActorDetail"' in page
    assert "<code>municipality</code>" in page


def public_get_paths(schema: dict) -> list[str]:
    return [
        path
        for path, operations in schema["paths"].items()
        if "get" in operations and {} in operations["get"].get("security", [{}])
    ]


def fill(path: str, values: dict[str, str], client) -> str | None:
    """The path with its parameters set to objects that exist; None when we know none."""
    if "{" not in path:
        return path
    if path == "/api/v1/actors/{slug}/":
        return path.format(slug=values["slug"])
    if path == "/api/v1/needs/{id}/":
        return path.format(id=values["need"])
    if path.startswith("/api/hsds/"):
        organization = client.get("/api/hsds/").json()["contents"][0]
        if path == "/api/hsds/organizations/{id}/":
            return path.format(id=organization["id"])
        if path == "/api/hsds/services/{id}/":
            return path.format(id=organization["services"][0]["id"])
    return None


OUR_PATHS = {
    "/api/hsds/",
    "/api/hsds/organizations/",
    "/api/hsds/organizations/{id}/",
    "/api/hsds/services/{id}/",
    "/api/v1/actors/",
    "/api/v1/actors/{slug}/",
    "/api/v1/needs/",
    "/api/v1/needs/{id}/",
}


def check_paths(client, schema: dict, paths: list[str], values: dict[str, str]) -> dict:
    """Each path's problem (status or schema violations), or None when it answers as documented."""
    problems = {}
    for path in paths:
        url = fill(path, values, client)
        if url is None:
            problems[path] = "no known object for its path parameters"
            continue
        response = client.get(url)
        if response.status_code != 200:
            problems[path] = f"status {response.status_code}"
            continue
        problems[path] = response_errors(schema, schema["paths"][path]["get"], response.json())
    return {path: problem for path, problem in problems.items() if problem}


def test_it_answers_the_directory_needs_and_hsds_paths_as_documented(client, schema, published):
    assert set(public_get_paths(schema)) >= OUR_PATHS

    assert check_paths(client, schema, sorted(OUR_PATHS), published) == {}


def test_it_answers_every_other_public_get_path_as_documented(client, schema, published):
    others = [path for path in public_get_paths(schema) if path not in OUR_PATHS]

    assert check_paths(client, schema, others, published) == {}


def test_it_answers_the_signed_in_chat_channel_list_as_documented(client, schema, db):
    path = "/api/v1/chat/channels/"
    if path not in schema["paths"]:
        pytest.fail(f"{path} is no longer documented")
    client.force_login(UserFactory())

    response = client.get(path)

    assert response.status_code == 200
    assert response_errors(schema, schema["paths"][path]["get"], response.json()) == []


def test_it_notices_a_response_that_breaks_the_schema(schema):
    operation = schema["paths"]["/api/v1/actors/"]["get"]

    errors = response_errors(schema, operation, {"count": "viele", "results": [{"slug": 1}]})

    assert errors
