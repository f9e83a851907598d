"""The demo agrees with itself (issue 20): what an actor's texts say about its days, its opening
hours and its events say too; no event takes place while its actor is closed unless it is marked
cancelled; the Leichte Sprache page, the intake zone's page and its profile give the same hours.

The demo is loaded once for the module (and rolled back); the checks read it as stored and as
served, independently of how the demo made it.
"""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from events.models import Event
from events.recurrence import occurrences
from network.models import Actor, AgencyUnit, LocationOpeningException, OpeningHours
from network.pages import AgencyUnitPage, ConsultationHours, UnitOpeningException
from tests.html import select

pytestmark = pytest.mark.django_db

WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
# "jeden Mittwoch", "mittwochs", "Dienstagabend", "Samstagsschule", "Sonntagsmesse" …
NAMED_DAY = re.compile(r"(" + "|".join(WEEKDAYS) + r")", re.IGNORECASE)
SENTENCE = re.compile(r"[^.!?;:<>]+")
# Monthly dates ("jeden ersten Sonntag im Monat") are no weekly hours: they are left out.
MONTHLY = re.compile(r"\bim Monat\b|\bmonatlich", re.IGNORECASE)
TIME = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
        yield
        transaction.set_rollback(True)


def closed_days(actor: Actor) -> list[tuple[datetime.date, datetime.date, str]]:
    """The actor's closures: its locations' closed days and, for a unit, its page's."""
    spans = list(LocationOpeningException.objects.filter(location__actor=actor, is_closed=True))
    spans += UnitOpeningException.objects.filter(
        page__unit__in=AgencyUnit.objects.filter(actor=actor), is_closed=True
    )
    return [(span.starts_on, span.ends_on or span.starts_on, span.reason) for span in spans]


def named_weekdays(text: str) -> set[int]:
    """The weekdays a text names for every week (sentences about a monthly date left out)."""
    plain = re.sub(r"<[^>]+>", ". ", text)
    days = set()
    for sentence in SENTENCE.findall(plain):
        if MONTHLY.search(sentence):
            continue
        days |= {WEEKDAYS.index(match.lower()) for match in NAMED_DAY.findall(sentence)}
    return days


def actor_texts(actor: Actor) -> list[str]:
    texts = [actor.short_description, actor.description]
    for offer in actor.offers.all():
        texts += [offer.name, offer.description, offer.eligibility, offer.how_to_access]
    return texts


def event_weekdays(actor: Actor) -> set[int]:
    since = timezone.now() - datetime.timedelta(days=1)
    return {
        occurrence.day.weekday()
        for event in Event.objects.filter(actor=actor)
        for occurrence in occurrences(event, since, since + datetime.timedelta(days=120))
        if not occurrence.is_cancelled and not occurrence.is_moved
    }


def test_it_holds_no_event_on_a_day_its_actor_is_closed_unless_cancelled(demo):
    events = list(Event.objects.select_related("actor"))
    since = timezone.now() - datetime.timedelta(days=1)
    cancelled_for_closure = 0
    clashes = []

    for event in events:
        closures = closed_days(event.actor)
        for occurrence in occurrences(event, since, since + datetime.timedelta(days=400)):
            closure = next((c for c in closures if c[0] <= occurrence.day <= c[1]), None)
            if closure is None:
                continue
            if occurrence.is_cancelled:
                cancelled_for_closure += 1
            else:
                clashes.append(f"{event.title} on {occurrence.day} ({event.actor.name}: {closure})")

    assert len(events) >= 30
    assert clashes == []
    assert cancelled_for_closure >= 1  # the closures do meet events, and cancel them


