"""The public calendar pages: list by day, week and month views, filters, event pages."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from events.models import EventStatus, ExceptionKind, Frequency, LocationKind
from tests.events.factories import EventExceptionFactory, EventFactory
from tests.factories import ActorFactory, LocationFactory
from tests.html import jsonld, texts


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content.decode()[:2000]
    return texts(response, "h3.occurrence__title > a")


def day(offset: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=offset)


def test_it_lists_upcoming_occurrences_grouped_by_day(client, actor):
    EventFactory(actor=actor, title="Jobmesse", start_date=day(2))
    EventFactory(
        actor=actor,
        title="Elternabend",
        start_date=day(1),
        start_time=datetime.time(9),
        end_time=datetime.time(10),
    )
    EventFactory(actor=actor, title="Vorbei", start_date=day(-3))

    response = client.get("/events/")

    assert titles(response) == ["Elternabend", "Jobmesse"]
    page = response.content.decode()
    assert page.index(f'id="day-{day(1):%Y-%m-%d}"') < page.index(f'id="day-{day(2):%Y-%m-%d}"')


def test_it_marks_cancelled_events_and_dates_until_they_are_past(client, actor):
    EventFactory(actor=actor, title="Sommerfest", start_date=day(4), status=EventStatus.CANCELLED)
    weekly = EventFactory(
        actor=actor,
        title="Sprachcafé",
        start_date=day(1),
        frequency=Frequency.WEEKLY,
        repeat_count=3,
    )
    EventExceptionFactory(event=weekly, original_date=day(8), kind=ExceptionKind.CANCELLED)

    page = client.get("/events/").content.decode()

    assert page.count("occurrence--cancelled") == 2
    assert titles(client.get("/events/")).count("Sprachcafé") == 3


def test_it_shows_a_week_with_no_js_paging(client, actor):
    EventFactory(actor=actor, title="Nikolausfeier", start_date=datetime.date(2026, 12, 6))
    EventFactory(actor=actor, title="Nächste Woche", start_date=datetime.date(2026, 12, 8))

    response = client.get("/events/", {"view": "week", "week": "2026-W49"})

    assert titles(response) == ["Nikolausfeier"]
    page = response.content.decode()
    assert 'href="?view=week&amp;week=2026-W48"' in page
    assert 'href="?view=week&amp;week=2026-W50"' in page
    assert page.count('class="events__day"') == 7


def test_it_shows_a_month_as_a_grid(client, actor):
    EventFactory(actor=actor, title="Weihnachtsmarkt", start_date=datetime.date(2026, 12, 12))

    response = client.get("/events/", {"view": "month", "month": "2026-12"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Weihnachtsmarkt" in page and '<table class="month">' in page
    assert (
        'href="?view=month&amp;month=2026-11"' in page
        and 'href="?view=month&amp;month=2027-01"' in page
    )
    assert page.count('<td class="month__day') == 35


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"view": "month", "month": "2026-13"}, "month"),
        ({"view": "week", "week": "2026-W60"}, "week"),
        ({"view": "jahr"}, "view"),
        ({"topic": "gibt-es-nicht"}, "topic"),
    ],
)
def test_it_explains_bad_parameters(client, db, params, field):
    response = client.get("/events/", params)

    assert response.status_code == 400
    assert f"<li>{field}:" in response.content.decode()


def test_it_filters_by_terms_place_and_actor(client, terms, actor, other_actor):
    EventFactory(
        actor=actor,
        title="Alpha",
        start_date=day(1),
        topics=[terms.topic_a],
        languages=[terms.language_a],
        municipality=terms.place_a,
        target_groups=[terms.group_a],
    )
    EventFactory(
        actor=other_actor,
        title="Beta",
        start_date=day(2),
        topics=[terms.topic_b],
        languages=[terms.language_b],
        municipality=terms.place_b,
    )

    assert titles(client.get("/events/", {"topic": terms.topic_a.slug})) == ["Alpha"]
    assert titles(client.get("/events/", {"language": "qab"})) == ["Beta"]
    assert titles(client.get("/events/", {"municipality": terms.place_b.slug})) == ["Beta"]
    assert titles(client.get("/events/", {"target_group": terms.group_a.slug})) == ["Alpha"]
    assert titles(client.get("/events/", {"actor": other_actor.slug})) == ["Beta"]


def test_it_finds_events_by_words(client, actor):
    EventFactory(actor=actor, title="Informationsabend Aufenthaltsrecht", start_date=day(1))
    EventFactory(actor=actor, title="Sprachcafé", start_date=day(2))

    assert titles(client.get("/events/", {"q": "aufenthalt"})) == [
        "Informationsabend Aufenthaltsrecht"
    ]


def test_it_shows_an_event_with_dates_map_link_calendar_and_json_ld(client, actor):
    location = actor.locations.get()
    event = EventFactory(
        actor=actor,
        title="Sprachcafé",
        start_date=day(1),
        frequency=Frequency.WEEKLY,
        repeat_count=4,
        location_kind=LocationKind.ACTOR_LOCATION,
        location=location,
    )

    page = client.get(event.get_absolute_url()).content.decode()

    assert page.count('<li class="occurrence') == 4
    assert location.osm_url.replace("&", "&amp;") in page
    assert f'href="/events/{event.slug}/event.ics"' in page
    (data,) = jsonld(page)
    assert data["@type"] == "Event" and data["name"] == "Sprachcafé"
    assert data["location"]["address"]["streetAddress"] == location.street
    assert datetime.datetime.fromisoformat(data["startDate"]).date() == day(1)


def test_it_describes_an_online_event_as_virtual(client, actor):
    event = EventFactory(
        actor=actor,
        location_kind=LocationKind.ONLINE,
        online_url="https://meet.example/raum",
        municipality=None,
    )

    page = client.get(event.get_absolute_url()).content.decode()

    (data,) = jsonld(page)
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example/raum"}
    assert "openstreetmap" not in page


def test_it_shows_upcoming_events_on_the_home_page_and_the_actor_profile(client, actor):
    LocationFactory(actor=actor)
    EventFactory(actor=actor, title="Jobmesse in Zeitz", start_date=day(5))

    home = client.get("/").content.decode()
    profile = client.get(actor.get_absolute_url()).content.decode()

    assert "Jobmesse in Zeitz" in home
    assert "Jobmesse in Zeitz" in profile
    assert f"/directory/{actor.slug}/events.ics" in profile


def test_it_offers_the_organisers_of_live_events_in_the_actor_filter(client, actor):
    EventFactory(actor=actor, title="Jobmesse", start_date=day(2))
    quiet = ActorFactory(name="Ohne Termine e.V.")
    html = client.get("/events/").content.decode()
    assert f'value="{actor.slug}"' in html
    assert f'value="{quiet.slug}"' not in html
    chosen = client.get("/events/", {"actor": quiet.slug})
    assert chosen.status_code == 200
    assert f'value="{quiet.slug}" selected' in chosen.content.decode()
