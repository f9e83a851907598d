"""Elasticsearch configured but unreachable, refused (closed port) or silent (a socket that
accepts and never answers): saving content returns within a short timeout, search answers
from the database, /healthz says degraded."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from search import backends
from tests.events.factories import EventFactory
from tests.factories import ActorFactory, NeedFactory
from tests.faults.services import free_port

pytestmark = [pytest.mark.faults, pytest.mark.django_db]

SHORT = 3.0


@pytest.fixture
def blackhole() -> Iterator[int]:
    """A port whose connections are accepted by the kernel and then never answered."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        yield listener.getsockname()[1]


@pytest.fixture(params=["closed", "blackhole"])
def elasticsearch_down(request, settings) -> Iterator[str]:
    port = free_port() if request.param == "closed" else request.getfixturevalue("blackhole")
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{port}"
    backends._backend.cache_clear()
    yield request.param
    backends._backend.cache_clear()


def timed(save, capture) -> float:
    """Seconds for the save and the index writes after its commit."""
    started = time.monotonic()
    with capture(execute=True):
        save()
    return time.monotonic() - started


def test_it_saves_searches_and_reports_degraded_while_elasticsearch_is_unreachable(
    elasticsearch_down, client, django_capture_on_commit_callbacks
):
    assert backends.get_search_backend().name == "elasticsearch"
    capture = django_capture_on_commit_callbacks
    durations = {
        "actor": timed(lambda: ActorFactory(name="Quokka-Hilfe Zeitz"), capture),
        "need": timed(lambda: NeedFactory(title="Quokka-Paten gesucht"), capture),
        "event": timed(lambda: EventFactory(title="Quokka-Treffen"), capture),
    }
    print(f"\nElasticsearch {elasticsearch_down}: saves took", durations)
    assert max(durations.values()) < SHORT

    started = time.monotonic()
    page = client.get("/search/", {"q": "Quokka"})
    searched = time.monotonic() - started
    assert page.status_code == 200
    assert "Hilfe Zeitz" in page.content.decode()
    assert searched < SHORT

    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    assert health.json()["degraded"] == ["search"]
