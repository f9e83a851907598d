"""The index follows every change once it has committed: the database index inside the
transaction (it rolls back with it), an external index only after the commit."""

from __future__ import annotations

import pytest
from django.db import transaction

from directory.search import ACTOR_KIND
from network.models import Actor
from search import registry
from search.backends import get_search_backend
from search.models import IndexEntry
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db

RECORDING = "tests.search.external_backend.RecordingBackend"


@pytest.fixture
def external(settings):
    settings.SEARCH_BACKEND = RECORDING
    backend = get_search_backend()
    backend.writes.clear()
    return backend


def in_database(name: str) -> bool:
    return IndexEntry.objects.filter(kind=ACTOR_KIND, title=name).exists()


def test_it_writes_the_external_index_only_after_the_commit(
    external, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        actor = ActorFactory(name="Quokkaverein")
        assert in_database("Quokkaverein")
        assert external.writes == []
    assert external.writes == [("index", ACTOR_KIND, str(actor.pk), "Quokkaverein")]


def test_it_forgets_the_changes_of_a_rolled_back_transaction(
    external, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        ActorFactory(name="Quokkaverein")
        raise RuntimeError("rolled back")
    assert not in_database("Quokkaverein")
    assert external.writes == []


def test_it_sends_the_committed_state(external, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        actor = ActorFactory(name="Quokkaverein")
        actor.name = "Wombatverein"
        actor.save()
    assert {title for _op, _kind, _id, title in external.writes} == {"Wombatverein"}


def test_it_writes_each_object_once_for_a_deferred_batch(
    external, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), registry.deferred():
        actor = ActorFactory(name="Quokkaverein")
        for number in range(3):
            actor.short_description = f"Fassung {number}"
            actor.save()
        assert external.writes == []
    assert external.writes == [("index", ACTOR_KIND, str(actor.pk), "Quokkaverein")]


def test_it_drops_a_deleted_object_after_the_commit(external, django_capture_on_commit_callbacks):
    actor = ActorFactory(name="Quokkaverein")
    pk = actor.pk
    external.writes.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Actor.objects.get(pk=pk).delete()
        assert external.writes == []
    assert not in_database("Quokkaverein")
    assert external.writes == [("delete", ACTOR_KIND, str(pk), "")]


def test_it_drops_an_unpublished_actor_from_public_results(external, client):
    actor = ActorFactory(name="Quokkaverein")
    actor.live = False
    actor.save()
    assert client.get("/search/", {"q": "Quokkaverein"}).context["result"].total == 0
