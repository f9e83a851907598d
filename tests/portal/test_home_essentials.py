"""The home page serves the person first: the wayfinder as the first action, the search box, the
agency's address, today's consultation hours and whether it is open now (the intake zone's
hours), the crisis notice when a crisis is on; every footer gives contact and hours. The home
page comes from the page cache and still never shows a stale "open now" or "today"."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from crisis.models import Situation
from crisis.services import activate_situation
from demo.crisis import SLUG, load_demo
from network.models import AgencyUnit
from portal.models import SiteSettings
from tests.factories import ActorFactory, LocationFactory, OpeningHoursFactory, UserFactory
from tests.html import one, select, text_of
from tests.network.agency import unit_page

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = dt.date(2026, 3, 23)  # the test week: walk-in Mon/Tue/Thu 8-12, Tue 13-17:30 booked
WEDNESDAY = MONDAY + dt.timedelta(days=2)
THURSDAY = MONDAY + dt.timedelta(days=3)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def intake(db) -> AgencyUnit:
    unit = AgencyUnit.objects.get(is_intake=True)
    unit_page(
        unit,
        title="Eingangszone",
        exceptions=[{"starts_on": THURSDAY, "reason": "Betriebsversammlung"}],
    )
    return unit


def agency_box(response):
    assert response.status_code == 200
    return one(response, ".home-agency")


def test_it_leads_with_the_wayfinder_before_the_search(client, intake):
    response = client.get("/")
    hero = one(response, ".hero")
    first_action = hero.select_one("a[href], form")

    assert first_action.name == "a"
    assert first_action["href"] == "/wayfinder/"
    assert first_action.get_text(strip=True) == "Ich brauche Hilfe"
    assert hero.select_one("form[role=search]")["action"] == "/directory/"


def test_it_shows_the_address_and_the_state_now(client, intake):
    with time_machine.travel(at(MONDAY, 10), tick=False):
        box = agency_box(client.get("/"))

    assert "Promenade 31, 06667 Weißenfels" in words(box.select_one("address").get_text())
    assert words(box.select_one(".opening-state__text").get_text()) == (
        "Jetzt geöffnet, ohne Termin, bis 12:00"
    )
    assert [words(item.get_text()) for item in box.select(".home-agency__today li")] == [
        "08:00–12:00 ohne Termin"
    ]
    assert box.select_one("a[href^='mailto:']").get_text() == "eingangszone@mia-blk.example"


def test_it_shows_todays_hours_with_and_without_appointment(client, intake):
    with time_machine.travel(at(MONDAY + dt.timedelta(days=1), 12, 30), tick=False):
        box = agency_box(client.get("/"))

    assert [words(item.get_text()) for item in box.select(".home-agency__today li")] == [
        "08:00–12:00 ohne Termin",
        "13:00–17:30 mit Termin",
    ]
    # Thursday is closed: the next consultation without appointment is on Friday.
    assert "Nächste offene Sprechstunde: Freitag, 8:00" in words(
        box.select_one(".opening-state__text").get_text()
    )


def test_it_says_when_the_agency_is_closed_today(client, intake):
    with time_machine.travel(at(WEDNESDAY, 10), tick=False):
        wednesday = agency_box(client.get("/"))
    with time_machine.travel(at(THURSDAY, 10), tick=False):
        thursday = agency_box(client.get("/"))

    assert "Heute keine Sprechzeiten." in words(wednesday.get_text())
    assert "Nächste offene Sprechstunde: Freitag, 8:00" in words(wednesday.get_text())
    assert "Heute geschlossen: Betriebsversammlung." in words(thursday.get_text())


def test_it_falls_back_to_the_intake_zones_profile_without_a_unit_page(client, db):
    actor = ActorFactory(name="Migrationsagentur – Eingangszone", phone="03443 030-10")
    location = LocationFactory(actor=actor, street="Promenade 31", postcode="06667")
    OpeningHoursFactory(location=location, weekday=0, opens=dt.time(8), closes=dt.time(12))
    AgencyUnit.objects.filter(is_intake=True).update(actor=actor)

    with time_machine.travel(at(MONDAY, 9), tick=False):
        box = agency_box(client.get("/"))

    assert "Promenade 31, 06667" in words(box.select_one("address").get_text())
    assert box.select_one("a[href^='tel:']")["href"] == "tel:03443030-10"
    assert "Jetzt geöffnet, ohne Termin, bis 12:00" in words(box.get_text())


def test_it_shows_the_crisis_notice_when_one_is_active(client, intake, db):
    load_demo()
    situation = Situation.objects.get(slug=SLUG)
    assert not select(client.get("/"), ".crisis-banner")
    staff = UserFactory(username="krisenstab", is_superuser=True)
    activate_situation(situation=situation, acting_user=staff)

    assert situation.banner_text in text_of(client.get("/"), ".crisis-banner")


def test_every_footer_gives_contact_and_the_week(client, intake):
    for path in ("/", "/directory/", "/events/"):
        footer = one(client.get(path), "footer.site-footer")
        text = words(footer.get_text(" "))

        assert "Promenade 31, 06667 Weißenfels" in text, path
        assert footer.select_one("a[href^='mailto:']").get_text() == (
            "eingangszone@mia-blk.example"
        )
        days = [words(day.get_text()) for day in footer.select(".footer-hours dt")]
        assert days == ["Montag", "Dienstag", "Donnerstag", "Freitag"], path
        assert "13:00–17:30 (mit Termin)" in text


def test_the_footer_prefers_the_site_settings_contact(client, intake):
    found = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    found.address = "Markt 1, 06667 Weißenfels"
    found.phone = "03443 111"
    found.save()

    footer = one(client.get("/"), "footer.site-footer")

    assert "Markt 1, 06667 Weißenfels" in words(footer.get_text(" "))
    assert footer.select_one("a[href^='tel:']")["href"] == "tel:03443111"


def test_the_home_page_in_arabic_names_todays_hours_in_arabic(client, intake):
    with time_machine.travel(at(MONDAY, 10), tick=False):
        response = client.get("/ar/")
    box = agency_box(response)

    assert one(response, ".home-help a")["href"] == "/ar/wayfinder/"
    assert "ohne Termin" not in box.get_text()
    assert "Jetzt geöffnet" not in box.get_text()


def get(client, path: str):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_the_cached_home_page_ends_when_the_consultation_does(client, intake, settings):
    settings.PAGE_CACHE = True
    with time_machine.travel(at(MONDAY, 11, 59), tick=False) as clock:
        get(client, "/")
        cached, queries = get(client, "/")
        assert queries == 0
        assert "Jetzt geöffnet, ohne Termin, bis 12:00" in words(cached)
        clock.shift(dt.timedelta(seconds=59))
        assert get(client, "/")[1] == 0
        clock.shift(dt.timedelta(seconds=2))

        after, queries = get(client, "/")

    assert queries > 0
    assert "Jetzt geöffnet" not in words(after)
    assert "Nächste offene Sprechstunde: morgen, 8:00" in words(after)


def test_the_cached_home_page_ends_at_midnight_when_today_changes(client, intake, settings):
    settings.PAGE_CACHE = True
    with time_machine.travel(at(WEDNESDAY, 23, 58), tick=False) as clock:
        get(client, "/")
        assert get(client, "/")[1] == 0
        clock.shift(dt.timedelta(minutes=3))

        after, queries = get(client, "/")

    assert queries > 0
    assert "Heute geschlossen: Betriebsversammlung." in words(after)
