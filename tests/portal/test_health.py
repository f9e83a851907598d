"""/healthz: 200 when database, channel layer and search all work, 503 naming what fails."""

from __future__ import annotations

import os

import pytest
from channels.layers import channel_layers
from django.db import connection

from search.backends import get_search_backend

pytestmark = pytest.mark.django_db

IN_MEMORY = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
CHECKS = {"database", "channel_layer", "search"}


def redis_layer(url: str) -> dict:
    return {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [url]},
        }
    }


@pytest.fixture
def use_channel_layers(settings):
    """Set CHANNEL_LAYERS for one test; channels' cached layers are dropped around it."""

    def use(config: dict) -> None:
        settings.CHANNEL_LAYERS = config
        channel_layers.backends.clear()

    yield use
    channel_layers.backends.clear()


def get_health(client) -> tuple[int, dict]:
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    return response.status_code, response.json()


def test_it_reports_every_check_ok(client, use_channel_layers):
    use_channel_layers(IN_MEMORY)
    status, body = get_health(client)
    assert status == 200, body
    assert body["status"] == "ok"
    assert set(body["checks"]) == CHECKS
    assert all(check["ok"] for check in body["checks"].values()), body
    assert "failing" not in body
    assert body["checks"]["database"]["detail"] == connection.vendor
    assert body["checks"]["channel_layer"]["detail"] == "InMemoryChannelLayer"
    assert body["checks"]["search"]["detail"].startswith(f"{get_search_backend().name}: ")


def test_it_is_never_cached(client, use_channel_layers):
    use_channel_layers(IN_MEMORY)
    response = client.get("/healthz")
    assert "no-cache" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_it_answers_head_and_refuses_post(client, use_channel_layers):
    use_channel_layers(IN_MEMORY)
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_it_answers_503_naming_search_when_the_search_backend_is_unhealthy(
    client, monkeypatch, use_channel_layers
):
    use_channel_layers(IN_MEMORY)
    monkeypatch.setattr(
        get_search_backend(), "health", lambda: (False, "index unavailable: ConnectionError")
    )
    status, body = get_health(client)
    assert status == 503
    assert body["status"] == "unavailable"
    assert body["failing"] == ["search"]
    assert body["checks"]["search"] == {
        "ok": False,
        "detail": f"{get_search_backend().name}: index unavailable: ConnectionError",
    }
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["channel_layer"]["ok"] is True


def test_it_answers_503_naming_search_when_the_search_table_is_missing(
    client, settings, use_channel_layers
):
    settings.SEARCH_BACKEND = "search.backends.database.DatabaseSearchBackend"
    use_channel_layers(IN_MEMORY)
    table = "search_fts" if connection.vendor == "sqlite" else "search_indexentry"
    with connection.cursor() as cursor:  # undone with the test's transaction
        cursor.execute(f"ALTER TABLE {table} RENAME TO {table}_gone")
    status, body = get_health(client)
    assert status == 503
    assert body["failing"] == ["search"]
    assert body["checks"]["search"]["detail"].startswith("database: index unavailable: ")


def test_it_answers_503_naming_the_channel_layer_when_redis_is_unreachable(
    client, use_channel_layers
):
    use_channel_layers(redis_layer("redis://127.0.0.1:1/0"))
    status, body = get_health(client)
    assert status == 503
    assert body["failing"] == ["channel_layer"]
    assert body["checks"]["channel_layer"]["ok"] is False
    assert body["checks"]["channel_layer"]["detail"]
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["search"]["ok"] is True


def test_it_answers_503_when_no_channel_layer_is_configured(client, use_channel_layers):
    use_channel_layers({})
    status, body = get_health(client)
    assert status == 503
    assert body["failing"] == ["channel_layer"]
    assert body["checks"]["channel_layer"] == {
        "ok": False,
        "detail": "no channel layer configured",
    }


def test_it_names_every_failing_part(client, monkeypatch, use_channel_layers):
    use_channel_layers(redis_layer("redis://127.0.0.1:1/0"))
    monkeypatch.setattr(get_search_backend(), "health", lambda: (False, "down"))
    status, body = get_health(client)
    assert status == 503
    assert body["failing"] == ["channel_layer", "search"]


@pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set: no Redis server to check"
)
def test_it_reports_a_real_redis_channel_layer_ok(client, use_channel_layers):
    use_channel_layers(redis_layer(os.environ["REDIS_URL"]))
    status, body = get_health(client)
    assert status == 200, body
    assert body["checks"]["channel_layer"] == {"ok": True, "detail": "RedisChannelLayer"}


# --- search on Elasticsearch with the database as fallback -----------------------------------

UNREACHABLE_ELASTICSEARCH = "http://127.0.0.1:1"


@pytest.fixture
def elasticsearch_down(settings):
    settings.ELASTICSEARCH_URL = UNREACHABLE_ELASTICSEARCH
    settings.SEARCH_BACKEND = "search.backends.database.DatabaseSearchBackend"


def test_it_reports_search_degraded_with_200_while_elasticsearch_is_unreachable(
    client, use_channel_layers, elasticsearch_down
):
    use_channel_layers(IN_MEMORY)
    status, body = get_health(client)
    assert status == 200
    assert body["status"] == "degraded"
    assert body["degraded"] == ["search"]
    assert "failing" not in body
    search = body["checks"]["search"]
    assert search["ok"] is True
    assert search["degraded"] is True
    assert search["detail"].startswith("elasticsearch: unreachable: ConnectionError; ")
    assert "serving from database: " in search["detail"]


def test_it_reports_search_unavailable_when_the_fallback_fails_too(
    client, monkeypatch, use_channel_layers, elasticsearch_down
):
    use_channel_layers(IN_MEMORY)
    monkeypatch.setattr(get_search_backend().fallback, "health", lambda: (False, "gone"))
    status, body = get_health(client)
    assert status == 503
    assert body["failing"] == ["search"]
    assert body["checks"]["search"] == {
        "ok": False,
        "detail": "elasticsearch: unreachable: ConnectionError; database: gone",
    }


def test_it_keeps_searching_while_elasticsearch_is_unreachable(client, elasticsearch_down):
    from tests.factories import ActorFactory

    ActorFactory(name="Quokkaverein")
    response = client.get("/search/", {"q": "Quokkaverein"})
    assert response.status_code == 200
    assert response.context["result"].total == 1
    suggestions = client.get("/search/suggest/", {"q": "Quokka"}).json()["suggestions"]
    assert suggestions[0]["label"] == "Quokkaverein"
