"""The directory's cards answer at a glance: where, open now, without appointment, which
languages, the logo and the next event; the topic filter stands open, the language filter is
closed and lists languages by the names the visitor reads; names sort case-insensitively."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test.utils import override_settings
from django.utils import translation

from directory.cards import cards_for
from directory.distance import Origin
from events.models import ExceptionKind, Frequency
from network.models import Actor
from tests.directory.helpers import page_names
from tests.events.factories import EventExceptionFactory, EventFactory
from tests.factories import ActorFactory, LanguageFactory, LocationFactory, OpeningHoursFactory
from tests.html import one, select, texts
from tests.query_counts import grow_network, rendering_queries

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = dt.date(2026, 3, 23)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


def card_of(response, name: str):
    for card in select(response, "li.actor-card"):
        if card.select_one("h3 a").get_text(strip=True) == name:
            return card
    raise AssertionError(f"no card for {name}")


def words(tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


@pytest.fixture
def cafe(terms):
    actor = ActorFactory(
        name="Quokka-Sprachcafé",
        slug="quokka-sprachcafe",
        topics=[terms.topic_a],
        languages=[terms.language_a, terms.language_b],
        logo="logos/quokka.png",
    )
    location = LocationFactory(actor=actor, municipality=terms.place_a, town="Quokkadorf")
    OpeningHoursFactory(location=location, weekday=0, opens=dt.time(8), closes=dt.time(12))
    return actor


@pytest.fixture
def office(terms):
    actor = ActorFactory(name="Quokka-Amt", slug="quokka-amt")
    location = LocationFactory(actor=actor, municipality=terms.place_b)
    OpeningHoursFactory(
        location=location, weekday=0, opens=dt.time(9), closes=dt.time(16), by_appointment=True
    )
    return actor


def test_it_shows_the_place_town_and_municipality(client, cafe, office):
    response = client.get("/directory/")

    assert texts(card_of(response, "Quokka-Sprachcafé"), ".actor-card__place") == [
        "Quokkadorf (Testort Alpha)"
    ]
    assert texts(card_of(response, "Quokka-Amt"), ".actor-card__place") == ["Testort Beta"]


def test_it_badges_open_now_and_walk_in(client, cafe, office):
    with time_machine.travel(at(MONDAY, 10), tick=False):
        response = client.get("/directory/")
    assert texts(card_of(response, "Quokka-Sprachcafé"), ".badge") == [
        "jetzt geöffnet",
        "ohne Termin",
    ]
    assert texts(card_of(response, "Quokka-Amt"), ".badge") == ["jetzt geöffnet"]

    with time_machine.travel(at(MONDAY, 17), tick=False):
        response = client.get("/directory/")
    assert texts(card_of(response, "Quokka-Sprachcafé"), ".badge") == ["ohne Termin"]
    assert card_of(response, "Quokka-Amt").select(".badge") == []


def test_it_shows_the_languages_and_a_small_lazy_logo_with_alt_text(client, cafe, office):
    response = client.get("/directory/")
    card = card_of(response, "Quokka-Sprachcafé")

    assert [tag.get_text(strip=True) for tag in card.select(".langs .tag")] == [
        "Lingua A",
        "Lingua B",
    ]
    logo = card.select_one("img.actor-card__logo")
    assert logo["src"].endswith("logos/quokka.png")
    assert logo["alt"] == "Logo von Quokka-Sprachcafé"
    assert logo["loading"] == "lazy"
    assert (logo["width"], logo["height"]) == ("56", "56")
    assert card_of(response, "Quokka-Amt").select("img") == []


def test_it_names_the_next_event_that_takes_place(client, cafe, office):
    with time_machine.travel(at(MONDAY, 10), tick=False):
        weekly = EventFactory(
            actor=cafe,
            title="Sprachcafé am Dienstag",
            start_date=dt.date(2026, 3, 17),
            start_time=dt.time(16),
            end_time=dt.time(18),
            frequency=Frequency.WEEKLY,
        )
        # This Tuesday's date is off: the next one is a week later.
        EventExceptionFactory(
            event=weekly, original_date=dt.date(2026, 3, 24), kind=ExceptionKind.CANCELLED
        )
        EventFactory(
            actor=cafe, title="Später im Jahr", start_date=dt.date(2026, 6, 1), start_time=None
        )
        response = client.get("/directory/")

    event = one(card_of(response, "Quokka-Sprachcafé"), ".actor-card__event")
    assert "Sprachcafé am Dienstag" in words(event)
    assert event.select_one("time")["datetime"].startswith("2026-03-31T16:00")
    assert event.select_one("a")["href"] == weekly.get_absolute_url()
    assert card_of(response, "Quokka-Amt").select(".actor-card__event") == []


def test_it_opens_the_topic_filter_and_keeps_the_language_filter_closed(client, cafe):
    response = client.get("/directory/")
    facets = {
        box.select_one("input[type=checkbox]")["name"]: box.has_attr("open")
        for box in select(response, "details.facet")
        if box.select_one("input[type=checkbox]")
    }

    assert facets["topic"] is True
    assert facets["language"] is False


def test_it_opens_the_language_filter_when_a_language_is_chosen(client, cafe, terms):
    response = client.get("/directory/", {"language": terms.language_a.code})
    box = next(
        box
        for box in select(response, "details.facet")
        if box.select_one("input[name=language]") is not None
    )

    assert box.has_attr("open")


def test_it_lists_languages_by_the_names_the_visitor_reads(client, terms):
    for code, name in (("de", "Deutsch"), ("ar", "Arabisch"), ("uk", "Ukrainisch")):
        language = LanguageFactory._meta.model.objects.filter(code=code).first()
        language = language or LanguageFactory(code=code, name=name, native_name=name)
        ActorFactory(languages=[language])

    german = [
        label.split(" ")[0] for label in texts(client.get("/directory/"), "[for^=f-language-]")
    ]
    english = [
        label.split(" ")[0] for label in texts(client.get("/en/directory/"), "[for^=f-language-]")
    ]

    assert german.index("Arabisch") < german.index("Deutsch") < german.index("Ukrainisch")
    assert english.index("Arabic") < english.index("German") < english.index("Ukrainian")


def test_it_sorts_names_case_insensitively(client, db):
    for name in ("AWO Beratung", "Afghanischer Kulturverein", "awaRE Projekt", "Ärztehilfe"):
        ActorFactory(name=name)

    names = page_names(client, sort="name")

    assert names.index("Afghanischer Kulturverein") < names.index("AWO Beratung")
    assert names.index("Ärztehilfe") < names.index("awaRE Projekt") < names.index("AWO Beratung")


@override_settings(PAGE_CACHE=False)
def test_it_shows_the_cards_in_as_many_queries_for_three_times_the_network(cafe, office):
    EventFactory(actor=cafe, title="Quokka-Fest")
    grow_network(6)
    before = rendering_queries("/directory/")
    grow_network(12)

    assert rendering_queries("/directory/") == before


def test_the_cards_read_well_in_arabic(client, cafe):
    response = client.get("/ar/directory/")
    card = card_of(response, "Quokka-Sprachcafé")

    place = card.select_one(".actor-card__place [lang=de]")
    assert place is not None and place.get_text(strip=True) == "Quokkadorf (Testort Alpha)"
    assert card.select_one("img")["alt"] == "شعار Quokka-Sprachcafé"


def test_it_reads_a_page_of_cards_in_three_queries(cafe, office, django_assert_num_queries):
    grow_network(6)
    ids = list(Actor.objects.order_by("pk").values_list("pk", flat=True))
    origin = Origin(51.05, 12.14)

    # The actors, their languages, their places with both badges; by distance in the same three.
    with translation.override("de"), django_assert_num_queries(3):
        cards = cards_for(ids, dt.datetime.now(tz=BERLIN))
    with translation.override("de"), django_assert_num_queries(3):
        measured = cards_for(ids, dt.datetime.now(tz=BERLIN), distance_from=origin)
    # In another language, one more for the municipalities' names in it.
    with translation.override("uk"), django_assert_num_queries(4):
        cards_for(ids, dt.datetime.now(tz=BERLIN))

    assert [card.actor.pk for card in cards] == ids
    assert [card.languages for card in measured] == [card.languages for card in cards]
    assert any(card.km is not None for card in measured)
    assert all(card.km is None for card in cards)
