"""The calendar in Debian's chromium: a member proposes a weekly event, staff approve it, and a
visitor finds it in the week view and takes it into their calendar.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import icalendar
import pytest
from django.utils import timezone

from events.models import Event, Frequency
from network.models import Membership, Municipality
from tests.events.factories import EventFactory
from tests.factories import (
    ActorFactory,
    AgencyUnitFactory,
    LocationFactory,
    MembershipFactory,
    UserFactory,
)

try:
    from playwright.sync_api import expect
except ImportError:  # then the browser fixture skips, or fails when REQUIRE_BROWSER=1
    expect = None

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]

PASSWORD = "demo1234!"  # the factories' password


def field(label: str) -> re.Pattern:
    """A field by its whole label, with or without Django's label suffix."""
    return re.compile(rf"^{label}:?$")


def sign_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Benutzername oder E-Mail-Adresse").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1, name="Mein Bereich")).to_be_visible()


def sign_out(page) -> None:
    """From the public layout's menu or the staff workspace's header, whichever the page has."""
    page.get_by_role("banner").get_by_role("button", name="Abmelden").click()


def test_it_takes_a_weekly_event_from_a_member_through_review_into_a_visitors_calendar(
    site_db, live_server, page, tmp_path: Path
):
    actor = ActorFactory(name="Sprachcafé Zeitz", slug="sprachcafe-zeitz")
    LocationFactory(
        actor=actor,
        name="Begegnungsstätte",
        street="Altmarkt 3",
        municipality=Municipality.objects.get(slug="zeitz"),
    )
    MembershipFactory(actor=actor, role=Membership.Role.EDITOR, user=UserFactory(username="emil"))
    staff = UserFactory(username="stefan")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(staff)
    base = live_server.url
    first = timezone.localdate() + datetime.timedelta(days=7)

    # The editor proposes a weekly language café.
    sign_in(page, base, "emil")
    page.goto(f"{base}/my/actors/{actor.slug}/events/new/")
    page.get_by_label(field("Titel")).fill("Sprachcafé am Abend")
    page.get_by_label("Beschreibung").fill("Deutsch üben bei Tee.")
    page.get_by_label(field("Datum")).fill(first.isoformat())
    page.get_by_label(field("Beginn")).fill("18:00")
    page.get_by_label(field("Ende")).fill("20:00")
    page.get_by_label("jede Woche").check()
    page.get_by_label(field("Anzahl der Termine")).fill("10")
    page.get_by_label(field("Standort")).select_option(label="Begegnungsstätte")
    page.get_by_role("button", name="Zur Prüfung einreichen").click()
    expect(page.get_by_text(re.compile("Die Migrationsagentur prüft die Angaben"))).to_be_visible()
    expect(page.get_by_role("cell", name="wartet auf Prüfung")).to_be_visible()
    event = Event.objects.get(actor=actor)
    assert not event.live
    sign_out(page)

    # Staff approve it in the review they know from profiles.
    sign_in(page, base, "stefan")
    page.goto(f"{base}/my/review/")
    page.get_by_role("link", name="Sprachcafé am Abend").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Änderung an Sprachcafé am Abend prüfen"
    )
    page.get_by_role("button", name="Freigeben und veröffentlichen").click()
    expect(page).to_have_url(f"{base}/my/review/")
    sign_out(page)

    # A visitor pages to next week and finds it.
    page.goto(f"{base}/events/")
    page.get_by_role("navigation", name="Ansicht").get_by_role("link", name="Woche").click()
    page.get_by_role("link", name="nächste Woche").click()
    day = page.locator(f"#day-{first:%Y-%m-%d}").locator("xpath=..")
    expect(day.get_by_role("link", name="Sprachcafé am Abend")).to_be_visible()
    day.get_by_role("link", name="Sprachcafé am Abend").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sprachcafé am Abend")

    # ... and takes it into their calendar.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="In meinen Kalender eintragen (.ics)").click()
    target = tmp_path / "event.ics"
    download_info.value.save_as(target)
    (vevent,) = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Sprachcafé am Abend"
    assert vevent["RRULE"]["FREQ"] == ["WEEKLY"] and vevent["RRULE"]["COUNT"] == [10]
    assert vevent["DTSTART"].dt.hour == 18
    assert str(vevent["UID"]) == event.uid


def test_it_shows_the_calendar_on_a_phone_without_overflow(site_db, live_server, phone_page):
    # Weekly since last week: a date in this week and month, and one still to come.
    EventFactory(
        actor=ActorFactory(name="Elterncafé"),
        title="Elterncafé am Morgen",
        start_date=timezone.localdate() - datetime.timedelta(days=7),
        frequency=Frequency.WEEKLY,
        repeat_count=4,
    )
    for view in ("", "?view=week", "?view=month"):
        phone_page.goto(f"{live_server.url}/events/{view}")
        expect(phone_page.get_by_role("link", name="Elterncafé am Morgen").first).to_be_visible()
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, view
