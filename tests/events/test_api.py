"""GET /api/v1/events/: occurrences in a window, the same as calendars compute from the feed."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rruleset, rrulestr

from events.models import EventStatus, ExceptionKind, Frequency
from tests.events.factories import EventExceptionFactory, EventFactory

BERLIN = ZoneInfo("Europe/Berlin")
WINDOW = {"from": "2027-02-01", "to": "2027-06-30"}


def all_results(client, params: dict) -> list[dict]:
    results, url, query = [], "/api/v1/events/", {**params, "page_size": 100}
    while url:
        response = client.get(url, query)
        assert response.status_code == 200, response.content[:500]
        body = response.json()
        results += body["results"]
        url, query = body["next"], None
    return results


def feed_occurrences(
    calendar: icalendar.Calendar, since, until
) -> set[tuple[str, datetime.datetime]]:
    """What a calendar program makes of the feed: rules, minus EXDATEs, moved dates replaced."""
    found: set[tuple[str, datetime.datetime]] = set()
    overrides: dict[str, dict[datetime.datetime, datetime.datetime]] = {}
    for vevent in calendar.walk("VEVENT"):
        if "RECURRENCE-ID" in vevent:
            overrides.setdefault(str(vevent["UID"]), {})[vevent["RECURRENCE-ID"].dt] = vevent[
                "DTSTART"
            ].dt
    for vevent in calendar.walk("VEVENT"):
        if "RECURRENCE-ID" in vevent:
            continue
        uid, start = str(vevent["UID"]), vevent["DTSTART"].dt
        if "RRULE" not in vevent:
            if since <= start < until:
                found.add((uid, start))
            continue
        rules = rruleset()
        rules.rrule(rrulestr(vevent["RRULE"].to_ical().decode(), dtstart=start))
        exdates = vevent.get("EXDATE")
        for exdate in exdates if isinstance(exdates, list) else [exdates] if exdates else []:
            for date in exdate.dts:
                rules.exdate(date.dt)
        moved = overrides.get(uid, {})
        for occurrence in rules.between(since - datetime.timedelta(days=31), until, inc=True):
            start_at = moved.get(occurrence, occurrence)
            if since <= start_at < until:
                found.add((uid, start_at))
    return found


@pytest.fixture
def series(actor, other_actor, terms):
    weekly = EventFactory(
        actor=actor,
        title="Sprachcafé",
        start_date=datetime.date(2027, 3, 2),
        frequency=Frequency.WEEKLY,
        repeat_count=10,
        topics=[terms.topic_a],
    )
    EventExceptionFactory(event=weekly, original_date=datetime.date(2027, 3, 16))
    EventExceptionFactory(
        event=weekly,
        original_date=datetime.date(2027, 3, 30),
        kind=ExceptionKind.MOVED,
        new_date=datetime.date(2027, 3, 31),
    )
    biweekly = EventFactory(
        actor=other_actor,
        title="Elterncafé",
        start_date=datetime.date(2027, 2, 10),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(11),
        frequency=Frequency.BIWEEKLY,
        repeat_until=datetime.date(2027, 5, 31),
    )
    monthly = EventFactory(
        actor=other_actor,
        title="Rechtsberatung",
        start_date=datetime.date(2027, 2, 1),
        frequency=Frequency.MONTHLY_WEEKDAY,
        repeat_count=5,
    )
    single = EventFactory(actor=actor, title="Jobmesse", start_date=datetime.date(2027, 4, 20))
    cancelled = EventFactory(
        actor=actor,
        title="Sommerfest",
        start_date=datetime.date(2027, 6, 12),
        status=EventStatus.CANCELLED,
    )
    return {
        "weekly": weekly,
        "biweekly": biweekly,
        "monthly": monthly,
        "single": single,
        "cancelled": cancelled,
    }


def test_it_returns_the_occurrences_calendars_compute_from_the_feed(client, series):
    results = all_results(client, WINDOW)
    calendar = icalendar.Calendar.from_ical(client.get("/events/calendar.ics").content)

    since = datetime.datetime(2027, 2, 1, tzinfo=BERLIN)
    until = datetime.datetime(2027, 7, 1, tzinfo=BERLIN)
    from_api = {(item["uid"], datetime.datetime.fromisoformat(item["start"])) for item in results}
    assert from_api == feed_occurrences(calendar, since, until)
    assert len(results) == 9 + 8 + 5 + 1 + 1


def test_it_gives_each_occurrence_the_events_identity_and_offset_times(client, series):
    results = all_results(client, {"from": "2027-03-02", "to": "2027-03-02"})

    (item,) = results
    weekly = series["weekly"]
    assert item["uid"] == weekly.uid and item["slug"] == weekly.slug
    assert item["title"] == "Sprachcafé"
    assert item["start"] == "2027-03-02T18:00:00+01:00"
    assert item["end"] == "2027-03-02T20:00:00+01:00"
    assert item["status"] == "scheduled"


def test_it_keeps_local_time_after_the_change_to_summer_time(client, series):
    (item,) = all_results(client, {"from": "2027-04-06", "to": "2027-04-06"})

    assert item["start"] == "2027-04-06T18:00:00+02:00"


def test_it_reports_moved_and_cancelled_occurrences(client, series):
    moved = all_results(client, {"from": "2027-03-31", "to": "2027-03-31"})
    cancelled = all_results(client, {"from": "2027-06-12", "to": "2027-06-12"})
    dropped = all_results(client, {"from": "2027-03-16", "to": "2027-03-16"})

    assert [(item["title"], item["status"]) for item in moved] == [("Sprachcafé", "moved")]
    assert [(item["title"], item["status"]) for item in cancelled] == [("Sommerfest", "cancelled")]
    assert dropped == []


def test_it_filters_by_topic_and_actor(client, series, terms, other_actor):
    by_topic = all_results(client, {**WINDOW, "topic": terms.topic_a.slug})
    by_actor = all_results(client, {**WINDOW, "actor": other_actor.slug})

    assert {item["title"] for item in by_topic} == {"Sprachcafé"}
    assert {item["title"] for item in by_actor} == {"Elterncafé", "Rechtsberatung"}


def test_it_paginates_like_the_other_apis(client, series):
    body = client.get("/api/v1/events/", {**WINDOW, "page_size": 5}).json()

    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 24 and len(body["results"]) == 5 and body["previous"] is None


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2027-13-01"}, "from"),
        ({"to": "morgen"}, "to"),
        ({"from": "2027-01-01", "to": "2028-01-03"}, "to"),
        ({"from": "2027-05-01", "to": "2027-04-01"}, "to"),
        ({"topic": "gibt-es-nicht"}, "topic"),
        ({"from": "9999-12-31"}, "from"),
        ({"from": "0001-01-01"}, "from"),
        ({"to": "9999-12-31"}, "to"),
        ({"from": "0001-01-01", "to": "0001-01-02"}, "from"),
    ],
)
def test_it_rejects_bad_parameters_with_the_reason(client, db, params, field):
    response = client.get("/api/v1/events/", params)

    assert response.status_code == 400
    assert field in response.json()


def test_it_defaults_to_the_coming_three_months(client, actor):
    soon = EventFactory(actor=actor, start_date=datetime.date.today() + datetime.timedelta(days=10))
    EventFactory(actor=actor, start_date=datetime.date.today() + datetime.timedelta(days=200))
    EventFactory(actor=actor, start_date=datetime.date.today() - datetime.timedelta(days=10))

    assert [item["uid"] for item in all_results(client, {})] == [soon.uid]


def test_it_leaves_out_drafts_and_unpublished_actors(client, actor):
    EventFactory(actor=actor, live=False)
    EventFactory(actor__live=False)

    assert all_results(client, {}) == []


def test_it_is_described_in_the_schema(client, db):
    schema = client.get("/api/schema/", {"format": "json"}).json()

    parameters = {
        parameter["name"] for parameter in schema["paths"]["/api/v1/events/"]["get"]["parameters"]
    }
    assert {"from", "to", "topic", "language", "municipality", "actor"} <= parameters
