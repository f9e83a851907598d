"""While its socket is down, the chat page posts over the HTTP API, mentions picked by name
included: the colleague is marked and told as when the message goes over the socket."""

from __future__ import annotations

import re

import pytest

from chat.models import Message
from tests.browser.test_chat_journeys import (  # noqa: F401 - fixtures
    chat_server,
    signed_in_page,
    two_members,
)
from tests.chat.isolation import isolated_services  # noqa: F401 - autouse fixture

try:
    from playwright.sync_api import expect
except ImportError:  # then the browser fixture skips, or fails when REQUIRE_BROWSER=1
    expect = None

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]


def test_it_sends_the_picked_mentions_over_http_while_the_socket_is_down(
    browser,
    chat_server,  # noqa: F811
    two_members,  # noqa: F811
):
    mia_context, mia = signed_in_page(browser, chat_server, "mia")
    ada_context, ada_page = signed_in_page(browser, chat_server, "ada")
    # Mia's sockets never reach the server: each is closed as it opens, as when Redis is down.
    mia_context.route_web_socket(re.compile(r".*/ws/chat/.*"), lambda socket: socket.close())
    try:
        ada_page.goto(chat_server + "/chat/team/")
        expect(ada_page.locator(".chat__status")).to_have_text("Verbunden")
        mia.goto(chat_server + "/chat/team/")
        expect(mia.locator(".chat__status")).not_to_have_text("Verbunden")

        field = mia.get_by_role("combobox", name="Nachricht")
        field.press_sequentially("Bitte @Ad")
        listbox = mia.get_by_role("listbox", name="Personen in diesem Kanal")
        expect(listbox.get_by_role("option")).to_have_text(["Ada Ahorn"])
        field.press("Enter")  # picks
        expect(field).to_have_value("Bitte @Ada Ahorn ")
        field.press_sequentially("übernehmen")
        with mia.expect_response(
            lambda response: (
                response.url.endswith("/api/v1/chat/team/messages/")
                and response.request.method == "POST"
            )
        ) as posted:
            field.press("Enter")
        assert posted.value.status == 201
        assert posted.value.request.post_data_json["mentions"] == [two_members[1].pk]

        mark = ada_page.locator(".chat__history .chat-message__body strong", has_text="@Ada Ahorn")
        expect(mark).to_have_count(1)
        expect(ada_page.locator(".chat-message--mentions-me")).to_contain_text(
            "Bitte @Ada Ahorn übernehmen"
        )
        expect(mia.locator(".chat__history")).to_contain_text("Bitte @Ada Ahorn übernehmen")
    finally:
        mia_context.close()
        ada_context.close()
    message = Message.objects.get(body="Bitte @Ada Ahorn übernehmen")
    assert [user.username for user in message.mentions.all()] == ["ada"]
