"""Two members chat in two browsers; one drops off the network and comes back to everything.

The chat needs a server that speaks WebSocket, so these journeys run against the session's
daphne (tests/chat/live_daphne.py) rather than Django's WSGI live server; it answers from the
same test database, and `site_db` commits the test's data so that it sees them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from chat.models import Channel, ChannelMembership
from network.models import Membership
from tests.chat.factories import ChannelFactory, MessageFactory
from tests.chat.isolation import isolated_services  # noqa: F401 - autouse fixture
from tests.chat.live_daphne import daphne_url, wait_until_idle
from tests.factories import ActorFactory, MembershipFactory, UserFactory

try:
    from playwright.sync_api import expect
except ImportError:  # then the browser fixture skips, or fails when REQUIRE_BROWSER=1
    expect = None

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]

PASSWORD = "demo1234!"  # the factories' password
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
HOSTILE = '<img src=x onerror="window.owned=1"><script>window.owned=1</script>'


@pytest.fixture
def chat_server(site_db) -> Iterator[str]:
    yield daphne_url()
    wait_until_idle()


@pytest.fixture
def two_members(site_db):
    actor = ActorFactory(name="Sprachcafé Zeitz", slug="sprachcafe-zeitz")
    mia = UserFactory(username="mia", first_name="Mia", last_name="Mohn")
    ada = UserFactory(username="ada", first_name="Ada", last_name="Ahorn")
    for user in (mia, ada):
        MembershipFactory(user=user, actor=actor, role=Membership.Role.EDITOR)
    team = ChannelFactory(slug="team", name="Team Zeitz", kind=Channel.Kind.PRIVATE)
    for user in (mia, ada):
        ChannelMembership.objects.create(channel=team, user=user)
    MessageFactory(channel=team, author=ada, body="Willkommen im Team-Kanal!")
    return mia, ada


def signed_in_page(browser, base: str, username: str, **options):
    context = browser.new_context(locale="de-DE", **options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(base + "/accounts/login/")
    page.get_by_label("Benutzername oder E-Mail-Adresse").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1, name="Mein Bereich")).to_be_visible()
    return context, page


def send(page, text: str) -> None:
    field = page.get_by_label("Nachricht", exact=True)
    field.fill(text)
    field.press("Enter")


def test_it_lets_two_members_chat_and_catches_up_after_going_offline(
    browser, chat_server, two_members
):
    base = chat_server
    mia_context, mia = signed_in_page(browser, base, "mia")
    ada_context, ada = signed_in_page(browser, base, "ada", **PHONE)
    try:
        # The dashboard leads to the chat, with the unread welcome message.
        mia.get_by_role("link", name="Zum Chat").click()
        expect(mia.get_by_role("link", name="Team Zeitz 1 ungelesen")).to_be_visible()
        mia.get_by_role("link", name="Team Zeitz 1 ungelesen").click()
        history_of_mia = mia.locator(".chat__history")
        expect(history_of_mia).to_contain_text("Willkommen im Team-Kanal!")
        expect(mia.locator(".chat__status")).to_have_text("Verbunden")

        ada.goto(base + "/chat/team/")
        expect(ada.locator(".chat__status")).to_have_text("Verbunden")
        expect(mia.locator(".chat__online-list")).to_contain_text("Ada Ahorn")
        history_of_ada = ada.locator(".chat__history")

        # They talk; typing shows, links become links, hostile text stays text.
        ada.get_by_label("Nachricht", exact=True).press_sequentially("Hal")
        expect(mia.locator(".chat__typing")).to_have_text("Ada Ahorn schreibt …")
        send(mia, "Hallo Ada, die Liste ist unter https://mia.example/liste")
        expect(history_of_ada).to_contain_text("Hallo Ada, die Liste ist unter")
        link = history_of_ada.get_by_role("link", name="https://mia.example/liste")
        expect(link).to_have_attribute("rel", "nofollow noopener")
        send(mia, HOSTILE)
        expect(history_of_ada).to_contain_text(HOSTILE)
        assert ada.evaluate("window.owned") is None
        assert history_of_ada.locator("img, script").count() == 0

        # Ada loses her connection; Mia writes on; Ada comes back and gets all of it.
        ada_context.set_offline(True)
        expect(ada.locator(".chat__status")).to_have_attribute("data-state", "offline")
        expect(ada.locator(".chat__status")).to_contain_text("Verbindung unterbrochen")
        send(mia, "Bist du noch da?")
        send(mia, "Ich schreibe einfach weiter.")
        expect(history_of_mia).to_contain_text("Ich schreibe einfach weiter.")
        expect(history_of_ada).not_to_contain_text("Bist du noch da?")
        ada_context.set_offline(False)
        expect(ada.locator(".chat__status")).to_have_text(
            "Wieder verbunden – verpasste Nachrichten sind nachgeladen."
        )
        expect(history_of_ada).to_contain_text("Bist du noch da?")
        expect(history_of_ada).to_contain_text("Ich schreibe einfach weiter.")
        texts = history_of_ada.locator(".chat-message__body").all_inner_texts()
        assert texts[-2:] == ["Bist du noch da?", "Ich schreibe einfach weiter."]

        # Ada answers from the phone; Mia sees it, once.
        send(ada, "Bin wieder da!")
        expect(history_of_mia.get_by_text("Bin wieder da!")).to_have_count(1)
    finally:
        mia_context.close()
        ada_context.close()
