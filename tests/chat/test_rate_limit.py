"""One chat limit per account, whether messages come through the API or the socket."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import override_settings

from chat import services
from chat.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock():
    with time_machine.travel(datetime(2025, 3, 3, 9, 0, tzinfo=UTC), tick=False) as traveller:
        yield traveller


def post(client, body="Hallo"):
    return client.post(
        "/api/v1/chat/team/messages/", {"body": body}, content_type="application/json"
    )


@override_settings(CHAT_RATE_LIMIT=2, CHAT_RATE_WINDOW=60)
def test_it_answers_429_with_retry_after_over_http(client, people, team, clock):
    client.force_login(people.member)
    post(client)
    clock.shift(timedelta(seconds=20))
    post(client)

    refused = post(client)

    assert refused.status_code == 429
    assert refused["Retry-After"] == "40"
    assert refused.json()["code"] == "rate_limited"
    assert refused.json()["retry_after"] == 40


@override_settings(CHAT_RATE_LIMIT=2, CHAT_RATE_WINDOW=60)
def test_it_shares_the_limit_between_the_api_and_the_socket_path(client, people, team, clock):
    client.force_login(people.member)
    post(client)
    post(client)

    with pytest.raises(services.ChatRefused) as refused:
        services.post_message(channel=team, body="per Socket", acting_user=people.member)

    assert (refused.value.code, refused.value.retry_after) == ("rate_limited", 60)
    services.post_message(channel=team, body="von Ada", acting_user=people.admin)
    assert Message.objects.filter(channel=team).count() == 3


@override_settings(CHAT_RATE_LIMIT=2, CHAT_RATE_WINDOW=60)
def test_it_lets_a_member_post_again_after_the_window(client, people, team, clock):
    client.force_login(people.member)
    for _ in range(3):
        post(client)
    clock.shift(timedelta(seconds=61))

    assert post(client).status_code == 201


def test_it_allows_thirty_messages_a_minute_by_default(client, people, team, clock):
    client.force_login(people.member)
    statuses = [post(client, f"Nr. {n}").status_code for n in range(31)]

    assert statuses == [201] * 30 + [429]
