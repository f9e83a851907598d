"""The iCal feeds, parsed by the icalendar library as calendar programs would read them."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from events.models import EventStatus, ExceptionKind, Frequency
from tests.events.factories import EventExceptionFactory, EventFactory
from tests.factories import ActorFactory

BERLIN = ZoneInfo("Europe/Berlin")


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar: icalendar.Calendar, uid: str | None = None) -> list[icalendar.Event]:
    return [
        component
        for component in calendar.walk("VEVENT")
        if uid is None or str(component["UID"]) == uid
    ]


@pytest.fixture
def language_cafe(actor):
    """Weekly at 18:00 local across the change to summer time on 2027-03-28."""
    return EventFactory(
        actor=actor,
        title="Sprachcafé am Dienstag",
        slug="sprachcafe-dienstag",
        start_date=datetime.date(2027, 3, 2),
        start_time=datetime.time(18),
        end_time=datetime.time(20),
        frequency=Frequency.WEEKLY,
        repeat_count=8,
    )


def test_it_serves_a_valid_calendar_with_timezone_and_product(client, language_cafe):
    response = client.get("/events/calendar.ics")

    calendar = parse(response)
    body = response.content.decode()
    assert calendar["VERSION"] == "2.0"
    assert "Integrationsnetzwerk" in str(calendar["PRODID"])
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert "\r\n" in body and all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    (vevent,) = vevents(calendar, language_cafe.uid)
    assert vevent["DTSTAMP"].dt.tzinfo is not None
    assert "DTSTART;TZID=Europe/Berlin:20270302T180000" in body


def test_it_keeps_the_series_as_a_rule_and_local_time_across_dst(client, language_cafe):
    calendar = parse(client.get("/events/calendar.ics"))

    (vevent,) = vevents(calendar, language_cafe.uid)
    rule = vevent["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["COUNT"] == [8]
    starts = list(rrulestr(rule.to_ical().decode(), dtstart=vevent["DTSTART"].dt))
    assert len(starts) == 8
    assert {start.astimezone(BERLIN).hour for start in starts} == {18}
    utc_hours = {start.astimezone(datetime.UTC).hour for start in starts}
    assert utc_hours == {17, 16}  # winter UTC+1, then summer UTC+2 from 2027-03-28


def test_it_exports_cancelled_dates_as_exdate_and_moved_ones_as_recurrence_id(
    client, language_cafe
):
    EventExceptionFactory(
        event=language_cafe, original_date=datetime.date(2027, 3, 9), kind=ExceptionKind.CANCELLED
    )
    EventExceptionFactory(
        event=language_cafe,
        original_date=datetime.date(2027, 3, 30),
        kind=ExceptionKind.MOVED,
        new_date=datetime.date(2027, 4, 1),
        new_start_time=datetime.time(17),
        new_end_time=datetime.time(19),
        note="Ausnahmsweise am Donnerstag",
    )
    # not a date of the series: ignored rather than exported as a stray exception
    EventExceptionFactory(
        event=language_cafe, original_date=datetime.date(2027, 3, 10), kind=ExceptionKind.CANCELLED
    )

    calendar = parse(client.get("/events/calendar.ics"))

    master, moved = sorted(
        vevents(calendar, language_cafe.uid), key=lambda vevent: "RECURRENCE-ID" in vevent
    )
    exdates = [date.dt for exdate in [master["EXDATE"]] for date in exdate.dts]
    assert exdates == [datetime.datetime(2027, 3, 9, 18, tzinfo=BERLIN)]
    assert moved["RECURRENCE-ID"].dt == datetime.datetime(2027, 3, 30, 18, tzinfo=BERLIN)
    assert moved["DTSTART"].dt == datetime.datetime(2027, 4, 1, 17, tzinfo=BERLIN)
    assert moved["DTEND"].dt == datetime.datetime(2027, 4, 1, 19, tzinfo=BERLIN)
    assert moved["SEQUENCE"] == master["SEQUENCE"]
    assert "Ausnahmsweise am Donnerstag" in str(moved["DESCRIPTION"])


def test_it_marks_a_cancelled_event_and_keeps_its_uid(client, actor):
    event = EventFactory(actor=actor, status=EventStatus.CANCELLED)

    (vevent,) = vevents(parse(client.get("/events/calendar.ics")), event.uid)

    assert vevent["STATUS"] == "CANCELLED"
    assert str(vevent["UID"]) == event.uid


def test_it_exports_all_day_events_as_dates(client, actor):
    event = EventFactory(
        actor=actor,
        start_date=datetime.date(2027, 6, 5),
        end_date=datetime.date(2027, 6, 6),
        start_time=None,
        end_time=None,
    )

    (vevent,) = vevents(parse(client.get("/events/calendar.ics")), event.uid)

    assert vevent["DTSTART"].dt == datetime.date(2027, 6, 5)
    assert vevent["DTEND"].dt == datetime.date(2027, 6, 7)  # exclusive end


def test_it_writes_until_in_utc_for_a_series_ending_on_a_date(client, actor):
    event = EventFactory(
        actor=actor,
        start_date=datetime.date(2027, 1, 4),
        frequency=Frequency.MONTHLY_WEEKDAY,
        repeat_until=datetime.date(2027, 6, 30),
    )

    (vevent,) = vevents(parse(client.get("/events/calendar.ics")), event.uid)

    rule = vevent["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"] and rule["BYDAY"] == ["1MO"]
    assert rule["UNTIL"][0] == datetime.datetime(2027, 6, 30, 21, 59, 59, tzinfo=datetime.UTC)


def test_it_filters_the_feed_like_the_list(client, terms, actor):
    wanted = EventFactory(actor=actor, topics=[terms.topic_a])
    EventFactory(actor=actor, topics=[terms.topic_b])

    calendar = parse(client.get("/events/calendar.ics", {"topic": terms.topic_a.slug}))

    assert [str(vevent["UID"]) for vevent in vevents(calendar)] == [wanted.uid]


def test_it_rejects_an_unknown_filter_value_in_the_feed(client, db):
    response = client.get("/events/calendar.ics", {"topic": "gibt-es-nicht"})

    assert response.status_code == 400
    assert "topic" in response.content.decode()


def test_it_serves_one_actors_events_and_only_public_ones(client, actor, other_actor):
    mine = EventFactory(actor=actor)
    EventFactory(actor=other_actor)
    EventFactory(actor=actor, live=False)

    calendar = parse(client.get(f"/directory/{actor.slug}/events.ics"))

    assert [str(vevent["UID"]) for vevent in vevents(calendar)] == [mine.uid]


def test_it_hides_the_feed_of_an_unpublished_actor(client, db):
    hidden = ActorFactory(live=False)
    EventFactory(actor=hidden)

    assert client.get(f"/directory/{hidden.slug}/events.ics").status_code == 404


def test_it_offers_each_event_as_its_own_file(client, language_cafe):
    calendar = parse(client.get(f"/events/{language_cafe.slug}/event.ics"))

    assert [str(vevent["UID"]) for vevent in vevents(calendar)] == [language_cafe.uid]
    assert str(vevents(calendar)[0]["URL"]).endswith(f"/events/{language_cafe.slug}/")
