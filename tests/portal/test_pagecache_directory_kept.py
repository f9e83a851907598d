"""The directory's facet counts and card badges from per-process sets (directory/flags.py, the
term facets of search/listing.py, kept by portal/site_cache.py): computed once, and each change
they show (a profile's topics, walk-in hours, an offer's feature, the clock passing a slot's
edge) is visible on the next request, to a member whom the page cache never serves."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ActorFactory,
    LocationFactory,
    OfferFactory,
    OpeningHoursFactory,
    TopicFactory,
)
from tests.html import facet_counts, texts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kept_site_parts")]

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = dt.date(2026, 3, 23)


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(MONDAY, dt.time(hour, minute), tzinfo=BERLIN)


@pytest.fixture
def network():
    topic = TopicFactory(name="Quokkakunde", slug="quokkakunde")
    actor = ActorFactory(name="Quokkacafe", slug="quokkacafe", topics=[topic])
    location = LocationFactory(actor=actor)
    OpeningHoursFactory(
        location=location, weekday=0, opens=dt.time(9), closes=dt.time(12), by_appointment=False
    )
    ActorFactory(name="Quokkaamt", slug="quokkaamt")
    return topic


def page(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/directory/")
    assert response.status_code == 200
    return response, len(queries)


def badges(response) -> list[str]:
    return texts(response, "li.actor-card .badge")


def test_it_reads_the_sets_once_for_a_member(member, network):
    with time_machine.travel(at(10), tick=False):
        _response, first = page(member)
        _response, again = page(member)

    assert again < first


def test_a_topic_given_to_an_actor_counts_on_the_next_request(
    member, network, django_capture_on_commit_callbacks
):
    with time_machine.travel(at(10), tick=False):
        response, _queries = page(member)
        assert facet_counts(response, "topic").get("quokkakunde") == 1
        with django_capture_on_commit_callbacks(execute=True):
            ActorFactory(name="Quokkahaus", slug="quokkahaus", topics=[network])

        response, _queries = page(member)

    assert facet_counts(response, "topic").get("quokkakunde") == 2


def test_new_walk_in_hours_count_on_the_next_request(
    member, network, django_capture_on_commit_callbacks
):
    with time_machine.travel(at(10), tick=False):
        response, _queries = page(member)
        assert facet_counts(response, "walk_in") == {"1": 1}
        with django_capture_on_commit_callbacks(execute=True):
            location = LocationFactory(actor=ActorFactory(name="Quokkahaus", slug="quokkahaus"))
            OpeningHoursFactory(
                location=location,
                weekday=0,
                opens=dt.time(9),
                closes=dt.time(16),
                by_appointment=False,
            )

        response, _queries = page(member)

    assert facet_counts(response, "walk_in") == {"1": 2}
    assert facet_counts(response, "open_now") == {"1": 2}


def test_an_offer_with_childcare_counts_on_the_next_request(
    member, network, django_capture_on_commit_callbacks
):
    with time_machine.travel(at(10), tick=False):
        response, _queries = page(member)
        assert facet_counts(response, "childcare") == {"1": 0}
        with django_capture_on_commit_callbacks(execute=True):
            OfferFactory(actor=ActorFactory(name="Quokkahaus", slug="quokkahaus"), childcare=True)

        response, _queries = page(member)

    assert facet_counts(response, "childcare") == {"1": 1}


def test_open_now_ends_when_the_slot_ends(member, network):
    with time_machine.travel(at(11, 59), tick=False):
        response, _queries = page(member)
        assert facet_counts(response, "open_now") == {"1": 1}
        assert "jetzt geöffnet" in badges(response)

    with time_machine.travel(at(12, 1), tick=False):
        response, _queries = page(member)

    assert facet_counts(response, "open_now") == {"1": 0}
    assert "jetzt geöffnet" not in badges(response)
