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
