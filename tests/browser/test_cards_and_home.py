"""The home page and the directory's cards in Debian's chromium, at 390x844 and 1280 wide, in
German and Arabic: "Ich brauche Hilfe" is the first action and within the first screen, the
agency's address, today's hours and its state now follow, the footer gives contact and the week;
cards show place, badges, languages, logo and next event; nothing runs wider than the screen and
axe finds nothing serious.

With UPDATE_SCREENSHOTS=1 the phone views are saved as docs/phone/home-<language>.png and
docs/phone/cards-<language>.png (256 colours, to stay small).
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings

from network.models import AgencyUnit
from tests.browser.conftest import DESKTOP, PHONE, TIMEOUT_MS
from tests.browser.test_accessibility import AXE_SCRIPT, describe, run_axe
from tests.events.factories import EventFactory
from tests.factories import (
    ActorFactory,
    LanguageFactory,
    LocationFactory,
    MunicipalityFactory,
    OpeningHoursFactory,
    TopicFactory,
)
from tests.network.agency import unit_page

try:
    from playwright.sync_api import expect
except ImportError:  # then the browser fixture skips, or fails when REQUIRE_BROWSER=1
    expect = None

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY_TEN = dt.datetime(2026, 3, 23, 10, tzinfo=BERLIN)
SIZES = {"phone": PHONE, "desktop": DESKTOP}
SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "phone"
SERIOUS = {"serious", "critical"}


def png(path: Path) -> None:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 64), (11, 90, 122)).save(path)


@pytest.fixture
def network(site_db, settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    png(settings.MEDIA_ROOT / "logos" / "sprachcafe.png")
    unit_page(AgencyUnit.objects.get(is_intake=True), title="Eingangszone")
    place = MunicipalityFactory(slug="weissenfels", name="Weißenfels")
    german = LanguageFactory(code="de", name="Deutsch", native_name="Deutsch")
    arabic = LanguageFactory(code="ar", name="Arabisch", native_name="العربية", is_rtl=True)
    topic = TopicFactory(slug="sprache", name="Sprache")
    cafe = ActorFactory(
        name="Sprachcafé Weißenfels",
        slug="sprachcafe-weissenfels",
        short_description="Deutsch sprechen üben bei Kaffee und Kuchen.",
        topics=[topic],
        languages=[german, arabic],
        logo="logos/sprachcafe.png",
    )
    location = LocationFactory(actor=cafe, municipality=place, town="Leißling")
    OpeningHoursFactory(location=location, weekday=0, opens=dt.time(9), closes=dt.time(12))
    EventFactory(
        actor=cafe,
        title="Sprachcafé am Abend",
        start_date=dt.date(2026, 3, 24),
        start_time=dt.time(17),
        end_time=dt.time(19),
        municipality=place,
    )
    office = ActorFactory(
        name="AWO Migrationsberatung",
        slug="awo-migrationsberatung",
        short_description="Beratung zu Aufenthalt, Arbeit und Wohnen.",
        topics=[topic],
        languages=[german],
    )
    LocationFactory(actor=office, municipality=place)


@pytest.fixture(params=list(SIZES))
def size(request) -> str:
    return request.param


@pytest.fixture
def tab(browser, size) -> Iterator[object]:
    # axe is injected as an inline script, which the pages' CSP rightly refuses.
    context = browser.new_context(locale="de-DE", bypass_csp=True, **SIZES[size])
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def prefix(language: str) -> str:
    return "" if language == settings.LANGUAGE_CODE else f"/{language}"


def save(page, name: str) -> None:
    if os.environ.get("UPDATE_SCREENSHOTS") != "1":
        return
    from PIL import Image

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    image = Image.open(io.BytesIO(page.screenshot(full_page=True, animations="disabled")))
    image.convert("RGB").quantize(colors=256).save(SCREENSHOTS / f"{name}.png", optimize=True)


def assert_fits(page) -> None:
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def assert_axe_clean(page) -> None:
    if not AXE_SCRIPT.is_file():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `npm ci` (make test does)")
    violations = [
        violation
        for violation in run_axe(page, AXE_SCRIPT.read_text())
        if violation["impact"] in SERIOUS
    ]
    assert not violations, describe(violations)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_home_page_leads_with_help_and_the_agency_today(
    network, live_server, tab, size, language
):
    with time_machine.travel(MONDAY_TEN, tick=True):
        tab.goto(live_server.url + prefix(language) + "/")
        help_link = tab.locator(".home-help a")
        expect(help_link).to_be_visible()
        expect(help_link).to_have_attribute("href", f"{prefix(language)}/wayfinder/")
        box = help_link.bounding_box()
        # The first action stands within the first screen and before the search box.
        assert box["y"] + box["height"] <= tab.viewport_size["height"]
        assert box["y"] < tab.locator(".hero form[role=search]").bounding_box()["y"]

        agency = tab.locator(".home-agency")
        expect(agency.locator("address")).to_contain_text("Promenade 31, 06667 Weißenfels")
        expect(agency.locator(".opening-state")).to_have_class(
            "opening-state opening-state--walk-in"
        )
        expect(agency.locator(".home-agency__today li")).to_have_count(1)
        footer = tab.locator("footer.site-footer")
        expect(footer.locator(".footer-hours dt")).to_have_count(4)
        expect(footer.locator("a[href^='mailto:']")).to_have_text("eingangszone@mia-blk.example")
        expect(tab.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
        if language == "de":
            expect(help_link).to_have_text("Ich brauche Hilfe")
            expect(agency.locator(".opening-state__text")).to_have_text(
                "Jetzt geöffnet, ohne Termin, bis 12:00"
            )
        else:
            expect(help_link).to_have_text("أحتاج إلى مساعدة")
        assert_fits(tab)
        if size == "phone":
            save(tab, f"home-{language}")
        assert_axe_clean(tab)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_cards_answer_at_a_glance(network, live_server, tab, size, language):
    with time_machine.travel(MONDAY_TEN, tick=True):
        tab.goto(live_server.url + prefix(language) + "/directory/?sort=name")
        cards = tab.locator("li.actor-card")
        expect(cards).to_have_count(2)
        # Case-insensitive, in the visitor's alphabet: "AWO" after "Afghan…" would hold too.
        expect(cards.locator("h3")).to_have_text(
            ["AWO Migrationsberatung", "Sprachcafé Weißenfels"]
        )
        cafe = cards.nth(1)
        # The part of town stays German, the municipality reads as the visitor's language has it.
        municipality = "Weißenfels" if language == "de" else "فايسنفلس"
        place = cafe.locator(".actor-card__place")
        expect(place).to_have_text(f"Leißling ({municipality})")
        if language == "ar":
            expect(place.locator("[lang='de']")).to_have_text("Leißling")
        expect(cafe.locator(".badge")).to_have_count(2)
        expect(cafe.locator(".langs .tag")).to_have_count(2)
        logo = cafe.locator("img.actor-card__logo")
        expect(logo).to_have_attribute("loading", "lazy")
        logo.scroll_into_view_if_needed()
        expect(logo).to_have_js_property("complete", True)
        assert logo.evaluate("image => image.naturalWidth") == 64
        box = logo.bounding_box()
        assert box["width"] <= 60 and box["height"] <= 60
        expect(cafe.locator(".actor-card__event a")).to_have_text("Sprachcafé am Abend")
        expect(cards.nth(0).locator(".badge")).to_have_count(0)
        # The topic filter stands open, the language filter is closed.
        expect(tab.locator("details.facet:has(input[name=topic])")).to_have_attribute("open", "")
        expect(tab.locator("details.facet:has(input[name=language])")).not_to_have_attribute(
            "open", ""
        )
        assert_fits(tab)
        if size == "phone":
            cafe.scroll_into_view_if_needed()
            save(tab, f"cards-{language}")
        assert_axe_clean(tab)
