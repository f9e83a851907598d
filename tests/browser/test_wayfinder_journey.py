"""A person on a phone, in Ukrainian, finds the way and lands on the filled referral form.

Driven by the answers' values and the pages' structure rather than wording, so the journey does
not depend on the state of the Ukrainian catalogue.
"""

from __future__ import annotations

import re

import pytest

from network.models import Municipality, Topic
from tests.factories import ActorFactory, LocationFactory

try:
    from playwright.sync_api import expect
except ImportError:  # then the browser fixture skips, or fails when REQUIRE_BROWSER=1
    expect = None

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]


def choose(page, name: str, value: str) -> None:
    page.locator(f'label:has(input[name="{name}"][value="{value}"])').tap()
    expect(page.locator(f'input[name="{name}"][value="{value}"]')).to_be_checked()


def next_question(page) -> None:
    page.locator("button.wayfinder__next").tap()


def test_it_leads_a_ukrainian_phone_user_to_the_filled_referral_form(
    live_server, phone_page, site_db
):
    page = phone_page
    page.goto(live_server.url + "/uk/wayfinder/")
    expect(page.locator("html")).to_have_attribute("lang", "uk")

    choose(page, "concern", "aufenthalt")
    next_question(page)
    choose(page, "for_whom", "selbst")
    next_question(page)
    expect(page.locator('input[name="language"][value="uk"]')).to_be_checked()

    page.locator(".wayfinder__back a").tap()
    expect(page.locator('input[name="for_whom"][value="selbst"]')).to_be_checked()
    next_question(page)
    next_question(page)  # Ukrainian stays chosen
    choose(page, "contact", "nein")
    next_question(page)
    page.locator("button.wayfinder__skip").tap()  # where they live is theirs to keep

    expect(page.locator(".wayfinder__unit-name")).to_contain_text("Ausländerbehörde")
    box = page.locator(".wayfinder__go").bounding_box()
    assert box["height"] >= 44
    page.locator(".wayfinder__go").tap()

    expect(page).to_have_url(re.compile(r"/uk/referral/\?category=aufenthalt&language=uk"))
    expect(page.locator('input[name="categories"][value="aufenthalt"]')).to_be_checked()
    expect(page.locator('select[name="language"]')).to_have_value("uk")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def located(name: str, slug: str, **fields) -> None:
    """An actor on housing with a place at the centre of a municipality."""
    municipality = Municipality.objects.get(slug=slug)
    actor = ActorFactory(name=name, topics=[Topic.objects.get(slug="wohnen")], **fields)
    LocationFactory(
        actor=actor,
        municipality=municipality,
        latitude=municipality.latitude,
        longitude=municipality.longitude,
    )


@pytest.fixture
def housing_across_the_district(site_db):
    located("Wohnhilfe Naumburg", "naumburg-saale")
    located("Wohnhilfe Zeitz", "zeitz")
    located("Wohnhilfe Weißenfels", "weissenfels")


def test_it_asks_a_phone_user_where_they_live_and_names_nearby_help_first(
    live_server, phone_page, housing_across_the_district
):
    page = phone_page
    page.goto(live_server.url + "/wayfinder/?concern=wohnen&for_whom=selbst&language=de")
    choose(page, "contact", "nein")
    next_question(page)

    place = page.locator("select[name=municipality]")
    expect(place).to_be_visible()
    expect(page.locator("button.wayfinder__skip")).to_be_visible()
    place.select_option("zeitz")
    next_question(page)

    actors = page.locator(".wayfinder__actor-list > li")
    expect(actors.first).to_contain_text("Wohnhilfe Zeitz")
    expect(actors.first.locator(".wayfinder__distance")).to_contain_text("km")
    expect(page.locator(".wayfinder__concern")).to_contain_text("Zeitz")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.locator(".wayfinder__back a").tap()
    expect(page.locator("select[name=municipality]")).to_have_value("zeitz")


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_it_sorts_the_directory_by_distance_from_a_chosen_municipality(
    live_server, request, housing_across_the_district, viewport
):
    page = request.getfixturevalue("phone_page" if viewport == "phone" else "page")
    page.goto(live_server.url + "/directory/")
    expect(page.locator(".actor-list > li").first).to_contain_text("Wohnhilfe Naumburg")

    page.locator("select#id_near").select_option("zeitz")
    page.locator("button.near__sort").click()

    expect(page).to_have_url(re.compile(r"near=zeitz"))
    cards = page.locator(".actor-list > li")
    expect(cards.first).to_contain_text("Wohnhilfe Zeitz")
    expect(cards.nth(1)).to_contain_text("Wohnhilfe Weißenfels")
    expect(page.locator("select#id_sort")).to_have_value("distance")
    expect(page.locator("select#id_near")).to_have_value("zeitz")
    expect(page.locator("button[data-near-locate]")).to_be_visible()  # the script offers it
