"""The phone-first layout (issue 20, docs/layout.md) at 390x844 in German and Arabic and at
1280 wide: the header takes at most a fifth of the screen, its menu and language choice open
from buttons (also without JavaScript), a profile's contact and "open now" are in the first
screen, the chat composer stays in sight, and printing leaves the menus out."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from chat.models import Channel, ChannelMembership
from network.models import Membership
from tests.browser.conftest import DESKTOP, PHONE, TIMEOUT_MS
from tests.browser.journey_steps import open_menu
from tests.browser.public_site import make_public_site
from tests.browser.test_accessibility import AXE_SCRIPT, FAILING_IMPACTS, describe, run_axe
from tests.chat.factories import ChannelFactory, MessageFactory
from tests.factories import MembershipFactory, UserFactory

try:
    from playwright.sync_api import expect
except ImportError:  # then the browser fixture skips, or fails when REQUIRE_BROWSER=1
    expect = None

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]

PASSWORD = "demo1234!"  # the factories' password
HEADER_SHARE = 0.2
PAGES = ("home", "directory", "profile", "event", "referral")


def prefix(language: str) -> str:
    return "" if language == "de" else f"/{language}"


@pytest.fixture
def new_page(browser) -> Iterator[object]:
    contexts = []

    def make(*, javascript: bool = True, **options):
        context = browser.new_context(locale="de-DE", java_script_enabled=javascript, **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def header_share(page, viewport_height: int) -> float:
    box = page.locator("header.site-header").bounding_box()
    return box["height"] / viewport_height


@pytest.mark.parametrize("language", ["de", "ar"])
def test_it_keeps_the_header_within_a_fifth_of_the_phone_screen(
    site_db, live_server, new_page, language
):
    site = make_public_site()
    page = new_page(**PHONE)
    for name in PAGES:
        page.goto(f"{live_server.url}{prefix(language)}{site.pages[name]}")
        expect(page.locator("main")).to_be_visible()
        assert header_share(page, 844) <= HEADER_SHARE, name
        # the menu's links wait behind their button
        expect(page.locator(".main-nav a").first).to_be_hidden()
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")


def test_it_shows_the_menu_as_a_row_on_a_wide_screen(site_db, live_server, new_page):
    make_public_site()
    page = new_page(**DESKTOP)
    page.goto(live_server.url + "/")
    assert header_share(page, 900) <= HEADER_SHARE
    navigation = page.get_by_role("navigation", name="Hauptnavigation")
    expect(navigation.get_by_role("link", name="Veranstaltungen")).to_be_visible()
    expect(page.locator(".site-header .menu > summary")).to_be_hidden()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_it_opens_the_menu_on_a_phone_and_follows_a_link(
    site_db, live_server, new_page, javascript
):
    make_public_site()
    page = new_page(javascript=javascript, **PHONE)
    page.goto(live_server.url + "/")
    button = page.locator(".site-header .menu > summary")
    expect(button).to_have_text(re.compile("Menü"))
    button.click()
    navigation = page.get_by_role("navigation", name="Hauptnavigation")
    expect(navigation.get_by_role("link", name="Anmelden")).to_be_visible()
    navigation.get_by_role("link", name="Veranstaltungen").click()
    page.wait_for_url(re.compile(r"/events/$"))
    current = page.locator('.main-nav a[aria-current="page"]')
    expect(current).to_have_attribute("href", re.compile(r"/events/$"))


def test_it_closes_the_open_menu_on_escape_and_returns_the_focus(site_db, live_server, new_page):
    make_public_site()
    page = new_page(**PHONE)
    page.goto(live_server.url + "/")
    open_menu(page)
    page.locator(".main-nav a").first.focus()
    page.keyboard.press("Escape")
    expect(page.locator(".main-nav a").first).to_be_hidden()
    expect(page.locator(".site-header .menu > summary")).to_be_focused()


@pytest.mark.parametrize("language", ["de", "ar"])
def test_it_finds_no_serious_accessibility_violations_in_the_open_menus(
    site_db, live_server, new_page, language
):
    make_public_site()
    # axe is injected as an inline script, which the page's CSP refuses (test_accessibility.py)
    page = new_page(bypass_csp=True, **PHONE)
    page.goto(f"{live_server.url}{prefix(language)}/")
    for button in (".site-header .languages > summary", ".site-header .menu > summary"):
        page.locator(button).click()
        expect(page.locator(button).locator("xpath=..")).to_have_attribute("open", "")
        violations = [
            violation
            for violation in run_axe(page, AXE_SCRIPT.read_text())
            if violation["impact"] in FAILING_IMPACTS
        ]
        assert violations == [], describe(violations)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_it_switches_the_language_from_one_button(site_db, live_server, new_page, javascript):
    site = make_public_site()
    page = new_page(javascript=javascript, **PHONE)
    page.goto(live_server.url + site.pages["profile"])
    button = page.locator(".site-header .languages > summary")
    expect(button).to_contain_text("Deutsch")
    button.click()
    page.get_by_role("navigation", name="Sprache wählen").locator('a[hreflang="ar"]').click()
    page.wait_for_url(re.compile(rf"/ar{re.escape(site.pages['profile'])}$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".site-header .languages > summary")).to_contain_text("العربيّة")
    assert header_share(page, 844) <= HEADER_SHARE


@pytest.mark.parametrize("language", ["de", "ar"])
def test_it_shows_a_profiles_contact_and_state_in_the_first_screen(
    site_db, live_server, new_page, language
):
    site = make_public_site()
    page = new_page(**PHONE)
    page.goto(f"{live_server.url}{prefix(language)}{site.pages['profile']}")
    for selector in (
        '.profile__quick a[href^="tel:"]',
        '.profile__quick a[href^="mailto:"]',
        ".profile__quick .opening-state",
    ):
        expect(page.locator(selector)).to_be_in_viewport(ratio=1)


def test_it_keeps_the_chat_composer_in_sight_on_a_phone(site_db, live_server, new_page):
    user = UserFactory(username="mia", first_name="Mia", last_name="Mohn")
    MembershipFactory(user=user, role=Membership.Role.EDITOR)
    team = ChannelFactory(slug="team", name="Team Zeitz", kind=Channel.Kind.PRIVATE)
    ChannelMembership.objects.create(channel=team, user=user)
    for number in range(40):
        MessageFactory(channel=team, author=user, body=f"Nachricht Nummer {number}")
    page = new_page(**PHONE)
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Benutzername oder E-Mail-Adresse").fill("mia")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1, name="Mein Bereich")).to_be_visible()
    page.goto(live_server.url + "/chat/team/")
    composer = page.locator(".chat__composer")
    expect(composer).to_be_in_viewport(ratio=1)
    expect(page.get_by_label("Nachricht", exact=True)).to_be_in_viewport(ratio=1)
    assert header_share(page, 844) <= HEADER_SHARE


def test_it_prints_a_profile_without_menus_and_with_its_web_address(site_db, live_server, new_page):
    site = make_public_site()
    page = new_page(**DESKTOP)
    page.emulate_media(media="print")
    page.goto(live_server.url + site.pages["profile"])
    for selector in (".site-header .menu", ".site-header .languages", ".footer-nav", "main form"):
        for element in page.locator(selector).all():
            expect(element).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator('.profile__quick a[href^="tel:"]')).to_be_visible()
    after = page.locator(".profile__quick a.print-url").first.evaluate(
        "(link) => getComputedStyle(link, '::after').content"
    )
    assert "https://sprachcafe.example.org" in after
    color = page.locator("main").evaluate("(node) => getComputedStyle(node).color")
    assert color == "rgb(0, 0, 0)"
