"""The directory's "jetzt geöffnet" and "ohne Termin" filters, on the page and in the API, agree
with network.hours at frozen instants (exceptions included) and cost no query per actor."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.hours import opening_state
from network.models import Actor, LocationOpeningException
from tests.directory.helpers import actor_names, checked_values, facet_counts
from tests.factories import ActorFactory, LocationFactory, OpeningHoursFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = dt.date(2026, 3, 23)
SPRING_SUNDAY = dt.date(2026, 3, 29)  # the switch to summer time


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


def actor_with(name: str, *slots: tuple[int, int, int, bool]) -> Actor:
    actor = ActorFactory(name=name, slug=name.lower())
    location = LocationFactory(actor=actor)
    for weekday, opens, closes, booked in slots:
        OpeningHoursFactory(
            location=location,
            weekday=weekday,
            opens=dt.time(opens),
            closes=dt.time(closes),
            by_appointment=booked,
        )
    return actor


@pytest.fixture
def actors(db) -> dict[str, Actor]:
    return {
        "walkin": actor_with("Quokkacafe", (0, 8, 12, False), (6, 10, 12, False)),
        "booked": actor_with("Quokkaamt", (0, 9, 16, True)),
        "evening": actor_with("Quokkaabend", (0, 17, 20, False)),
        "none": actor_with("Quokkastille"),
    }


def listed(client, **params) -> list[str]:
    return actor_names(client.get("/directory/", params))


def test_it_lists_only_actors_open_now(client, actors):
    with time_machine.travel(at(MONDAY, 10), tick=False):
        assert listed(client, open_now="1") == ["Quokkaamt", "Quokkacafe"]
        assert listed(client, open_now="1", walk_in="1") == ["Quokkacafe"]
    with time_machine.travel(at(MONDAY, 18), tick=False):
        assert listed(client, open_now="1") == ["Quokkaabend"]


def test_without_open_now_no_appointment_means_walk_in_hours_exist(client, actors):
    with time_machine.travel(at(MONDAY, 3), tick=False):
        assert listed(client, walk_in="1") == ["Quokkaabend", "Quokkacafe"]
        assert listed(client) == ["Quokkaabend", "Quokkaamt", "Quokkacafe", "Quokkastille"]


def test_it_counts_wall_clock_time_on_the_dst_sunday(client, actors):
    # 10:30 summer time is 8:30 UTC; a filter on UTC time would miss the Sunday slot.
    with time_machine.travel(dt.datetime(2026, 3, 29, 8, 30, tzinfo=dt.UTC), tick=False):
        assert listed(client, open_now="1") == ["Quokkacafe"]


def test_exceptions_close_or_open_a_location(client, actors):
    cafe = actors["walkin"].locations.get()
    evening = actors["evening"].locations.get()
    LocationOpeningException.objects.create(location=cafe, starts_on=MONDAY, reason="Ostern")
    LocationOpeningException.objects.create(
        location=evening,
        starts_on=MONDAY - dt.timedelta(days=2),
        ends_on=MONDAY,
        is_closed=False,
        opens=dt.time(9),
        closes=dt.time(11),
    )

    with time_machine.travel(at(MONDAY, 10), tick=False):
        assert listed(client, open_now="1") == ["Quokkaabend", "Quokkaamt"]
        assert listed(client, open_now="1", walk_in="1") == ["Quokkaabend"]
    with time_machine.travel(at(MONDAY, 18), tick=False):
        assert listed(client, open_now="1") == []


def test_the_sql_filter_agrees_with_the_computed_state_all_week(client, actors):
    cafe = actors["walkin"].locations.get()
    LocationOpeningException.objects.create(
        location=cafe, starts_on=MONDAY + dt.timedelta(days=1), ends_on=MONDAY + dt.timedelta(2)
    )
    locations = {
        actor.name: actor.locations.prefetch_related("opening_hours", "exceptions").get()
        for actor in actors.values()
    }
    for hour in range(0, 24 * 7, 3):
        moment = at(MONDAY, 0) + dt.timedelta(hours=hour)
        expected = sorted(
            name
            for name, location in locations.items()
            if opening_state(
                moment, location.opening_hours.all(), location.exceptions.all()
            ).open_now
        )
        with time_machine.travel(moment, tick=False):
            assert listed(client, open_now="1") == expected, moment


def test_the_filter_costs_the_same_queries_for_many_actors(client, actors):
    with time_machine.travel(at(MONDAY, 10), tick=False):
        client.get("/directory/", {"open_now": "1"})
        with CaptureQueriesContext(connection) as few:
            client.get("/directory/", {"open_now": "1", "walk_in": "1"})
        for number in range(6):
            actor_with(f"Quokkamehr{number}", (0, 8, 12, False))
        with CaptureQueriesContext(connection) as many:
            response = client.get("/directory/", {"open_now": "1", "walk_in": "1"})

    assert len(actor_names(response)) == 7
    assert len(many) == len(few)


def test_the_page_offers_the_filters_as_checkboxes_with_counts(client, actors):
    with time_machine.travel(at(MONDAY, 10), tick=False):
        response = client.get("/directory/", {"open_now": "1"})

    assert checked_values(response, "open_now") == {"1"}
    assert checked_values(response, "walk_in") == set()
    # Each box counts what ticking it gives with the other filters applied.
    assert facet_counts(response, "open_now") == {"1": 2}
    assert facet_counts(response, "walk_in") == {"1": 1}


def test_the_counts_follow_the_other_filters(client, actors):
    with time_machine.travel(at(MONDAY, 18), tick=False):
        response = client.get("/directory/", {"walk_in": "1"})

    assert facet_counts(response, "walk_in") == {"1": 2}
    assert facet_counts(response, "open_now") == {"1": 1}


def test_a_chosen_box_becomes_a_chip_that_removes_it(client, actors):
    content = client.get("/directory/", {"walk_in": "1", "kind": "association"}).content.decode()

    assert 'class="chip" href="?kind=association">ohne Termin' in content


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", ["Quokkaabend", "Quokkacafe"]),
        ("1", ["Quokkaabend", "Quokkacafe"]),
        ("on", ["Quokkaabend", "Quokkacafe"]),
        ("false", ["Quokkaamt", "Quokkastille"]),
        ("0", ["Quokkaamt", "Quokkastille"]),
    ],
)
def test_no_appointment_reads_yes_and_no(client, actors, value, expected):
    assert listed(client, walk_in=value) == expected
    response = client.get("/api/v1/actors/", {"walk_in": value})
    assert [actor["name"] for actor in response.json()["results"]] == expected


@pytest.mark.parametrize("name", ["open_now", "walk_in"])
@pytest.mark.parametrize("value", ["null", "foo", "yes", "2", "-1"])
def test_it_refuses_what_is_neither_yes_nor_no(client, actors, name, value):
    page = client.get("/directory/", {name: value})
    api = client.get("/api/v1/actors/", {name: value})

    assert page.status_code == 400
    assert "kein Ja/Nein-Wert" in page.content.decode()
    assert api.status_code == 400
    assert "kein Ja/Nein-Wert" in api.json()[name][0]


def test_not_open_now_lists_the_others(client, actors):
    with time_machine.travel(at(MONDAY, 10), tick=False):
        assert listed(client, open_now="0") == ["Quokkaabend", "Quokkastille"]


def test_the_api_has_the_same_filters(client, actors):
    with time_machine.travel(at(MONDAY, 10), tick=False):
        response = client.get("/api/v1/actors/", {"open_now": "true", "walk_in": "true"})

    assert response.status_code == 200
    assert [actor["name"] for actor in response.json()["results"]] == ["Quokkacafe"]


def test_the_api_documents_the_filters_as_booleans(client, db):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    parameters = {
        parameter["name"]: parameter
        for parameter in schema["paths"]["/api/v1/actors/"]["get"]["parameters"]
    }

    assert parameters["open_now"]["schema"]["type"] == "boolean"
    assert parameters["walk_in"]["schema"]["type"] == "boolean"
