"""Journeys through the portal as people make them, in Debian's chromium."""

from __future__ import annotations

import re

import pytest

from tests.factories import (
    ActorFactory,
    LanguageFactory,
    LocationFactory,
    MunicipalityFactory,
    OfferFactory,
    TopicFactory,
)

try:
    from playwright.sync_api import expect
except ImportError:  # then the browser fixture skips, or fails when REQUIRE_BROWSER=1
    expect = None

# The browser first: without chromium the tests skip before the test database is built.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]


def make_network() -> None:
    """A handful of actors; only the Sprachcafé teaches German in Weißenfels."""
    deutschkurs = TopicFactory(slug="deutschkurs", name="Deutschkurs")
    beratung = TopicFactory(slug="beratung", name="Beratung")
    arbeit = TopicFactory(slug="arbeit", name="Arbeit")
    german = LanguageFactory(code="de", name="Deutsch", native_name="Deutsch")
    arabic = LanguageFactory(code="ar", name="Arabisch", native_name="العربية", is_rtl=True)
    ukrainian = LanguageFactory(code="uk", name="Ukrainisch", native_name="Українська")
    weissenfels = MunicipalityFactory(slug="weissenfels", name="Weißenfels")
    zeitz = MunicipalityFactory(slug="zeitz", name="Zeitz")
    naumburg = MunicipalityFactory(slug="naumburg-saale", name="Naumburg (Saale)")

    cafe = ActorFactory(
        name="Sprachcafé Weißenfels",
        slug="sprachcafe-weissenfels",
        short_description="Deutsch sprechen üben bei Kaffee und Kuchen.",
        topics=[deutschkurs],
        languages=[german, arabic],
    )
    OfferFactory(actor=cafe, name="Offener Deutschtreff", description="Jeden Dienstag.")
    LocationFactory(
        actor=cafe,
        municipality=weissenfels,
        street="Marienstraße 2",
        postcode="06667",
        latitude="51.199400",
        longitude="11.968100",
    )

    advice = ActorFactory(
        name="Beratungsstelle Zeitz",
        slug="beratungsstelle-zeitz",
        short_description="Beratung zu Aufenthalt, Arbeit und Wohnen.",
        topics=[beratung, arbeit],
        languages=[german, ukrainian],
    )
    OfferFactory(actor=advice, name="Sprechstunde")
    LocationFactory(actor=advice, municipality=zeitz, postcode="06712")

    course = ActorFactory(
        name="Volkshochschule Naumburg",
        slug="vhs-naumburg",
        short_description="Integrationskurse und Berufssprachkurse.",
        topics=[deutschkurs, arbeit],
        languages=[german],
    )
    OfferFactory(actor=course, name="Integrationskurs")
    LocationFactory(actor=course, municipality=naumburg, postcode="06618")

    jobs = ActorFactory(
        name="Jobpaten Burgenlandkreis",
        slug="jobpaten",
        short_description="Ehrenamtliche begleiten in Ausbildung und Arbeit.",
        topics=[arbeit],
        languages=[german, arabic],
    )
    LocationFactory(actor=jobs, municipality=zeitz, postcode="06712")


def has_no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_it_walks_from_home_to_a_profile_on_a_phone(site_db, live_server, phone_page):
    make_network()
    page = phone_page

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Verzeichnis des Netzwerks").click()
    expect(page.get_by_role("heading", level=1, name="Verzeichnis des Netzwerks")).to_be_visible()
    expect(page.get_by_role("heading", name="4 Akteure gefunden")).to_be_visible()
    assert has_no_horizontal_scroll(page)

    filters = page.get_by_role("complementary", name="Filter")
    # The topics stand open; the other groups wait behind their summaries.
    filters.get_by_role("group", name="Thema").get_by_label("Deutschkurs").check()
    filters.locator("summary", has_text="Gemeinde").click()
    filters.get_by_role("group", name="Gemeinde").get_by_label("Weißenfels").check()
    filters.get_by_role("button", name="Filter anwenden").click()

    expect(page.get_by_role("heading", name="1 Akteur gefunden")).to_be_visible()
    results = page.get_by_role("region", name="1 Akteur gefunden")
    expect(results.get_by_role("link", name="Sprachcafé Weißenfels")).to_be_visible()
    for other in ("Volkshochschule Naumburg", "Beratungsstelle Zeitz", "Jobpaten Burgenlandkreis"):
        expect(results.get_by_role("link", name=other)).to_have_count(0)
    assert has_no_horizontal_scroll(page)

    results.get_by_role("link", name="Sprachcafé Weißenfels").click()
    expect(page).to_have_url(re.compile(r"/directory/[^/]+/?$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sprachcafé Weißenfels")
    osm = page.get_by_role("link", name=re.compile("Auf OpenStreetMap zeigen"))
    expect(osm).to_have_attribute(
        "href", re.compile(r"^https://www\.openstreetmap\.org/\?mlat=51\.1994")
    )
    expect(page.get_by_text("Marienstraße 2")).to_be_visible()
    assert has_no_horizontal_scroll(page)


def test_it_searches_with_umlaut_folding_in_the_browser(site_db, live_server, page):
    make_network()

    page.goto(live_server.url + "/directory/")
    search = page.get_by_role("combobox", name="Suche nach Name, Angebot, Ort oder Sprache")
    search.press_sequentially("Weissenfels")
    search.press("Enter")

    expect(page).to_have_url(re.compile(r"[?&]q=Weissenfels"))
    expect(page.get_by_role("heading", name="1 Akteur gefunden")).to_be_visible()
    expect(page.get_by_role("link", name="Sprachcafé Weißenfels")).to_be_visible()
    expect(page.get_by_role("link", name="Beratungsstelle Zeitz")).to_have_count(0)


def test_the_first_tab_reaches_the_skip_link_which_moves_focus_to_main(site_db, live_server, page):
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    expect(page).to_have_url(re.compile(r"#main$"))
