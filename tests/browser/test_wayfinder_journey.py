"""A person on a phone, in Ukrainian, finds the way and lands on the filled referral form.

Driven by the answers' values and the pages' structure rather than wording, so the journey does
not depend on the state of the Ukrainian catalogue.
"""

from __future__ import annotations

import re

import pytest

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

    expect(page.locator(".wayfinder__unit-name")).to_contain_text("Ausländerbehörde")
    box = page.locator(".wayfinder__go").bounding_box()
    assert box["height"] >= 44
    page.locator(".wayfinder__go").tap()

    expect(page).to_have_url(re.compile(r"/uk/referral/\?category=aufenthalt&language=uk"))
    expect(page.locator('input[name="categories"][value="aufenthalt"]')).to_be_checked()
    expect(page.locator('select[name="language"]')).to_have_value("uk")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
