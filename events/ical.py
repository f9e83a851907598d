"""RFC 5545 calendars of events, built by one pure function (no request, no database writes).

Recurring events travel as RRULE with EXDATE for cancelled dates and an extra VEVENT with the
same UID and a RECURRENCE-ID for each moved date, never expanded: a subscribed calendar keeps
the series as a series. Times carry TZID=Europe/Berlin with the VTIMEZONE included, so Google,
Apple and Thunderbird place them alike. UID is stable; SEQUENCE grows with every published
change, so clients replace what they have.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

import icalendar

from events.models import Event, EventException, ExceptionKind
from events.recurrence import first_start, is_real_exception, moved_span, original_start
from portal.html import html_to_text

PRODID = "-//Integrationsnetzwerk Burgenlandkreis//Veranstaltungskalender//DE"
CONTENT_TYPE = "text/calendar; charset=utf-8"
TZID = "Europe/Berlin"


def _when(event: Event, start: datetime.datetime) -> datetime.date | datetime.datetime:
    """All-day events are dates (VALUE=DATE), others local times with their zone."""
    return start.date() if event.is_all_day else start


def _description(event: Event, url: str) -> str:
    parts = [html_to_text(event.description)]
    if event.status_note:
        parts.insert(0, event.status_note)
    if event.is_online and event.online_url:
        parts.append(event.online_url)
    if event.registration_link:
        parts.append(f"Anmeldung: {event.registration_link.removeprefix('mailto:')}")
    parts.append(url)
    return "\n\n".join(part for part in parts if part)


def _common(vevent: icalendar.Event, event: Event, url: str, stamp: datetime.datetime) -> None:
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", stamp)
    vevent.add("sequence", event.sequence)
    vevent.add("summary", event.title)
    vevent.add("description", _description(event, url))
    vevent.add("url", url)
    vevent.add("location", (event.is_online and event.online_url) or event.place)
    vevent.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    vevent.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    vevent.add("created", event.created_at.astimezone(datetime.UTC))
    organiser = event.actor
    if organiser.email:
        vevent.add("organizer", f"mailto:{organiser.email}", parameters={"CN": organiser.name})
    topics = [topic.name for topic in event.topics.all()]
    if topics:
        vevent.add("categories", topics)


def _master(event: Event, url: str, stamp: datetime.datetime) -> icalendar.Event:
    vevent = icalendar.Event()
    _common(vevent, event, url, stamp)
    start = first_start(event)
    vevent.add("dtstart", _when(event, start))
    vevent.add("dtend", _when(event, start + event.duration()))
    if event.is_recurring:
        vevent.add("rrule", icalendar.vRecur.from_ical(event.rrule()))
    return vevent


def _moved(
    event: Event, exception: EventException, url: str, stamp: datetime.datetime
) -> icalendar.Event:
    vevent = icalendar.Event()
    _common(vevent, event, url, stamp)
    start, end = moved_span(event, exception)
    vevent.add("recurrence-id", _when(event, original_start(event, exception)))
    vevent.add("dtstart", _when(event, start))
    vevent.add("dtend", _when(event, end if not event.is_all_day else start + event.duration()))
    if exception.note:
        vevent["description"] = f"{exception.note}\n\n{vevent['description']}"
    return vevent


def event_components(event: Event, *, url: str, stamp: datetime.datetime) -> list[icalendar.Event]:
    """The VEVENTs of one event: the series (with EXDATEs) and one per moved date."""
    master = _master(event, url, stamp)
    components = [master]
    exceptions = [
        exception for exception in event.exceptions.all() if is_real_exception(event, exception)
    ]
    cancelled = [
        _when(event, original_start(event, exception))
        for exception in exceptions
        if exception.kind == ExceptionKind.CANCELLED
    ]
    if cancelled:
        master.add("exdate", sorted(cancelled))
    components += [
        _moved(event, exception, url, stamp)
        for exception in exceptions
        if exception.kind == ExceptionKind.MOVED and exception.new_date is not None
    ]
    return components


def build_calendar(
    events: Iterable[Event],
    *,
    name: str,
    url_of: Callable[[Event], str],
    stamp: datetime.datetime,
) -> bytes:
    """A whole VCALENDAR; `url_of` gives each event's absolute page address."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # A name is one line: X-WR-CALNAME is no TEXT value, so a line break in it would not be escaped.
    calendar.add("x-wr-calname", " ".join(name.split()))
    calendar.add("x-wr-timezone", TZID)
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    calendar.add_component(icalendar.Timezone.from_tzid(TZID))
    stamp = stamp.astimezone(datetime.UTC).replace(microsecond=0)
    for event in events:
        for component in event_components(event, url=url_of(event), stamp=stamp):
            calendar.add_component(component)
    return calendar.to_ical()
