"""What keeps the chat near the speed of the wire (issue 17), through the socket and the services.

The query count of a message; standing pushed to open sockets instead of polled (sign-out,
password change, deactivation, removal); presence coalesced; typing throttled; resume paged and
limited.
"""

from __future__ import annotations

import asyncio
from importlib import import_module

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.contrib.auth import logout
from django.db import connection
from django.http import HttpRequest
from django.test.utils import CaptureQueriesContext

from chat import services
from chat.models import ChannelMembership, Message
from portal.asgi import application
from tests.chat.factories import ChannelMembershipFactory, MessageFactory
from tests.chat.sockets import (
    ORIGIN,
    TIMEOUT,
    close_code,
    frames_until_quiet,
    joined,
    next_frame,
    open_socket,
    session_cookie,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def run(scenario, *args):
    return async_to_sync(scenario)(*args)


# --- the send path ---------------------------------------------------------------------------


TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE")


def _statements(captured: CaptureQueriesContext) -> list[str]:
    """The statements that read or write data (SQLite's BEGIN and COMMIT are captured too)."""
    return [
        query["sql"]
        for query in captured.captured_queries
        if not query["sql"].startswith(TRANSACTION_CONTROL)
    ]


def test_it_stores_and_broadcasts_a_message_in_at_most_three_queries(team, people):
    captured = CaptureQueriesContext(connection)

    async def scenario():
        mia = await joined("team", people.member)
        await next_frame(mia, "presence")  # the broadcast of her arrival, read before capturing
        await sync_to_async(captured.__enter__)()
        await mia.send_json_to({"type": "message", "body": "Hallo", "client_id": "c-1"})
        frame = await next_frame(mia, "message")
        await sync_to_async(captured.__exit__)(None, None, None)
        await mia.disconnect()
        return frame

    frame = run(scenario)
    statements = _statements(captured)
    assert frame["body"] == "Hallo"
    assert len(statements) <= 3, statements
    # Session, account and membership are known from connect: none of them is read again.
    assert not [sql for sql in statements if "django_session" in sql or "auth_user" in sql]
    assert ChannelMembership.objects.get(channel=team, user=people.member).last_read_seq == 1


def test_it_delivers_the_messages_of_concurrent_senders_to_everyone_in_id_order(team, people):
    """Each socket publishes its own message once stored; those stored together still go out
    in the order of their ids (a frame arriving twice carries the same id, as the protocol
    allows)."""

    async def ids_seen(socket: WebsocketCommunicator) -> list[int]:
        ids: list[int] = []
        while len(set(ids)) < 20:
            ids.append((await next_frame(socket, "message"))["id"])
        return ids

    async def scenario():
        mia = await joined("team", people.member)
        ada = await joined("team", people.admin)
        await asyncio.gather(
            *(
                socket.send_json_to({"type": "message", "body": f"{name} {number}"})
                for number in range(10)
                for name, socket in (("mia", mia), ("ada", ada))
            )
        )
        seen = [await ids_seen(socket) for socket in (mia, ada)]
        for socket in (mia, ada):
            await socket.disconnect()
        return seen

    for ids in run(scenario):
        assert ids == sorted(ids)
        assert sorted(set(ids)) == list(range(1, 21))


def test_it_adds_mentions_with_two_statements_at_most(team, people):
    with CaptureQueriesContext(connection) as captured:
        message, created = services.post_message(
            channel=team, body="Hallo @ada und @otto", acting_user=people.member, may_post=True
        )
    assert created
    assert len(_statements(captured)) <= 5, _statements(captured)
    message.refresh_from_db()
    assert [user.username for user in message.mentions.all()] == ["ada"]  # otto reads nothing
    assert "<strong>@ada</strong>" in message.body_html
    assert "<strong>@otto</strong>" not in message.body_html


def test_it_answers_a_resend_with_the_stored_message_without_a_second_id(team, people):
    first, created = services.post_message(
        channel=team, body="Einmal", client_id="c-9", acting_user=people.member, may_post=True
    )
    again, created_again = services.post_message(
        channel=team, body="Einmal", client_id="c-9", acting_user=people.member, may_post=True
    )
    services.post_message(channel=team, body="Danach", acting_user=people.member, may_post=True)
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert list(Message.objects.order_by("seq").values_list("seq", "body")) == [
        (1, "Einmal"),
        (2, "Danach"),
    ]


# --- standing, pushed ------------------------------------------------------------------------


def _sign_out(user, cookie: str) -> None:
    """What the sign-out view does for the session this cookie names."""
    request = HttpRequest()
    request.session = import_module(settings.SESSION_ENGINE).SessionStore(cookie.split("=", 1)[1])
    request.user = user
    logout(request)


async def _socket_with_cookie(slug: str, user):
    cookie = await sync_to_async(session_cookie)(user)
    headers = [(b"origin", ORIGIN.encode()), (b"cookie", cookie.encode())]
    socket = WebsocketCommunicator(application, f"/ws/chat/{slug}/", headers=headers)
    connected, _ = await socket.connect(timeout=TIMEOUT)
    assert connected
    await next_frame(socket, "presence")
    return socket, cookie


def test_it_closes_the_sockets_of_a_session_that_signs_out_and_no_others(team, people):
    async def scenario():
        here, cookie = await _socket_with_cookie("team", people.member)
        elsewhere, _cookie = await _socket_with_cookie("team", people.member)
        await sync_to_async(_sign_out)(people.member, cookie)
        error = await next_frame(here, "error")
        code = await close_code(here)
        await elsewhere.send_json_to({"type": "message", "body": "noch da"})
        still = await next_frame(elsewhere, "message")
        await elsewhere.disconnect()
        return error, code, still

    error, code, still = run(scenario)
    assert (error["code"], code) == ("signed_out", 4401)
    assert still["body"] == "noch da"


@pytest.mark.parametrize("change", ["password", "deactivated"])
def test_it_closes_sockets_at_once_when_the_account_changes(team, people, change):
    def change_account():
        user = type(people.member).objects.get(pk=people.member.pk)
        if change == "password":
            user.set_password("ein ganz neues Passwort")
        else:
            user.is_active = False
        user.save()

    async def scenario():
        mia = await joined("team", people.member)
        await sync_to_async(change_account)()
        # Nothing is sent: the push alone closes the socket.
        error = await next_frame(mia, "error")
        return error, await close_code(mia)

    error, code = run(scenario)
    assert (error["code"], code) == ("signed_out", 4401)


def test_it_closes_a_socket_at_once_when_the_role_at_the_actor_ends(actor_channel, people):
    async def scenario():
        mia = await joined("verein-intern", people.member)
        await sync_to_async(lambda: people.member.memberships.get().delete())()
        error = await next_frame(mia, "error")
        return error, await close_code(mia)

    error, code = run(scenario)
    assert (error["code"], code) == ("not_allowed", 4403)


def test_it_lets_a_muted_member_post_again_once_unmuted(team, people, settings):
    # The push and the member's next frame meet in the socket in the order they arrive: over
    # Redis the frame may come first. The in-process layer delivers the push before the test
    # goes on, which is the order this test is about.
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

    async def scenario():
        mia = await joined("team", people.member)
        await sync_to_async(services.set_member_status)(
            channel=team, user=people.member, status="muted", acting_user=people.admin
        )
        await mia.send_json_to({"type": "message", "body": "stumm?"})
        refused = await next_frame(mia, "error")
        await sync_to_async(services.set_member_status)(
            channel=team, user=people.member, status="active", acting_user=people.admin
        )
        await mia.send_json_to({"type": "message", "body": "wieder da"})
        posted = await next_frame(mia, "message")
        await mia.disconnect()
        return refused, posted

    refused, posted = run(scenario)
    assert refused["code"] == "not_allowed"
    assert posted["body"] == "wieder da"
    assert list(Message.objects.values_list("body", flat=True)) == ["wieder da"]


# --- presence, typing, resume ------------------------------------------------------------------


def test_it_gathers_arrivals_into_one_presence_frame(team, people, settings):
    settings.CHAT_PRESENCE_INTERVAL = 2.0
    newcomers = [UserFactory(username=f"neu{number}") for number in range(4)]
    for user in newcomers:
        ChannelMembershipFactory(channel=team, user=user)

    async def scenario():
        watcher = await joined("team", people.admin)
        sockets = [await open_socket("team", user) for user in newcomers]
        await asyncio.gather(*(socket.connect(timeout=TIMEOUT) for socket in sockets))
        frames = []
        while True:
            frame = await watcher.receive_json_from(timeout=10)
            if frame["type"] == "presence":
                frames.append(frame)
                if len(frame["online"]) == 5:
                    break
        for socket in [watcher, *sockets]:
            await socket.disconnect()
        return frames

    frames = run(scenario)
    # The watcher's own arrival may still be announced; the four newcomers travel together.
    frames = [frame for frame in frames if len(frame["online"]) > 1]
    assert len(frames) == 1
    assert [person["username"] for person in frames[0]["online"]] == [
        "ada",
        "neu0",
        "neu1",
        "neu2",
        "neu3",
    ]


def test_it_broadcasts_one_typing_notice_per_member_and_interval(team, people):
    async def scenario():
        mia = await joined("team", people.member)
        ada = await joined("team", people.admin)
        for _ in range(4):
            await mia.send_json_to({"type": "typing"})
        await ada.send_json_to({"type": "typing"})
        seen = [frame for frame in await frames_until_quiet(ada, 0.5) if frame["type"] == "typing"]
        await mia.disconnect()
        await ada.disconnect()
        return seen

    seen = run(scenario)
    assert sorted(frame["author"] for frame in seen) == ["ada", "mia"]


def test_it_pages_resume_and_flags_more(team, people, settings):
    settings.CHAT_RESUME_PAGE = 3
    for _ in range(7):
        MessageFactory(channel=team, author=people.admin)

    async def scenario():
        mia = await joined("team", people.member)
        pages = []
        after = 0
        while True:
            await mia.send_json_to({"type": "resume", "after": after})
            page = []
            while True:
                frame = await mia.receive_json_from(timeout=TIMEOUT)
                if frame["type"] == "resumed":
                    break
                if frame["type"] == "message":
                    page.append(frame["id"])
            pages.append((page, frame["through"], frame["has_more"]))
            if not frame["has_more"]:
                break
            after = frame["through"]
        await mia.disconnect()
        return pages

    assert run(scenario) == [([1, 2, 3], 3, True), ([4, 5, 6], 6, True), ([7], 7, False)]


def test_it_answers_resume_with_at_most_500_messages(team, people):
    Message.objects.bulk_create(
        [
            Message(channel=team, seq=seq, author=people.admin, body=f"{seq}", body_html=f"{seq}")
            for seq in range(1, 502)
        ]
    )
    messages, more = services.resume(channel=team, after=0, acting_user=people.member)
    assert (len(messages), messages[-1].seq, more) == (500, 500, True)


def test_it_limits_resumes_like_messages(team, people, settings):
    settings.CHAT_RATE_LIMIT = 2

    async def scenario():
        mia = await joined("team", people.member)
        answers = []
        for _ in range(3):
            await mia.send_json_to({"type": "resume", "after": 0})
            answers.append(await next_frame(mia, "resumed", "error"))
        await mia.disconnect()
        return answers

    answers = run(scenario)
    assert [answer["type"] for answer in answers] == ["resumed", "resumed", "error"]
    assert answers[-1]["code"] == "rate_limited"
