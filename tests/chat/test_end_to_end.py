"""Two real WebSocket clients (the websockets library) talking through a real daphne.

The channel layer is whatever the settings say: in-memory on the embedded default, Redis when
REDIS_URL is set (CI's second pass), so both are exercised by the same tests.
"""

from __future__ import annotations

import asyncio
import json

import pytest
from django.test import override_settings
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from chat.models import Message
from tests.chat.sockets import session_cookie

pytestmark = pytest.mark.django_db(transaction=True)

TIMEOUT = 5


class Client:
    """A member's socket: frames in order, with the chatter (presence, typing) set aside."""

    def __init__(self, socket) -> None:
        self.socket = socket

    async def send(self, **frame) -> None:
        await self.socket.send(json.dumps(frame))

    async def next(self, kind: str) -> dict:
        return await self.next_of(kind)

    async def next_of(self, *kinds: str) -> dict:
        while True:
            frame = json.loads(await asyncio.wait_for(self.socket.recv(), TIMEOUT))
            if frame["type"] in kinds:
                return frame

    async def quiet(self, seconds: float = 0.5) -> list[dict]:
        frames = []
        while True:
            try:
                frames.append(json.loads(await asyncio.wait_for(self.socket.recv(), seconds)))
            except TimeoutError:
                return frames


def socket_url(base: str, slug: str) -> str:
    return base.replace("http://", "ws://") + f"/ws/chat/{slug}/"


def opener(base: str, cookie: str | None, *, origin: str | None = None):
    def open_socket(slug: str):
        headers = {"Cookie": cookie} if cookie else {}
        return connect(
            socket_url(base, slug),
            origin=origin if origin is not None else base,
            additional_headers=headers,
            open_timeout=TIMEOUT,
        )

    return open_socket


def test_it_carries_messages_between_two_members_and_loses_none_on_reconnect(
    live_daphne, people, team
):
    mia_socket = opener(live_daphne, session_cookie(people.member))
    ada_socket = opener(live_daphne, session_cookie(people.admin))

    async def scenario():
        async with ada_socket("team") as raw_ada:
            ada = Client(raw_ada)
            async with mia_socket("team") as raw_mia:
                mia = Client(raw_mia)
                await mia.next("presence")
                await mia.send(type="message", body="Hallo Ada", client_id="m-1")
                heard = await ada.next("message")
                await ada.send(type="message", body="Hallo Mia", client_id="a-1")
                answer = await mia.next("message")
                answer = answer if answer["author"] == "ada" else await mia.next("message")
                last_seen = answer["id"]
            # Mia is away; Ada writes on, and her own copies say the server has stored each.
            for number in range(3):
                await ada.send(
                    type="message", body=f"Verpasst {number}", client_id=f"a-{number + 2}"
                )
            while (await ada.next("message")).get("client_id") != "a-4":
                pass
            async with mia_socket("team") as raw_mia:
                mia = Client(raw_mia)
                while (await mia.next("message"))["id"] < 5:  # the history sent on connect
                    pass
                await mia.send(type="resume", after=last_seen)
                resumed = [await mia.next("message") for _ in range(3)]
                assert [f for f in await mia.quiet() if f["type"] == "message"] == []
        return heard, last_seen, resumed

    heard, last_seen, resumed = asyncio.run(scenario())
    assert (heard["author"], heard["body"], heard["id"]) == ("mia", "Hallo Ada", 1)
    assert last_seen == 2
    assert [(frame["id"], frame["body"]) for frame in resumed] == [
        (3, "Verpasst 0"),
        (4, "Verpasst 1"),
        (5, "Verpasst 2"),
    ]
    assert list(Message.objects.order_by("seq").values_list("seq", flat=True)) == [1, 2, 3, 4, 5]


def test_it_stores_a_resend_once_over_a_new_connection(live_daphne, people, team):
    mia_socket = opener(live_daphne, session_cookie(people.member))

    async def scenario():
        ids = []
        for _ in range(2):  # the second time as a client would after a dropped connection
            async with mia_socket("team") as raw:
                mia = Client(raw)
                await mia.send(type="message", body="Sicher ist sicher", client_id="once")
                frame = await mia.next("message")
                while frame.get("client_id") != "once":
                    frame = await mia.next("message")
                ids.append(frame["id"])
        return ids

    assert asyncio.run(scenario()) == [1, 1]
    assert Message.objects.filter(client_id="once").count() == 1


@pytest.mark.parametrize("origin", ["http://evil.example", "null"])
def test_it_refuses_foreign_origins(live_daphne, people, team, origin):
    open_socket = opener(live_daphne, session_cookie(people.member), origin=origin)

    async def scenario():
        async with open_socket("team"):
            pass

    with pytest.raises(InvalidStatus) as refused:
        asyncio.run(scenario())
    assert refused.value.response.status_code == 403


@pytest.mark.parametrize(
    ("who", "slug", "code"),
    [("anonymous", "team", 4401), ("outsider", "team", 4403), ("member", "nirgends", 4404)],
)
def test_it_closes_refused_sockets_with_a_code(live_daphne, people, team, who, slug, code):
    cookie = None if who == "anonymous" else session_cookie(getattr(people, who))
    open_socket = opener(live_daphne, cookie)

    async def scenario():
        async with open_socket(slug) as socket:
            await asyncio.wait_for(socket.recv(), TIMEOUT)

    with pytest.raises(ConnectionClosed) as closed:
        asyncio.run(scenario())
    assert closed.value.rcvd.code == code


@override_settings(CHAT_RATE_LIMIT=5, CHAT_RATE_WINDOW=60)
def test_it_answers_bad_frames_and_bursts_with_errors_and_stays_connected(
    live_daphne, people, team
):
    open_socket = opener(live_daphne, session_cookie(people.member))

    async def scenario():
        async with open_socket("team") as raw:
            mia = Client(raw)
            await raw.send("{kaputt")
            broken = await mia.next("error")
            await mia.send(type="message", body="")
            empty = await mia.next("error")
            for number in range(8):
                await mia.send(type="message", body=f"Schnell {number}")
            frames = [await mia.next_of("message", "error") for _ in range(8)]
            await mia.send(type="resume", after=0)
            history = [await mia.next("message") for _ in range(5)]
            assert [f for f in await mia.quiet() if f["type"] == "message"] == []
        return broken, empty, frames, history

    broken, empty, frames, history = asyncio.run(scenario())
    assert (broken["code"], empty["code"]) == ("invalid_json", "empty_body")
    # Errors go straight back, messages round the channel layer: their order may interleave.
    stored = [frame["body"] for frame in frames if frame["type"] == "message"]
    errors = [frame["code"] for frame in frames if frame["type"] == "error"]
    assert (stored, errors) == ([f"Schnell {n}" for n in range(5)], ["rate_limited"] * 3)
    assert len(history) == 5
    assert Message.objects.count() == 5
