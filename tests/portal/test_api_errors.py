"""Under /api/ every error answers JSON with a reason, never an HTML page."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import UserFactory

NOT_FOUND = [
    "/api/v1/needs/abc/",
    "/api/v1/no-such-thing/",
    "/api/hsds/organizations/not-a-uuid/",
    "/api/",
    "/api/v2/actors/",
]


def assert_json_error(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["detail"]
    return body


@pytest.mark.django_db
@pytest.mark.parametrize("path", NOT_FOUND)
def test_it_answers_paths_that_match_no_route_with_json(client, path):
    body = assert_json_error(client.get(path), 404)

    assert body["code"] == "not_found"


@pytest.mark.django_db
def test_it_answers_an_unsupported_method_with_json_and_the_allowed_ones(client):
    response = client.delete("/api/v1/actors/")

    assert_json_error(response, 405)
    assert "GET" in response["Allow"]


@pytest.mark.django_db
def test_it_answers_a_failed_csrf_check_outside_drf_with_json(db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())

    response = client.post("/api/v1/no-such-thing/", {"a": "b"})

    assert_json_error(response, 403)


@pytest.mark.django_db
def test_it_answers_a_server_error_with_json(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("directory.api.views.find_actors", broken)
    client.raise_request_exception = False

    body = assert_json_error(client.get("/api/v1/actors/"), 500)

    assert "boom" not in str(body)


@pytest.mark.django_db
def test_it_leaves_pages_outside_the_api_alone(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.fixture
def schema(client, db) -> dict:
    return client.get("/api/schema/", {"format": "json"}).json()


def operations(schema: dict):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def test_it_documents_the_error_answers_of_every_operation(schema):
    for name, operation in operations(schema):
        responses = operation["responses"]
        assert "429" in responses, name
        if operation.get("parameters"):
            assert "400" in responses, name
        if "{" in name:
            assert "404" in responses, name
        if {} not in operation.get("security", [{}]):
            assert "403" in responses, name
    assert schema["components"]["schemas"]["Error"]["required"] == ["detail"]


def test_it_documents_what_is_null_in_practice_as_nullable(schema):
    detail = schema["components"]["schemas"]["ReferralDetail"]["properties"]
    for field in ("referring_actor", "outcome_partner", "language"):
        assert detail[field]["nullable"] is True, field

    def nullable_all_of(node) -> list:
        if isinstance(node, list):
            return [found for item in node for found in nullable_all_of(item)]
        if not isinstance(node, dict):
            return []
        here = [node] if node.get("nullable") and "allOf" in node else []
        return here + [found for value in node.values() for found in nullable_all_of(value)]

    assert nullable_all_of(schema) == []


def test_it_lists_the_valid_vocabulary_values_of_the_filters(terms, schema):
    parameters = {
        parameter["name"]: parameter["schema"]
        for parameter in schema["paths"]["/api/v1/actors/"]["get"]["parameters"]
    }

    assert terms.topic_a.slug in parameters["topic"]["items"]["enum"]
    assert terms.language_a.code in parameters["language"]["items"]["enum"]
