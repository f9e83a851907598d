"""A member mentions a colleague by name: types @ and part of the name, picks from the list."""

from __future__ import annotations

import pytest

from chat.models import Channel, ChannelMembership
from tests.browser.test_chat_journeys import (  # noqa: F401 - fixtures
    chat_server,
    signed_in_page,
    two_members,
)
from tests.chat.isolation import isolated_services  # noqa: F401 - autouse fixture
from tests.factories import UserFactory

try:
    from playwright.sync_api import expect
except ImportError:  # then the browser fixture skips, or fails when REQUIRE_BROWSER=1
    expect = None

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]


def test_it_mentions_a_member_picked_by_name_and_marks_the_name(
    browser,
    chat_server,  # noqa: F811
    two_members,  # noqa: F811
):
    adalbert = UserFactory(username="adalbert", first_name="Adalbert", last_name="Abel")
    ChannelMembership.objects.create(channel=Channel.objects.get(slug="team"), user=adalbert)
    mia_context, mia = signed_in_page(browser, chat_server, "mia")
    ada_context, ada_page = signed_in_page(browser, chat_server, "ada")
    try:
        mia.goto(chat_server + "/chat/team/")
        ada_page.goto(chat_server + "/chat/team/")
        expect(mia.locator(".chat__status")).to_have_text("Verbunden")
        expect(ada_page.locator(".chat__status")).to_have_text("Verbunden")

        field = mia.get_by_role("combobox", name="Nachricht")
        expect(field).to_have_attribute("aria-expanded", "false")
        field.press_sequentially("Hallo @Ad")
        listbox = mia.get_by_role("listbox", name="Personen in diesem Kanal")
        expect(listbox.get_by_role("option")).to_have_text(["Ada Ahorn", "Adalbert Abel"])
        expect(field).to_have_attribute("aria-expanded", "true")
        expect(listbox.get_by_role("option", name="Ada Ahorn")).to_have_attribute(
            "aria-selected", "true"
        )

        # Arrow keys move the choice, Escape closes, typing on opens the list again.
        field.press("ArrowDown")
        adalbert_option = listbox.get_by_role("option", name="Adalbert Abel")
        expect(adalbert_option).to_have_attribute("aria-selected", "true")
        expect(field).to_have_attribute(
            "aria-activedescendant", adalbert_option.get_attribute("id")
        )
        field.press("Escape")
        expect(listbox).to_be_hidden()
        expect(field).to_have_attribute("aria-expanded", "false")
        field.press_sequentially("a Ah")
        expect(listbox.get_by_role("option")).to_have_text(["Ada Ahorn"])
        field.press("Enter")  # picks, does not send
        expect(field).to_have_value("Hallo @Ada Ahorn ")
        expect(listbox).to_be_hidden()

        field.press_sequentially("schaust du bitte drauf?")
        field.press("Enter")
        mark = ada_page.locator(".chat__history .chat-message__body strong", has_text="@Ada Ahorn")
        expect(mark).to_have_count(1)
        expect(ada_page.locator(".chat-message--mentions-me")).to_contain_text(
            "Hallo @Ada Ahorn schaust du bitte drauf?"
        )
        expect(ada_page.locator(".chat__notice")).to_have_text("Mia Mohn hat Sie erwähnt.")
    finally:
        mia_context.close()
        ada_context.close()
