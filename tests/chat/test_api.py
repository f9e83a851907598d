"""The chat's JSON API: channels with unread counts, history paged backwards, posting."""

from __future__ import annotations

import pytest
from django.test import override_settings

from chat.models import ChannelMembership, Message
from tests.chat.factories import MessageFactory

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    client.force_login(user)
    return client


def test_it_lists_the_members_channels_with_unread_counts(client, people, team, lobby):
    for _ in range(3):
        MessageFactory(channel=team, author=people.admin)
    ChannelMembership.objects.filter(channel=team, user=people.member).update(last_read_seq=1)
    response = signed_in(client, people.member).get("/api/v1/chat/channels/")
    assert response.status_code == 200
    assert [(row["slug"], row["unread"], row["kind"]) for row in response.json()] == [
        ("team", 2, "private")
    ]
    assert response.json()[0]["socket"] == "/ws/chat/team/"


def test_it_refuses_the_channel_list_to_anonymous_visitors(client):
    assert client.get("/api/v1/chat/channels/").status_code == 403


def test_it_pages_history_backwards_from_an_id(client, people, team):
    for _ in range(120):
        MessageFactory(channel=team, author=people.admin)
    signed_in(client, people.member)
    latest = client.get("/api/v1/chat/team/messages/").json()
    assert [m["id"] for m in latest["results"]] == list(range(71, 121))
    assert latest["has_more"] is True and latest["before"] == 71
    older = client.get("/api/v1/chat/team/messages/", {"before": 71}).json()
    assert [m["id"] for m in older["results"]] == list(range(21, 71))
    oldest = client.get("/api/v1/chat/team/messages/", {"before": 21, "limit": 30}).json()
    assert [m["id"] for m in oldest["results"]] == list(range(1, 21))
    assert oldest["has_more"] is False and oldest["before"] is None


def test_it_serves_history_frames_like_the_socket(client, people, team):
    MessageFactory(channel=team, author=people.admin, body="<b>Hallo</b> https://a.example")
    frame = signed_in(client, people.member).get("/api/v1/chat/team/messages/").json()
    message = frame["results"][0]
    assert set(message) >= {"type", "id", "channel", "author", "body", "body_html", "sent_at"}
    assert message["body_html"].startswith("&lt;b&gt;Hallo&lt;/b&gt; <a href=")
    raw = signed_in(client, people.member).get("/api/v1/chat/team/messages/").content
    assert b"<b>" not in raw and b"<a " not in raw  # the renderer escapes markup in JSON


def test_it_answers_a_bad_before_with_400(client, people, team):
    response = signed_in(client, people.member).get("/api/v1/chat/team/messages/?before=abc")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


def test_it_posts_through_the_same_service_as_the_socket(client, people, team):
    signed_in(client, people.member)
    data = {"body": "Per HTTP", "client_id": "h-1"}
    first = client.post("/api/v1/chat/team/messages/", data, content_type="application/json")
    again = client.post("/api/v1/chat/team/messages/", data, content_type="application/json")
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["id"] == again.json()["id"] == 1
    assert Message.objects.filter(channel=team).count() == 1


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [("", 400, "empty_body"), ("  ", 400, "empty_body"), ("x" * 4001, 400, "body_too_long")],
)
def test_it_explains_refused_posts(client, people, team, body, status, code):
    signed_in(client, people.member)
    response = client.post(
        "/api/v1/chat/team/messages/", {"body": body}, content_type="application/json"
    )
    assert (response.status_code, response.json()["code"]) == (status, code)


@override_settings(CHAT_RATE_LIMIT=2)
def test_it_rate_limits_posts_over_http_too(client, people, team):
    signed_in(client, people.member)
    statuses = [
        client.post(
            "/api/v1/chat/team/messages/", {"body": "x"}, content_type="application/json"
        ).status_code
        for _ in range(3)
    ]
    assert statuses == [201, 201, 429]


def test_it_refuses_posts_of_muted_members_with_403(client, people, team):
    ChannelMembership.objects.filter(user=people.member).update(
        status=ChannelMembership.Status.MUTED
    )
    response = signed_in(client, people.member).post(
        "/api/v1/chat/team/messages/", {"body": "x"}, content_type="application/json"
    )
    assert (response.status_code, response.json()["code"]) == (403, "not_allowed")


def test_it_describes_the_chat_api_in_the_schema(client):
    schema = client.get("/api/schema/").content.decode()
    assert "/api/v1/chat/channels/" in schema
    assert "/api/v1/chat/{slug}/messages/" in schema
