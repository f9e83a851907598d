"""The calendar and the pages showing upcoming events render in a number of queries that does
not grow with the number of events, of their recurrences or of the network."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from events.models import Frequency
from events.recurrence import first_occurrences, occurrences
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
