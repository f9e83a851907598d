"""A unit page in Debian's chromium says correctly whether the unit is open now, at frozen
instants across one week that includes the switch to summer time.

time-machine moves the clock of the whole process, and pytest-django's live server answers from
threads of this process, so the page is rendered at the frozen instant.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from network.models import AgencyUnit
from tests.network.agency import agency_page, unit_page

try:
    from playwright.sync_api import expect
except ImportError:  # then the browser fixture skips, or fails when REQUIRE_BROWSER=1
    expect = None

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]

BERLIN = ZoneInfo("Europe/Berlin")
UTC = dt.UTC


def berlin(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=BERLIN)


# Monday 23 to Monday 30 March 2026; summer time starts on Sunday 29 March at 2:00.
INSTANTS = [
    (berlin(23, 7, 30), "closed", "Nächste offene Sprechstunde: heute, 8:00"),
    (berlin(23, 9), "walk-in", "Jetzt geöffnet, ohne Termin, bis 12:00"),
    (
        berlin(24, 14),
        "appointment",
        "Jetzt Sprechstunde nur mit Termin, bis 17:30. "
        "Nächste offene Sprechstunde: Donnerstag, 8:00",
    ),
    (berlin(25, 10), "closed", "Nächste offene Sprechstunde: morgen, 8:00"),
    (berlin(27, 11), "walk-in", "Jetzt geöffnet, ohne Termin, bis 11:30"),
    (berlin(28, 20), "closed", "Nächste offene Sprechstunde: Montag, 8:00"),
    (berlin(29, 12), "closed", "Nächste offene Sprechstunde: morgen, 8:00"),
    # 6:30 UTC is 8:30 summer time: open. Read as winter time it would be 7:30 and closed.
    (
        dt.datetime(2026, 3, 30, 6, 30, tzinfo=UTC),
        "walk-in",
        "Jetzt geöffnet, ohne Termin, bis 12:00",
    ),
    (
        dt.datetime(2026, 3, 30, 5, 30, tzinfo=UTC),
        "closed",
        "Nächste offene Sprechstunde: heute, 8:00",
    ),
]


def test_the_unit_page_says_whether_it_is_open_across_a_dst_week(site_db, live_server, page):
    unit = AgencyUnit.objects.get(slug="auslaenderbehoerde")
    url = live_server.url + unit_page(unit, title="Ausländerbehörde").url

    for moment, status, text in INSTANTS:
        with time_machine.travel(moment, tick=True):
            page.goto(url)
            state = page.locator(".agency-unit-page__now .opening-state")
            expect(state).to_have_text(text)
            expect(state).to_have_class(f"opening-state opening-state--{status}")


def test_the_agency_page_shows_each_unit_state(site_db, live_server, page):
    for slug in ("eingangszone", "jobcenter"):
        unit_page(AgencyUnit.objects.get(slug=slug))

    with time_machine.travel(berlin(25, 10), tick=True):
        page.goto(live_server.url + agency_page().url)
        cards = page.locator(".agency-unit")
        expect(cards).to_have_count(2)
        expect(cards.locator(".opening-state__text")).to_have_text(
            ["Nächste offene Sprechstunde: morgen, 8:00"] * 2
        )
        page.get_by_role("link", name="Jobcenter").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Jobcenter")
