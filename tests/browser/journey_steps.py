"""The steps of the public journey directory → filter → profile → referral form → confirmation,
driven by structure (field names, links' addresses) so that they read the same in every
language."""

from __future__ import annotations

import re

from tests.browser.public_site import PROFILE_NAME, PublicSite

REFERENCE = re.compile(r"^MIA-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$")


def prefix(language: str) -> str:
    return "" if language == "de" else f"/{language}"


def filter_directory(page, base_url: str, language: str) -> None:
    """Open the directory and keep only the actors that teach German."""
    page.goto(f"{base_url}{prefix(language)}/directory/")
    checkbox = 'input[name="topic"][value="deutschkurs"]'
    topic = page.locator(f".filters {checkbox}")
    if not topic.is_visible():  # the filter groups start collapsed on a phone
        page.locator(".filters details", has=page.locator(checkbox)).locator("summary").click()
    topic.check()
    # the filters' own button (a sort button beside it has a name and a value of its own)
    page.locator(".filters button[type=submit]:not([name])").click()
    page.wait_for_url(re.compile(r"[?&]topic=deutschkurs"))


def open_profile(page, site: PublicSite) -> None:
    page.locator(f'main a[href$="/directory/{site.actor.slug}/"]').first.click()
    page.wait_for_url(re.compile(rf"/directory/{site.actor.slug}/$"))
    heading = page.locator("h1").inner_text().strip()
    assert heading == PROFILE_NAME, heading


def open_menu(page) -> None:
    """On a phone the menu sits behind its button (details/summary): open it when its links are
    out of sight; on a wide screen they stand in a row already."""
    if not page.locator(".main-nav a").first.is_visible():
        page.locator(".site-header .menu > summary").click()
        page.locator(".main-nav a").first.wait_for()


def open_referral_form(page) -> None:
    open_menu(page)
    page.locator('.main-nav a[href$="/referral/"]').click()
    page.locator("form.referral__form").wait_for()


def fill_referral_form(page) -> None:
    page.locator("#id_person_name").fill("Olena Bondar")
    page.locator("#id_email").fill("olena@example.org")
    page.locator('input[name="categories"]').first.check()
    page.locator("#id_description").fill("Wir suchen eine Wohnung.")
    page.locator("#id_consent").check()


def submit_referral(page) -> str:
    """Send the form; returns the reference number on the confirmation page."""
    page.locator("form.referral__form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/referral/thanks/$"))
    reference = page.locator("#reference").inner_text().strip()
    assert REFERENCE.match(reference), reference
    return reference