def test_it_has_the_sprachcafe_meet_on_the_wednesday_its_texts_name(demo):
    cafe = Actor.objects.get(slug="sprachcafe-weissenfels")
    hours = list(OpeningHours.objects.filter(location__actor=cafe))
    event = Event.objects.get(actor=cafe, title__startswith="Sprachcafé")
    since = timezone.now() - datetime.timedelta(days=1)
    dates = occurrences(event, since, since + datetime.timedelta(days=200))
    holidays = [c for c in closed_days(cafe) if c[2] == "Betriebsferien"]

    assert named_weekdays(" ".join(actor_texts(cafe))) == {2}
    assert [(slot.weekday, slot.opens, slot.closes) for slot in hours] == [
        (2, datetime.time(16), datetime.time(18))
    ]
    assert (event.start_time, event.end_time) == (datetime.time(16), datetime.time(18))
    assert {o.day.weekday() for o in dates if not o.is_moved} == {2}
    assert holidays
    first, last, _reason = holidays[0]
    in_holidays = [o for o in dates if first <= o.day <= last]
    assert in_holidays and all(o.is_cancelled for o in in_holidays)
    assert {o.note for o in in_holidays} == {"Betriebsferien"}


def test_it_names_only_weekdays_its_hours_or_events_keep(demo):
    checked, disagreeing = 0, []

    for actor in Actor.objects.published().prefetch_related("offers"):
        named = set().union(*(named_weekdays(text) for text in actor_texts(actor)))
        if not named:
            continue
        checked += 1
        kept = set(
            OpeningHours.objects.filter(location__actor=actor).values_list("weekday", flat=True)
        )
        kept |= event_weekdays(actor)
        if named - kept:
            disagreeing.append(f"{actor.name}: names {sorted(named)}, keeps {sorted(kept)}")

    assert checked >= 12  # the curated actors that name days, and generated ones
    assert disagreeing == []


def easy_read_slots(page: str) -> list[tuple[int, str, str]]:
    """The Leichte Sprache page's list of hours as (weekday, opens, closes)."""
    slots = []
    for item in select(page, "li"):
        text = item.get_text()
        day = NAMED_DAY.match(text)
        if day is None:
            continue
        times = TIME.findall(text)
        opens, closes = (f"{hours}:{minutes or '00'}" for hours, minutes in times[:2])
        slots.append((WEEKDAYS.index(day.group(1).lower()), opens, closes))
    return slots


def clock(value: datetime.time) -> str:
    return f"{value.hour}:{value.minute:02d}"


def test_it_gives_the_intake_zones_hours_alike_on_every_page(client, demo):
    unit = AgencyUnit.objects.get(is_intake=True)
    page = AgencyUnitPage.objects.live().get(unit=unit, locale__language_code="de")
    on_page = [
        (slot.weekday, clock(slot.opens), clock(slot.closes))
        for slot in ConsultationHours.objects.filter(page=page).order_by("weekday", "opens")
    ]
    on_profile = sorted(
        (slot.weekday, clock(slot.opens), clock(slot.closes))
        for slot in OpeningHours.objects.filter(location__actor=unit.actor)
    )

    easy_read = client.get("/leichte-sprache/")

    assert easy_read.status_code == 200
    assert easy_read_slots(easy_read.content.decode()) == on_page
    assert on_profile == sorted(on_page)  # both in the order of their text
    assert len(on_page) >= 5


def test_it_gives_each_unit_the_same_hours_on_its_page_and_its_profile(demo):
    units = AgencyUnit.objects.exclude(actor=None)
    compared = 0

    for unit in units:
        page = unit.live_page()
        if page is None:
            continue
        compared += 1
        assert sorted(
            (slot.weekday, slot.opens, slot.closes, slot.by_appointment)
            for slot in page.consultation_hours.all()
        ) == sorted(
            (slot.weekday, slot.opens, slot.closes, slot.by_appointment)
            for slot in OpeningHours.objects.filter(location__actor=unit.actor)
        ), unit.slug

    assert compared >= 5


@pytest.mark.parametrize("language", ["en", "ar", "uk", "ru", "fa", "tr"])
def test_it_gives_the_same_times_on_the_leichte_sprache_page_in_every_language(
    client, demo, language
):
    german = select(client.get("/leichte-sprache/").content.decode(), "main ul")[0]
    response = client.get(f"/{language}/leichte-sprache/")
    translated = select(response.content.decode(), "main ul")[0]

    assert response.status_code == 200
    assert [TIME.findall(item.get_text()) for item in translated.find_all("li")] == [
        TIME.findall(item.get_text()) for item in german.find_all("li")
    ]
