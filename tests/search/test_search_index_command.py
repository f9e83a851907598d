"""`manage.py search_index rebuild` (and its old name rebuild_index)."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from search.backends import get_search_backend
from tests.factories import ActorFactory, NeedFactory

pytestmark = pytest.mark.django_db


def found(query: str) -> list[str]:
    return [hit.title for hit in get_search_backend().search(query)]


@pytest.fixture
def network(db):
    for number in range(3):
        ActorFactory(name=f"Quokka {number}")
    NeedFactory(title="Quokka gesucht")
    get_search_backend().clear()


def test_it_rebuilds_every_kind_with_a_progress_bar(network):
    out = io.StringIO()
    call_command("search_index", "rebuild", "--batch-size", "2", stdout=out)
    output = out.getvalue()
    assert "Indexed " in output
    assert "[" + "#" * 30 + "]" in output
    assert "\r[" in output
    assert sorted(found("Quokka")) == ["Quokka 0", "Quokka 1", "Quokka 2", "Quokka gesucht"]


def test_it_rebuilds_one_kind(network):
    call_command("search_index", "rebuild", "--kind", "need", stdout=io.StringIO())
    assert found("Quokka") == ["Quokka gesucht"]


def test_it_keeps_the_old_name_working(network):
    out = io.StringIO()
    call_command("rebuild_index", stdout=out)
    assert "Indexed " in out.getvalue()
    assert len(found("Quokka")) == 4


def test_it_refuses_an_unknown_action():
    with pytest.raises(CommandError):
        call_command("search_index", "explode", stdout=io.StringIO())
