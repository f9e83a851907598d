"""The calendar in the shared page cache (portal/pagecache.py): its pages and feeds, and the
pages of others that show upcoming events (the home page, a profile)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.http import HttpRequest

from events.recurrence import Occurrence
from network.page_cache import ACTORS, VOCABULARIES
from portal import pagecache

EVENTS = "events"


def shown_until(
    request: HttpRequest | None, occurrences: Iterable[Occurrence], now: dt.datetime
) -> None:
    """A list of dates from now on reads differently once one of them starts ("running now")
    or ends (it leaves the list): the page's cached copy ends at the earliest such instant."""
    edges = [
        occurrence.start if occurrence.start > now else occurrence.end for occurrence in occurrences
    ]
    pagecache.expires_at(request, min((edge for edge in edges if edge > now), default=None))


def register() -> None:
    from events.models import Event, EventException

    for model in (Event, EventException):
        pagecache.register_model(model, EVENTS)
    # The feeds are files: no menu, banner or footer.
    for view in ("events:calendar_ics", "events:event_ics", "actor_events:ics"):
        pagecache.register_view(view, EVENTS, ACTORS, VOCABULARIES, alone=True)
    pagecache.register_view("events:list", EVENTS, ACTORS, VOCABULARIES)
    pagecache.register_view("events:detail", EVENTS, ACTORS, VOCABULARIES)
    # The directory's cards name each actor's next event.
    for view in (
        "wagtail_serve",
        "page:portal.homepage",
        "directory:list",
        "directory:actor",
        "search:results",
    ):
        pagecache.register_view(view, EVENTS)
