"""schema.org Event descriptions for event pages (embedded with directory.jsonld.as_script)."""

from __future__ import annotations

from django.http import HttpRequest

from events.models import Event, EventStatus
from events.recurrence import Occurrence
from portal.html import html_to_text

SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.MOVED: "https://schema.org/EventRescheduled",
}


def _place(event: Event, request: HttpRequest) -> dict[str, object]:
    if event.is_online:
        return {"@type": "VirtualLocation", "url": event.online_url}
    if event.location is not None and event.location_kind == "actor_location":
        street, postcode, town = event.location.street, event.location.postcode, event.location.town
        name = event.location.name or event.actor.name
    else:
        street, postcode, town, name = event.street, event.postcode, event.town, event.venue
    return {
        "@type": "Place",
        "name": name or town,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": street,
            "postalCode": postcode,
            "addressLocality": town,
            "addressRegion": "Sachsen-Anhalt",
            "addressCountry": "DE",
        },
    }


def event_jsonld(
    event: Event, next_dates: list[Occurrence], request: HttpRequest
) -> dict[str, object]:
    """The event at its next date (the first one for a past single event)."""
    url = request.build_absolute_uri(event.get_absolute_url())
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": event.title,
        "description": html_to_text(event.description),
        "eventStatus": SCHEMA_STATUS[EventStatus(event.status)],
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode"
        if event.is_online
        else "https://schema.org/OfflineEventAttendanceMode",
        "location": _place(event, request),
        "organizer": {
            "@type": "Organization",
            "name": event.actor.name,
            "url": request.build_absolute_uri(event.actor.get_absolute_url()),
        },
        "isAccessibleForFree": event.is_free,
    }
    if next_dates:
        data["startDate"] = next_dates[0].start.isoformat()
        data["endDate"] = next_dates[0].end.isoformat()
    languages = [language.code for language in event.languages.all()]
    if languages:
        data["inLanguage"] = languages
    if event.image:
        data["image"] = request.build_absolute_uri(event.image.url)
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    return data
