"""The calendar in the shared page cache (portal/pagecache.py): its pages and feeds, and the
pages of others that show upcoming events (the home page, a profile)."""

from __future__ import annotations

from network.page_cache import ACTORS, VOCABULARIES
from portal import pagecache

EVENTS = "events"


def register() -> None:
    from events.models import Event, EventException

    for model in (Event, EventException):
        pagecache.register_model(model, EVENTS)
    for view in (
        "events:list",
        "events:detail",
        "events:calendar_ics",
        "events:event_ics",
        "actor_events:ics",
    ):
        pagecache.register_view(view, EVENTS, ACTORS, VOCABULARIES)
    for view in ("wagtail_serve", "directory:actor", "search:results"):
        pagecache.register_view(view, EVENTS)
