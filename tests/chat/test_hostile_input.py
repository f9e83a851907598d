"""Input an attacker sends on purpose: deep nesting, lone surrogates, floods of broadcasts.

Each is answered as bad input (400, or an error frame on an open socket), never with a 500
or a socket closed by a crash (1011).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import time_machine
from asgiref.sync import async_to_sync
from django.test import override_settings

from chat import services
from chat.models import Message
from portal.html import html_to_text, sanitize_html
from tests.chat.factories import MessageFactory
from tests.chat.sockets import frames_until_quiet, joined, next_frame

NESTED = "[" * 20_000  # under the socket's 32 KiB frame limit, far over the decoder's depth


def run(scenario, *args):
    return async_to_sync(scenario)(*args)


async def answers(user, *frames: str | dict) -> list[dict]:
    """The socket's answers to raw frames, then one message to show the socket still works."""
    socket = await joined("team", user)
    replies = []
    for frame in frames:
        await socket.send_to(text_data=frame if isinstance(frame, str) else json.dumps(frame))
        replies.append(await next_frame(socket, "error", "message", "edited", "deleted"))
    await socket.send_json_to({"type": "message", "body": "noch da"})
    replies.append(await next_frame(socket, "message", "error"))
    await socket.disconnect()
    return replies


@pytest.mark.django_db
def test_it_answers_deeply_nested_json_to_the_api_with_400(client, people, team):
    client.force_login(people.member)
    response = client.post(
        "/api/v1/chat/team/messages/", "[" * 50_000, content_type="application/json"
    )
    assert response.status_code == 400
    assert "verschachtelt" in response.json()["detail"]
    assert not Message.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_it_answers_a_deeply_nested_frame_with_an_error_frame(people, team):
    nested, after = run(answers, people.member, NESTED)
    assert nested["type"] == "error" and nested["code"] == "invalid_json"
    assert "verschachtelt" in nested["detail"]
    assert after["type"] == "message" and after["body"] == "noch da"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "frame",
    [
        '{"type": "message", "body": "Hallo \\ud800"}',
        '{"type": "message", "body": "Hallo", "client_id": "\\udc00"}',
        '{"type": "edit", "id": 1, "body": "\\ud83d"}',
        '{"type": "typing", "extra": ["\\udfff"]}',
    ],
)
def test_it_answers_lone_surrogates_in_a_frame_with_an_error_frame(people, team, frame):
    MessageFactory(channel=team, author=people.member, body="Original")
    refused, after = run(answers, people.member, frame)
    assert refused["type"] == "error" and refused["code"] == "invalid"
    assert after["type"] == "message" and after["body"] == "noch da"
    assert Message.objects.get(seq=1).body == "Original"


@pytest.mark.django_db
def test_it_refuses_lone_surrogates_in_the_services_like_the_api(client, people, team):
    with pytest.raises(services.ChatRefused) as refused:
        services.post_message(channel=team, body="a\ud800", acting_user=people.member)
    assert refused.value.code == "invalid"
    client.force_login(people.member)
    response = client.post(
        "/api/v1/chat/team/messages/",
        '{"body": "a\\ud800"}',
        content_type="application/json",
    )
    assert response.status_code == 400


def test_it_sanitises_lone_surrogates_for_every_caller():
    assert sanitize_html("<p>a\ud800b</p>") == "<p>a\ufffdb</p>"
    assert html_to_text("<p>x\udfff</p>") == "x\ufffd"


@pytest.fixture
def clock():
    with time_machine.travel(datetime(2025, 3, 3, 9, 0, tzinfo=UTC), tick=False) as traveller:
        yield traveller


@pytest.mark.django_db(transaction=True)
@override_settings(CHAT_RATE_LIMIT=3, CHAT_RATE_WINDOW=60)
def test_it_rate_limits_edits_like_messages(people, team):
    MessageFactory(channel=team, author=people.member, body="Original")

    async def scenario():
        mia = await joined("team", people.member)
        ada = await joined("team", people.admin)
        for n in range(5):
            await mia.send_json_to({"type": "edit", "id": 1, "body": f"Fassung {n}"})
        errors = [await next_frame(mia, "error") for _ in range(2)]
        seen_by_ada = [
            frame for frame in await frames_until_quiet(ada) if frame["type"] == "edited"
        ]
        await mia.disconnect()
        await ada.disconnect()
        return errors, seen_by_ada

    errors, seen_by_ada = run(scenario)
    assert [error["code"] for error in errors] == ["rate_limited", "rate_limited"]
    assert [frame["body"] for frame in seen_by_ada] == ["Fassung 0", "Fassung 1", "Fassung 2"]
    assert Message.objects.get(seq=1).body == "Fassung 2"


@pytest.mark.django_db
@override_settings(CHAT_RATE_LIMIT=2, CHAT_RATE_WINDOW=60)
def test_it_counts_deletions_against_the_same_limit(people, team, clock):
    for _ in range(3):
        MessageFactory(channel=team, author=people.member)
    services.edit_message(channel=team, seq=1, body="neu", acting_user=people.member)
    services.delete_message(channel=team, seq=2, acting_user=people.member)
    with pytest.raises(services.ChatRefused) as refused:
        services.delete_message(channel=team, seq=3, acting_user=people.member)
    assert refused.value.code == "rate_limited"
    assert not Message.objects.get(seq=3).is_removed


@pytest.mark.django_db(transaction=True)
@override_settings(CHAT_RATE_LIMIT=2, CHAT_RATE_WINDOW=60)
def test_it_rate_limits_typing_notices(people, team):
    async def scenario():
        mia = await joined("team", people.member)
        for _ in range(3):
            await mia.send_json_to({"type": "typing"})
        frames = await frames_until_quiet(mia)
        await mia.disconnect()
        return frames

    frames = run(scenario)
    # The first goes out; the second is counted but within the typing interval, so it is not
    # broadcast; the third is over the limit and refused.
    assert [frame["type"] for frame in frames].count("typing") == 1
    assert [frame.get("code") for frame in frames if frame["type"] == "error"] == ["rate_limited"]
