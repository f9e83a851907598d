"""Needs past their end date: `manage.py expire_needs`; and the search index following changes."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from needs.models import Need
from needs.search import NEED_KIND
from network.models import AuditEntry
from search import registry
from search.backends import get_search_backend
from tests.factories import NeedFactory, TopicFactory
from tests.needs.helpers import board


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def expire() -> str:
    out = io.StringIO()
    call_command("expire_needs", stdout=out)
    return out.getvalue()


def indexed(query: str, *, public_only: bool = False) -> list[str]:
    hits = get_search_backend().search(query, kinds=[NEED_KIND], public_only=public_only)
    return sorted(hit.object_id for hit in hits)


# --- expire_needs ----------------------------------------------------------------------------


@pytest.fixture
def dated(actor_a):
    return {
        "past": NeedFactory(actor=actor_a, title="Vorbei", end_date=days(-1)),
        "today": NeedFactory(actor=actor_a, title="Heute", end_date=days(0)),
        "later": NeedFactory(actor=actor_a, title="Später", end_date=days(10)),
        "open_ended": NeedFactory(actor=actor_a, title="Ohne Ende"),
        "filled": NeedFactory(
            actor=actor_a, title="Besetzt", end_date=days(-5), status=Need.Status.FILLED
        ),
    }


def test_it_expires_open_needs_past_their_end_date_only(dated):
    output = expire()

    statuses = {key: Need.objects.get(pk=need.pk).status for key, need in dated.items()}
    assert statuses == {
        "past": Need.Status.EXPIRED,
        "today": Need.Status.OPEN,
        "later": Need.Status.OPEN,
        "open_ended": Need.Status.OPEN,
        "filled": Need.Status.FILLED,
    }
    assert "1 need(s) marked as expired." in output
    assert AuditEntry.objects.filter(action="need.expired").count() == 1


def test_it_changes_nothing_when_run_again(dated):
    expire()
    updated = Need.objects.get(pk=dated["past"].pk).updated_at

    output = expire()

    assert "0 need(s) marked as expired." in output
    assert Need.objects.get(pk=dated["past"].pk).updated_at == updated
    assert AuditEntry.objects.filter(action="need.expired").count() == 1


def test_it_takes_an_expired_need_out_of_the_public_index(actor_a):
    need = NeedFactory(actor=actor_a, title="Quokkapflege", end_date=days(1))
    assert indexed("Quokkapflege", public_only=True) == [str(need.pk)]
    Need.objects.filter(pk=need.pk).update(end_date=days(-1))  # two days later, unseen by signals

    expire()

    assert indexed("Quokkapflege", public_only=True) == []
    assert indexed("Quokkapflege") == [str(need.pk)]


def test_it_shows_the_same_board_before_and_after_the_command(client, dated):
    before = board(client)
    expire()

    assert board(client) == before
    assert "Vorbei" not in before


# --- the search index ------------------------------------------------------------------------


def test_it_indexes_a_new_need_and_reindexes_a_saved_one(client, actor_a):
    need = NeedFactory(actor=actor_a, title="Quokkapflege")
    assert board(client, q="Quokkapflege") == ["Quokkapflege"]

    need.title = "Wombatpflege"
    need.save()

    assert board(client, q="Quokkapflege") == []
    assert board(client, q="Wombatpflege") == ["Wombatpflege"]


def test_it_drops_a_deleted_need_from_the_index(actor_a):
    need = NeedFactory(actor=actor_a, title="Quokkapflege")
    pk = str(need.pk)

    need.delete()

    assert pk not in indexed("Quokkapflege")


def test_it_drops_the_needs_of_a_deleted_actor_from_the_index(actor_a):
    NeedFactory(actor=actor_a, title="Quokkapflege")

    actor_a.delete()

    assert indexed("Quokkapflege") == []


def test_it_follows_the_actors_publication_and_name(client, actor_a):
    need = NeedFactory(actor=actor_a, title="Quokkapflege")

    actor_a.live = False
    actor_a.save()
    assert indexed("Quokkapflege", public_only=True) == []

    actor_a.live = True
    actor_a.name = "Beuteltierfreunde"
    actor_a.save()
    assert indexed("Beuteltierfreunde", public_only=True) == [str(need.pk)]


def test_it_follows_added_topics_and_renamed_terms(actor_a):
    need = NeedFactory(actor=actor_a, title="Quokkapflege")
    topic = TopicFactory(name="Tierpflege", slug="tierpflege")

    need.topics.add(topic)
    assert indexed("Tierpflege") == [str(need.pk)]

    topic.name = "Zoopädagogik"
    topic.save()
    assert indexed("Zoopädagogik") == [str(need.pk)]
    assert indexed("Tierpflege") == []


def test_it_marks_a_filled_need_as_not_public_in_the_index(actor_a):
    need = NeedFactory(actor=actor_a, title="Quokkapflege")

    need.status = Need.Status.FILLED
    need.save()

    assert indexed("Quokkapflege", public_only=True) == []


def test_it_rebuilds_the_need_documents(actor_a):
    need = NeedFactory(actor=actor_a, title="Quokkapflege")
    get_search_backend().clear(NEED_KIND)

    registry.rebuild(NEED_KIND)

    assert indexed("Quokkapflege") == [str(need.pk)]
