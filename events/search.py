"""How an event reads to the search index: its title first, then what, where, which language."""

from __future__ import annotations

from django.db.models import QuerySet

from events.models import Event
from portal.html import html_to_text
from search.backends import SearchDocument

EVENT_KIND = "event"


def indexable_events() -> QuerySet[Event]:
    return Event.objects.select_related("actor", "municipality", "location").prefetch_related(
        "topics", "languages", "target_groups"
    )


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
    )
