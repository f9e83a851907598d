"""The chat while its channel layer (Redis) is down: saved anyway, clients told, resume fills in.

A fake layer stands in for channels-redis: the in-memory one, failing on demand the way
channels-redis fails when Redis is unreachable. tests/faults/ stops a real Redis.
"""

from __future__ import annotations

import asyncio
import json

import pytest
from asgiref.sync import async_to_sync
from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.test import Client
from redis.exceptions import ConnectionError as RedisConnectionError

from chat.broadcast import user_group
from chat.models import Message
from tests.chat.factories import MessageFactory
from tests.chat.sockets import close_code, joined, next_frame, open_socket

pytestmark = pytest.mark.django_db(transaction=True)

OPERATIONS = ("group_add", "group_discard", "group_send", "receive")


class FlakyLayer(InMemoryChannelLayer):
    """Fails the listed operations while `failing` names them, as if Redis had gone."""

    failing: set[str] = set()

    def _check(self, operation: str) -> None:
        if operation in self.failing:
            raise RedisConnectionError("Error 111 connecting to redis. Connection refused.")

    async def group_add(self, group, channel):
        self._check("group_add")
        return await super().group_add(group, channel)

    async def group_discard(self, group, channel):
        self._check("group_discard")
        return await super().group_discard(group, channel)

    async def group_send(self, group, message):
        self._check("group_send")
        return await super().group_send(group, message)

    async def receive(self, channel):
        while True:
            self._check("receive")
            try:
                return await asyncio.wait_for(super().receive(channel), timeout=0.05)
            except TimeoutError:
                continue


class ReturningLayer(FlakyLayer):
    """Redis coming back while a socket connects: its receive, started at once, already failed;
    the layer answers again by the time the socket subscribes."""

    async def group_add(self, group, channel):
        self.failing.clear()
        return await super().group_add(group, channel)


class HangingLayer(InMemoryChannelLayer):
    """A Redis that accepts the connection and never answers."""

    async def group_add(self, group, channel):
        await asyncio.sleep(30)


@pytest.fixture
def layer(settings):
    settings.CHANNEL_LAYERS = {
        "default": {"BACKEND": "tests.chat.test_layer_outage.FlakyLayer"},
    }
    FlakyLayer.failing = set()
    yield FlakyLayer
    FlakyLayer.failing = set()


def run(scenario, *args):
    return async_to_sync(scenario)(*args)


def test_it_tells_connected_clients_and_closes_with_4503_when_the_layer_goes(team, people, layer):
    async def scenario():
        mia = await joined("team", people.member)
        layer.failing = set(OPERATIONS)
        error = await next_frame(mia, "error")
        return error, await close_code(mia)

    error, code = run(scenario)
    assert error["code"] == "degraded"
    assert code == 4503


def test_it_keeps_a_socket_that_got_in_after_the_layer_came_back(team, people, layer, settings):
    """The receive that failed before the socket subscribed is no news about its subscription:
    it must not throw out a member who got back in after an outage."""
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": f"{__name__}.ReturningLayer"}}
    layer.failing = {"receive"}

    async def scenario():
        mia = await joined("team", people.member)
        await mia.send_json_to({"type": "message", "body": "Wieder da", "client_id": "c-1"})
        echo = await next_frame(mia, "message", "error")
        notice = {"type": "mention", "channel": "anderswo", "id": 1, "author": "ada"}
        await get_channel_layer().group_send(
            user_group(people.member.pk), {"type": "chat.notice", "frame": notice}
        )
        pushed = await next_frame(mia, "mention", "error")
        await mia.disconnect()
        return echo, pushed

    echo, pushed = run(scenario)
    assert (echo["type"], echo["body"]) == ("message", "Wieder da")
    assert pushed["type"] == "mention" and pushed["channel"] == "anderswo"


def test_it_saves_a_message_it_cannot_deliver_and_says_so(team, people, layer, caplog):
    async def scenario():
        mia = await joined("team", people.member)
        layer.failing = {"group_send"}
        await mia.send_json_to({"type": "message", "body": "Trotz Ausfall", "client_id": "c-1"})
        echo = await next_frame(mia, "message")
        error = await next_frame(mia, "error")
        return echo, error, await close_code(mia)

    echo, error, code = run(scenario)
    assert (echo["body"], echo["client_id"]) == ("Trotz Ausfall", "c-1")
    assert error["code"] == "degraded"
    assert code == 4503
    assert Message.objects.get().body == "Trotz Ausfall"
    assert "channel layer unavailable" in caplog.text


def test_it_refuses_new_sockets_with_4503_while_the_layer_is_down(team, people, layer):
    layer.failing = set(OPERATIONS)

    async def scenario():
        socket = await open_socket("team", people.member)
        connected, _ = await socket.connect(timeout=3)
        error = await next_frame(socket, "error")
        return connected, error, await close_code(socket)

    connected, error, code = run(scenario)
    assert connected
    assert error["code"] == "degraded"
    assert code == 4503


def test_it_keeps_saving_messages_posted_over_http(team, people, layer):
    layer.failing = set(OPERATIONS)
    client = Client()
    client.force_login(people.member)

    response = client.post(
        "/api/v1/chat/team/messages/",
        {"body": "Per HTTP", "client_id": "h-1"},
        content_type="application/json",
    )

    assert response.status_code == 201
    assert Message.objects.get().body == "Per HTTP"


def test_it_fills_the_gap_of_an_outage_on_resume(team, people, layer):
    """Messages saved while nothing was delivered come back in order after reconnecting."""
    MessageFactory(channel=team, author=people.admin, body="Vorher")
    client = Client()
    client.force_login(people.admin)

    async def scenario():
        mia = await joined("team", people.member)
        layer.failing = set(OPERATIONS)
        await next_frame(mia, "error")
        assert await close_code(mia) == 4503
        return mia

    run(scenario)
    for number in (1, 2, 3):
        response = client.post(
            "/api/v1/chat/team/messages/",
            {"body": f"Während {number}"},
            content_type="application/json",
        )
        assert response.status_code == 201
    layer.failing = set()

    async def back():
        mia = await joined("team", people.member)
        await mia.send_json_to({"type": "resume", "after": 1})
        frames = [await next_frame(mia, "message") for _ in range(3)]
        await mia.disconnect()
        return frames

    frames = run(back)
    assert [(frame["id"], frame["body"]) for frame in frames] == [
        (2, "Während 1"),
        (3, "Während 2"),
        (4, "Während 3"),
    ]


def test_it_leaves_quietly_when_the_layer_fails_on_the_way_out(team, people, layer):
    async def scenario():
        mia = await joined("team", people.member)
        layer.failing = {"group_discard", "group_send"}
        await mia.disconnect()
        layer.failing = set()
        ada = await joined("team", people.admin)
        await ada.send_json_to({"type": "message", "body": "Alles gut"})
        frame = await next_frame(ada, "message")
        await ada.disconnect()
        return frame

    assert run(scenario)["body"] == "Alles gut"


def test_it_does_not_hang_on_a_layer_that_stops_answering(team, people, layer, settings):
    settings.CHAT_LAYER_TIMEOUT = 0.2
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": f"{__name__}.HangingLayer"}}

    async def scenario():
        socket = await open_socket("team", people.member)
        await socket.connect(timeout=3)
        frames = []
        code = None
        while code is None:
            output = await socket.receive_output(timeout=3)
            if output["type"] == "websocket.close":
                code = output["code"]
            else:
                frames.append(json.loads(output["text"]))
        return frames, code

    frames, code = run(scenario)
    assert [frame["code"] for frame in frames] == ["degraded"]
    assert code == 4503
