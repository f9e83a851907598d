"""The search page and the suggestions: queries that do not grow with the index, and no
request that builds the vocabulary."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from search import spelling
from tests.factories import ActorFactory
from tests.query_counts import grow_network, rendering_queries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/search/?q=Beratung", "/search/?q=Beratung&kind=actor"])
def test_it_renders_in_as_many_queries_for_three_times_the_index(path, terms):
    grow_network(6)
    before = rendering_queries(path)
    grow_network(12)
    assert rendering_queries(path) == before


@pytest.fixture
def builds(monkeypatch):
    """Every build of the vocabulary, wherever it happens."""
    calls: list[int] = []
    build = spelling.build_vocabulary

    def counted():
        calls.append(1)
        return build()

    monkeypatch.setattr(spelling, "build_vocabulary", counted)
    return calls


def test_it_never_builds_the_vocabulary_in_a_suggest_request(
    client, builds, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ActorFactory(name="Quokka-Verein")
    assert client.get("/search/suggest/", {"q": "Quok"}).status_code == 200
    assert client.get("/search/", {"q": "Quokak"}).status_code == 200
    assert builds == []
    # The change queued one refresh for the worker, whatever the requests did meanwhile.
    queued = DBTaskResult.objects.filter(task_path=spelling.refresh_vocabulary.module_path)
    assert queued.count() == 1


def test_it_answers_from_the_refreshed_vocabulary_once_the_worker_built_it(
    client, builds, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ActorFactory(name="Quokka-Verein")
    spelling.refresh_vocabulary.call()  # the worker's task
    with CaptureQueriesContext(connection) as captured:
        body = client.get("/search/suggest/", {"q": "Quok"}).json()
    assert "Quokka" in [s["label"] for s in body["suggestions"] if s["kind"] == "term"]
    assert builds == [1]
    assert len(captured) <= 2

    with django_capture_on_commit_callbacks(execute=True):
        ActorFactory(name="Wombat-Verein")  # a newer version: the old copy answers meanwhile
    body = client.get("/search/suggest/", {"q": "Quok"}).json()
    assert "Quokka" in [s["label"] for s in body["suggestions"] if s["kind"] == "term"]
    assert builds == [1]
