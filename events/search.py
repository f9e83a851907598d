"""How an event reads to the search index: its title first, then what, where, which language.

An event is found until its last date has passed; a series without an end stays findable. A
cancelled event stays findable until its date too, so that people looking for it learn that it
is off (its page says so).
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from events.models import Event, ExceptionKind
from events.recurrence import rule_of
from portal.html import html_to_text
from search.addresses import default_language_url
from search.backends import SearchDocument
from search.backends.base import audience_of_actor

EVENT_KIND = "event"


def indexable_events() -> QuerySet[Event]:
    return Event.objects.select_related("actor", "municipality", "location").prefetch_related(
        "topics", "languages", "target_groups", "exceptions"
    )


def last_day(event: Event) -> datetime.date | None:
    """The day the event's last occurrence ends, or None for a series without an end."""
    if event.is_recurring and not (event.repeat_until or event.repeat_count):
        return None
    starts = list(rule_of(event)) if event.is_recurring else [event.local_start()]
    # The end is exclusive: an all-day event of one day ends at the next midnight.
    length = event.duration() - datetime.timedelta(microseconds=1)
    ends = [starts[-1] + length]
    ends += [
        datetime.datetime.combine(exception.new_date, event.local_start().time()) + length
        for exception in event.exceptions.all()
        if exception.kind == ExceptionKind.MOVED and exception.new_date is not None
    ]
    return max(end.date() for end in ends)


def event_document(event: Event) -> SearchDocument:
    parts: list[str] = [event.actor.name, event.place, event.venue]
    parts += [topic.name for topic in event.topics.all()]
    parts += [group.name for group in event.target_groups.all()]
    parts += [f"{language.name} {language.native_name}" for language in event.languages.all()]
    if event.municipality is not None:
        parts.append(event.municipality.name)
        parts += event.municipality.town_list
    parts.append(html_to_text(event.description))
    return SearchDocument(
        kind=EVENT_KIND,
        object_id=str(event.pk),
        title=event.title,
        body="\n".join(part for part in parts if part),
        public=event.live and event.actor.live,
        url=default_language_url(event.get_absolute_url),
        topics=tuple(sorted({topic.slug for topic in event.topics.all()})),
        municipalities=(event.municipality.slug,) if event.municipality is not None else (),
        languages=tuple(sorted({language.code for language in event.languages.all()})),
        visible_until=last_day(event),
        # An event awaiting review (or of an actor not yet published) is found by the actor's
        # members and staff; a proposed change of a published event is not indexed.
        audience=audience_of_actor(event.actor_id),
    )
