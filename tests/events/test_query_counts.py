"""The calendar and the pages showing upcoming events render in a number of queries that does
not grow with the number of events, of their recurrences or of the network."""

from __future__ import annotations

import datetime

import pytest
from django.http import QueryDict
from django.utils import timezone

from events.models import Frequency
from events.permissions import visible_events
from events.recurrence import first_occurrences, occurrences
from events.services import calendar_occurrences, event_listing, upcoming
from portal import site_cache
from tests.events.factories import EventFactory
from tests.query_counts import grow_network, rendering_queries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    ["/", "/events/", "/events/?view=month", "/events/?q=Beratungstreff", "/directory/"],
)
def test_it_renders_in_as_many_queries_for_three_times_the_events(path, terms):
    grow_network(6)
    before = rendering_queries(path)
    grow_network(12)
    assert rendering_queries(path) == before


def test_it_merges_the_series_lazily_into_the_first_dates_of_all(terms):
    today = datetime.date.today()
    events = [
        EventFactory(start_date=today - datetime.timedelta(days=days), frequency=frequency)
        for days, frequency in [
            (700, Frequency.WEEKLY),
            (30, Frequency.BIWEEKLY),
            (-2, Frequency.ONCE),
            (-1, Frequency.MONTHLY_WEEKDAY),
        ]
    ]
    now = timezone.now()
    until = now + datetime.timedelta(days=3650)
    everything = sorted(
        (found for event in events for found in occurrences(event, now, until)),
        key=lambda found: (found.start, found.event.title),
    )
    first = first_occurrences(events, now, until, limit=6, exceptions_of={})
    assert [(o.event.pk, o.start) for o in first] == [(o.event.pk, o.start) for o in everything[:6]]


def test_it_loads_every_line_of_the_calendar_in_two_queries(terms, django_assert_num_queries):
    grow_network(9)
    listing = event_listing(QueryDict(""))
    now = timezone.now()
    with django_assert_num_queries(2):
        found = calendar_occurrences(listing, now, now + datetime.timedelta(days=90))
        lines = [
            (o.event.title, o.event.slug, o.event.actor.name, o.event.place, o.is_cancelled)
            for o in found
        ]
    assert len({line[1] for line in lines}) >= 9


def test_it_keeps_the_upcoming_events_per_process_without_compiling_their_query(
    terms, settings, django_assert_num_queries
):
    settings.SITE_CACHE = True
    site_cache.forget()
    grow_network(6)
    now = timezone.now()
    first = upcoming(visible_events(), now=now, limit=2, key="test")
    with django_assert_num_queries(0):
        again = upcoming(visible_events(), now=now, limit=2, key="test")
    site_cache.forget()
    assert [o.event.pk for o in again] == [o.event.pk for o in first]
