"""The pages work under their Content-Security-Policy: no violation while they load and run.

A violation shows up twice: as a `securitypolicyviolation` event in the page and as a console
error. Both are collected. The pages are served by the session's daphne so that the chat's
WebSocket (connect-src) is exercised too; the first test proves the listener and the policy work
by injecting an inline script, which must be refused and reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from wagtail.models import Page

from chat.models import Channel, ChannelMembership
from network.models import Membership
from tests.browser.public_site import PublicSite, make_public_site
from tests.chat.factories import ChannelFactory, MessageFactory
from tests.chat.isolation import isolated_services  # noqa: F401 - autouse fixture
from tests.chat.live_daphne import daphne_url, wait_until_idle
from tests.factories import MembershipFactory, UserFactory

try:
    from playwright.sync_api import expect
except ImportError:  # then the browser fixture skips, or fails when REQUIRE_BROWSER=1
    expect = None

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]

PASSWORD = "demo1234!"  # the factories' password
LISTENER = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


@dataclass
class Watched:
    page: object
    console: list[str] = field(default_factory=list)

    def violations(self) -> list[str]:
        reported = self.page.evaluate("window.__violations || []")
        logged = [
            text
            for text in self.console
            if "Content Security Policy" in text or "Content-Security-Policy" in text
        ]
        return reported + logged


@pytest.fixture
def server(site_db) -> Iterator[str]:
    yield daphne_url()
    wait_until_idle()


@pytest.fixture
def site(site_db) -> PublicSite:
    return make_public_site()


@pytest.fixture
def member(site):
    user = UserFactory(username="mira", first_name="Mira", last_name="Meier")
    MembershipFactory(user=user, actor=site.actor, role=Membership.Role.COORDINATOR)
    team = ChannelFactory(slug="team", name="Team Weißenfels", kind=Channel.Kind.PRIVATE)
    ChannelMembership.objects.create(channel=team, user=user)
    MessageFactory(channel=team, author=user, body="Hallo Team!")
    return user


@pytest.fixture
def watched(browser) -> Iterator[Watched]:
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    context.add_init_script(LISTENER)
    page = context.new_page()
    seen = Watched(page)
    page.on("console", lambda message: seen.console.append(message.text))
    yield seen
    context.close()


def sign_in(page, base: str, username: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("Benutzername oder E-Mail-Adresse").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state()


def test_it_refuses_and_reports_an_injected_inline_script(server, site, watched):
    page = watched.page
    page.goto(server + "/directory/")

    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.owned = 1";
          document.body.append(script);
        }"""
    )

    page.wait_for_function("window.__violations.length > 0")
    assert page.evaluate("window.owned") is None
    assert any("script-src" in violation for violation in watched.violations())


def test_it_runs_the_public_pages_without_a_violation(server, site, watched):
    page = watched.page
    for path in ("/", "/directory/?topic=deutschkurs", "/events/", "/en/events/", "/referral/"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")

    page.goto(server + "/search/?q=Sprach")
    with page.expect_response(lambda response: "/search/suggest/" in response.url) as answer:
        page.get_by_role("combobox", name="Wonach suchen Sie?").fill("Sprachc")
    assert answer.value.ok

    page.goto(server + "/ar/referral/")
    page.get_by_role("button").last.wait_for()

    assert watched.violations() == []


def test_it_runs_the_chat_without_a_violation(server, member, watched):
    page = watched.page
    sign_in(page, server, "mira")

    page.goto(server + "/chat/team/")
    expect(page.locator(".chat__status")).to_have_text("Verbunden")
    field = page.get_by_label("Nachricht", exact=True)
    field.fill("Gesendet unter der CSP")
    field.press("Enter")
    expect(page.locator(".chat__history")).to_contain_text("Gesendet unter der CSP")

    assert watched.violations() == []


def test_it_runs_the_wagtail_admin_without_a_violation(server, site, watched):
    UserFactory(username="verwaltung", is_staff=True, is_superuser=True)
    page = watched.page
    sign_in(page, server, "verwaltung")

    page.goto(server + "/admin/")
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    home = Page.objects.filter(depth=2).order_by("pk").first()
    page.goto(f"{server}/admin/pages/{home.pk}/edit/")
    page.wait_for_load_state("networkidle")
    expect(page.locator("#page-edit-form")).to_be_visible()

    assert watched.violations() == []
