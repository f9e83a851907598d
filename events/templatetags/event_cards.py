"""The next event of each actor on a page of directory cards, in a fixed number of queries.

`{% with_next_events cards as rows %}` takes the page's cards (anything with an `actor`, or the
actors themselves) and gives `(card, occurrence or None)` pairs in the same order: the next date
of each actor's published events that is not cancelled, within a year. Three queries for any
number of cards: the candidate events, their exceptions and the titles' translations. The page's
cached copy ends when a shown date starts (it is no longer "next") or ends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django import template
from django.utils import timezone

from events.models import EventException
from events.page_cache import shown_until
from events.permissions import visible_events
from events.recurrence import Occurrence, iter_occurrences
from events.services import in_window
from portal.translations import prefetch_translations

register = template.Library()

HORIZON = dt.timedelta(days=366)


def next_events(actor_ids: Iterable[int], now: dt.datetime) -> dict[int, Occurrence]:
    """Each actor's next occurrence that takes place, by actor id."""
    until = now + HORIZON
    candidates = list(
        in_window(visible_events().filter(actor_id__in=list(actor_ids)), now, until)
        .select_related(None)
        .prefetch_related(None)
    )
    if not candidates:
        return {}
    exceptions: dict[int, list[EventException]] = {}
    for exception in EventException.objects.filter(event__in=[event.pk for event in candidates]):
        exceptions.setdefault(exception.event_id, []).append(exception)
    found: dict[int, Occurrence] = {}
    for event in candidates:
        if event.is_cancelled:
            continue
        dates = iter_occurrences(
            event,
            now,
            until,
            exceptions=exceptions.get(event.pk, []),
            include_cancelled_dates=False,
        )
        occurrence = next((date for date in dates if date.start >= now), None)
        if occurrence is None:
            continue
        current = found.get(event.actor_id)
        if current is None or (occurrence.start, event.title) < (
            current.start,
            current.event.title,
        ):
            found[event.actor_id] = occurrence
    prefetch_translations(occurrence.event for occurrence in found.values())
    return found


@register.simple_tag(takes_context=True)
def with_next_events(context: template.Context, cards: Iterable[Any]) -> list[tuple[Any, Any]]:
    cards = list(cards)
    actors = [getattr(card, "actor", card) for card in cards]
    now = timezone.now()
    found = next_events({actor.pk for actor in actors}, now)
    shown_until(context.get("request"), found.values(), now)
    return [(card, found.get(actor.pk)) for card, actor in zip(cards, actors, strict=True)]
