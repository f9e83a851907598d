"""The directory's map and a profile's small map (issue 20), at 390 by 844 and 1280 wide, in German
and Arabic: markers for the filtered actors, a popup that opens a profile, the keyboard passing
through, and the list alone without JavaScript.

The tiles are a data: image (MAP_TILE_URL), so nothing is fetched from outside. With
UPDATE_SCREENSHOTS=1 the phone runs leave docs/phone/map-*.png.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import expect

from network.models import ActorKind, Municipality
from tests.browser.conftest import DESKTOP, PHONE, TIMEOUT_MS
from tests.browser.test_accessibility import AXE_SCRIPT, FAILING_IMPACTS, describe, run_axe
from tests.factories import (
    ActorFactory,
    LocationFactory,
    OpeningHoursFactory,
    TopicFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]

# One pale pixel, stretched over every tile.
BLANK_TILE = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN48e4jAAWJAshVieoTAAAAAElFTkSuQmCC"
)
SCREENSHOTS = Path(django_settings.BASE_DIR) / "docs" / "phone"
SIZES = {"phone": PHONE, "desktop": DESKTOP}
# Leaflet styles its panes from script (element.style), which the strict CSP allows; a violation
# would show here.
VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


@pytest.fixture(autouse=True)
def local_tiles(settings):
    settings.MAP_TILE_URL = BLANK_TILE


@pytest.fixture
def network(site_db) -> None:
    """German courses in Weißenfels (two close together), Zeitz and online; advice in Naumburg."""
    course = TopicFactory(slug="deutschkurs", name="Deutschkurs")
    advice = TopicFactory(slug="beratung", name="Beratung")
    # The district's municipalities come with the migrations.
    weissenfels = Municipality.objects.get(name="Weißenfels")
    zeitz = Municipality.objects.get(name="Zeitz")
    naumburg = Municipality.objects.get(name="Naumburg (Saale)")

    def actor(name, slug, topic, place, latitude, longitude, **extra):
        made = ActorFactory(name=name, slug=slug, topics=[topic], **extra)
        LocationFactory(
            actor=made,
            municipality=place,
            town=place.name,
            street="Markt 1",
            latitude=latitude,
            longitude=longitude,
        )
        return made

    cafe = actor(
        "Sprachcafé Weißenfels", "sprachcafe", course, weissenfels, "51.199400", "11.968100"
    )
    OpeningHoursFactory(location=cafe.locations.get(), weekday=1)
    actor(
        "Volkshochschule Weißenfels",
        "vhs-weissenfels",
        course,
        weissenfels,
        "51.201100",
        "11.972300",
    )
    actor("Volkshochschule Zeitz", "vhs-zeitz", course, zeitz, "51.047800", "12.136200")
    actor(
        "Jugendmigrationsdienst Naumburg",
        "jmd-naumburg",
        advice,
        naumburg,
        "51.152000",
        "11.809600",
        kind=ActorKind.PROJECT,
    )
    online = ActorFactory(name="Deutsch online", slug="deutsch-online", topics=[course])
    LocationFactory(actor=online, municipality=zeitz, latitude=None, longitude=None)


def new_page(browser, size: str, **options) -> Iterator[object]:
    context = browser.new_context(locale="de-DE", **SIZES[size], **options)
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


@pytest.fixture(params=list(SIZES))
def any_page(request, browser) -> Iterator[object]:
    yield from new_page(browser, request.param)


@pytest.fixture
def phone(browser) -> Iterator[object]:
    yield from new_page(browser, "phone")


def screenshot(page, name: str) -> None:
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"map-{name}.png"), animations="disabled")


def open_map(page):
    """Press the map's button and wait until its markers stand; the answer it loaded them from."""
    section = page.locator("#karte")
    expect(section).to_be_visible()
    with page.expect_response(re.compile(r"/api/v1/actors/geojson/")) as answer:
        section.get_by_role("button").click()
    expect(section).to_have_attribute("data-markers", re.compile(r"^\d+$"))
    return answer.value


def test_it_shows_the_filtered_actors_on_the_map(network, live_server, any_page):
    page = any_page
    page.add_init_script(VIOLATIONS)
    page.goto(f"{live_server.url}/directory/?topic=deutschkurs")

    answer = open_map(page)

    assert "topic=deutschkurs" in answer.url
    assert answer.headers["content-type"] == "application/geo+json"
    names = {item["properties"]["name"] for item in json.loads(answer.body())["features"]}
    assert names == {"Sprachcafé Weißenfels", "Volkshochschule Weißenfels", "Volkshochschule Zeitz"}
    section = page.locator("#karte")
    expect(section).to_have_attribute("data-markers", "3")
    expect(section.locator("[data-map-status]")).to_have_text("Orte auf der Karte: 3")
    expect(section.get_by_role("button", name="Karte ausblenden")).to_have_attribute(
        "aria-expanded", "true"
    )
    # Every marker or cluster of the three stands on the map, with the tiles' attribution.
    expect(section.locator(".leaflet-marker-icon").first).to_be_visible()
    expect(section.locator(".leaflet-control-attribution")).to_contain_text("OpenStreetMap")
    # The list stays, below the map, with the same actors.
    expect(page.locator(".actor-list > li")).to_have_count(4)
    assert page.evaluate("window.__violations") == []


