"""Query counts of public pages as they are rendered, for the tests/<app>/test_query_counts.py.

The page cache (portal/pagecache) is left out, so the count is that of rendering the page: what
a signed-in member or the first visitor after a change costs. The network grows between two
counts (actors, events, facet values), and a page's count must not grow with it.
"""

from __future__ import annotations

import datetime
import itertools

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from events.models import Frequency
from network.models import Language
from tests.events.factories import EventExceptionFactory, EventFactory
from tests.factories import (
    ActorFactory,
    LanguageFactory,
    LocationFactory,
    MunicipalityFactory,
    NeedFactory,
    OfferFactory,
    TopicFactory,
)

_numbers = itertools.count()


def rendering_queries(path: str) -> int:
    """The queries of one anonymous request of `path`, after a first one warmed the caches."""
    middleware = [name for name in settings.MIDDLEWARE if "pagecache" not in name.lower()]
    with override_settings(MIDDLEWARE=middleware):
        client = Client()
        assert client.get(path).status_code == 200
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


def grow_network(count: int) -> None:
    """`count` more of everything a public page lists: actors with their offers, locations and
    terms, new facet values, events (one in three recurring, with an exception) and needs."""
    for _ in range(count):
        number = next(_numbers)
        topic = TopicFactory(slug=f"wachstum-{number}", name=f"Wachstum {number}")
        code = f"q{number:02d}"[-3:]
        language = Language.objects.filter(code=code).first() or LanguageFactory(
            code=code, name=f"Sprache {number}", native_name=f"Sprache {number}"
        )
        place = MunicipalityFactory(slug=f"wachsort-{number}", name=f"Wachsort {number}")
        actor = ActorFactory(
            name=f"Wachstumsverein {number}",
            slug=f"wachstumsverein-{number}",
            topics=[topic],
            languages=[language],
        )
        LocationFactory(actor=actor, municipality=place)
        OfferFactory(actor=actor, name=f"Beratung {number}")
        recurring = number % 3 == 0
        event = EventFactory(
            actor=actor,
            title=f"Beratungstreff {number}",
            slug=f"beratungstreff-{number}",
            topics=[topic],
            start_date=datetime.date.today() + datetime.timedelta(days=number % 20),
            frequency=Frequency.WEEKLY if recurring else Frequency.ONCE,
        )
        if recurring:
            EventExceptionFactory(
                event=event, original_date=event.start_date + datetime.timedelta(days=7)
            )
        NeedFactory(actor=actor, title=f"Beratung gesucht {number}", topics=[topic])