def test_a_marker_popup_opens_the_profile_with_its_small_map(network, live_server, any_page):
    page = any_page
    page.goto(f"{live_server.url}/directory/?topic=beratung")
    open_map(page)

    page.locator('#karte .leaflet-marker-icon[title="Jugendmigrationsdienst Naumburg"]').click()
    popup = page.locator("#karte .leaflet-popup")
    expect(popup).to_contain_text("Naumburg (Saale)")
    popup.get_by_role("link", name="Jugendmigrationsdienst Naumburg").click()

    page.wait_for_url(re.compile(r"/directory/jmd-naumburg/$"))
    expect(page.locator("h1")).to_have_text("Jugendmigrationsdienst Naumburg")
    small_map = page.locator(".location-map")
    expect(small_map).to_be_visible()
    expect(small_map).to_have_attribute("data-markers", "1")
    expect(small_map.locator(".leaflet-marker-icon")).to_have_count(1)


def test_it_opens_a_popup_from_the_keyboard_and_lets_the_focus_leave(network, live_server, phone):
    page = phone
    page.goto(f"{live_server.url}/directory/?topic=beratung")
    open_map(page)

    marker = page.locator('#karte .leaflet-marker-icon[title="Jugendmigrationsdienst Naumburg"]')
    marker.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#karte .leaflet-popup")).to_contain_text("Jugendmigrationsdienst")

    # Tab walks through the map's parts and on out of it: no keyboard trap.
    page.locator("#karte [data-map-toggle]").focus()
    for _ in range(12):
        page.keyboard.press("Tab")
        if not page.evaluate("document.querySelector('#karte').contains(document.activeElement)"):
            break
    assert not page.evaluate("document.querySelector('#karte').contains(document.activeElement)")
    assert page.evaluate("document.activeElement !== document.body")


def test_it_keeps_the_map_open_across_filter_changes(network, live_server, phone):
    page = phone
    page.goto(f"{live_server.url}/directory/")
    open_map(page)

    page.goto(f"{live_server.url}/directory/?topic=deutschkurs")

    expect(page.locator("#karte")).to_have_attribute("data-markers", "3")
    screenshot(page, "directory")


def test_it_shows_the_map_on_a_right_to_left_page(network, live_server, phone):
    page = phone
    page.goto(f"{live_server.url}/ar/directory/?topic=deutschkurs")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")

    open_map(page)

    expect(page.locator("#karte")).to_have_attribute("data-markers", "3")
    page.locator("#karte .leaflet-marker-icon").first.wait_for()
    screenshot(page, "directory-ar")


def test_a_profile_shows_its_places_on_a_small_map(network, live_server, phone):
    page = phone
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{live_server.url}/directory/sprachcafe/")

    small_map = page.locator(".location-map")
    expect(small_map).to_have_attribute("data-markers", "1")
    small_map.scroll_into_view_if_needed()
    expect(small_map.locator(".leaflet-marker-icon")).to_be_visible()
    assert not [url for url in requests if "/api/" in url]
    screenshot(page, "profile")


@pytest.fixture
def page_without_javascript(browser) -> Iterator[object]:
    yield from new_page(browser, "phone", java_script_enabled=False)


def test_without_javascript_the_list_is_the_directory(
    network, live_server, page_without_javascript
):
    page = page_without_javascript
    page.goto(f"{live_server.url}/directory/?topic=deutschkurs")

    expect(page.locator("#karte")).to_be_hidden()
    expect(page.locator(".actor-list > li")).to_have_count(4)
    page.locator('main a[href$="/directory/sprachcafe/"]').first.click()
    page.wait_for_url(re.compile(r"/directory/sprachcafe/$"))
    expect(page.locator(".location-map")).to_be_hidden()
    expect(page.get_by_role("link", name=re.compile("Auf OpenStreetMap zeigen"))).to_be_visible()


@pytest.mark.parametrize("size", list(SIZES))
def test_the_open_map_has_no_serious_accessibility_violations(network, live_server, browser, size):
    # axe comes in as an inline script, which the CSP would refuse (test_csp.py checks the CSP).
    for page in new_page(browser, size, bypass_csp=True):
        page.goto(f"{live_server.url}/ar/directory/?topic=deutschkurs")
        open_map(page)
        page.locator("#karte .leaflet-marker-icon").first.wait_for()
        violations = [
            violation
            for violation in run_axe(page, AXE_SCRIPT.read_text())
            if violation["impact"] in FAILING_IMPACTS
        ]
        assert not violations, describe(violations)
