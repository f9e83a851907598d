"""Mentions chosen in the composer: ids on the wire, names in the text (issue 21)."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chat import services
from chat.models import Message
from chat.rendering import render_body
from tests.chat.sockets import joined, next_frame

pytestmark = pytest.mark.django_db(transaction=True)

TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE")


def _send(user, frame: dict) -> dict:
    async def scenario():
        socket = await joined("team", user)
        await socket.send_json_to({"type": "message", **frame})
        answer = await next_frame(socket, "message", "error")
        await socket.disconnect()
        return answer

    return async_to_sync(scenario)()


def test_it_carries_the_chosen_ids_and_names_in_the_message_frame(team, people):
    frame = _send(
        people.member,
        {"body": "Hallo @Ada Test, bitte ansehen", "mentions": [people.admin.pk]},
    )
    assert frame["mentioned"] == [{"id": people.admin.pk, "name": "Ada Test"}]
    assert frame["mentions"] == ["ada"]  # the usernames stay as before
    assert "<strong>@Ada Test</strong>, bitte ansehen" in frame["body_html"]
    message = Message.objects.get(channel=team, seq=frame["id"])
    assert [user.pk for user in message.mentions.all()] == [people.admin.pk]


def test_it_drops_the_ids_of_people_who_cannot_read_the_channel(team, people):
    frame = _send(
        people.member,
        {
            "body": "@Ada Test @Erik Test @Stefan Steuer",
            "mentions": [people.elsewhere.pk, people.admin.pk, people.staff.pk, 999_999],
        },
    )
    assert frame["mentioned"] == [{"id": people.admin.pk, "name": "Ada Test"}]
    assert "<strong>@Erik Test</strong>" not in frame["body_html"]
    assert "<strong>@Stefan Steuer</strong>" not in frame["body_html"]


def test_it_still_accepts_usernames_typed_by_hand_beside_chosen_ids(team, people):
    frame = _send(people.admin, {"body": "@mia und @Ada Test", "mentions": [people.admin.pk]})
    assert sorted(person["name"] for person in frame["mentioned"]) == ["Ada Test", "Mia Test"]
    assert "<strong>@mia</strong>" in frame["body_html"]


@pytest.mark.parametrize("mentions", ["ada", [True], ["1"], list(range(51)), {"id": 1}])
def test_it_refuses_mentions_that_are_not_a_short_list_of_ids(team, people, mentions):
    frame = _send(people.member, {"body": "Hallo", "mentions": mentions})
    assert frame["type"] == "error"
    assert frame["code"] == "invalid"
    assert not Message.objects.filter(channel=team).exists()


def _statements_for(team, people, body: str, mentions: list[int] | None) -> list[str]:
    captured = CaptureQueriesContext(connection)

    async def scenario():
        socket = await joined("team", people.member)
        await next_frame(socket, "presence")  # her own arrival's broadcast, before capturing
        await sync_to_async(captured.__enter__)()
        await socket.send_json_to({"type": "message", "body": body, "mentions": mentions})
        await next_frame(socket, "message")
        await sync_to_async(captured.__exit__)(None, None, None)
        await socket.disconnect()

    async_to_sync(scenario)()
    return [
        query["sql"]
        for query in captured.captured_queries
        if not query["sql"].startswith(TRANSACTION_CONTROL)
    ]


def test_it_costs_no_more_queries_to_mention_by_id_than_by_typed_username(team, people):
    typed = _statements_for(team, people, "Hallo @ada", None)
    chosen = _statements_for(team, people, "Hallo @Ada Test", [people.admin.pk])
    plain = _statements_for(team, people, "Hallo", [])
    assert len(chosen) == len(typed)
    assert len(plain) <= 3, plain


def test_it_keeps_a_chosen_mention_through_an_edit_while_the_name_stays(team, people):
    message, _created = services.post_message(
        channel=team,
        body="@Ada Test schau mal",
        mentions=[people.admin.pk],
        acting_user=people.member,
    )
    edited = services.edit_message(
        channel=team, seq=message.seq, body="@Ada Test schau bitte", acting_user=people.member
    )
    assert "<strong>@Ada Test</strong>" in edited.body_html
    assert [user.pk for user in edited.mentions.all()] == [people.admin.pk]
    dropped = services.edit_message(
        channel=team, seq=message.seq, body="schau bitte", acting_user=people.member
    )
    assert list(dropped.mentions.all()) == []


def test_it_marks_names_escaped_and_the_longest_name_first():
    html = render_body("@Ann & Bo, @Ann Marie und @Anna", names={"Ann & Bo", "Ann", "Ann Marie"})
    assert html == ("<strong>@Ann &amp; Bo</strong>, <strong>@Ann Marie</strong> und @Anna")


# --- whom the composer offers ----------------------------------------------------------------


def _mentionable(client, user, slug: str, q: str = ""):
    client.force_login(user)
    return client.get(reverse("chat:mentionable", kwargs={"slug": slug}), {"q": q})


def test_it_offers_the_channels_readers_by_name_without_the_asker(client, team, people):
    response = _mentionable(client, people.member, "team")
    assert response.status_code == 200
    assert response.json() == {"people": [{"id": people.admin.pk, "name": "Ada Test"}]}


def test_it_filters_the_offer_by_what_follows_the_at_sign(client, team, people):
    assert _mentionable(client, people.admin, "team", "mi").json()["people"] == [
        {"id": people.member.pk, "name": "Mia Test"}
    ]
    assert _mentionable(client, people.admin, "team", "zzz").json() == {"people": []}


@pytest.mark.parametrize("who", ["outsider", "elsewhere", "staff"])
def test_it_answers_404_to_people_who_do_not_read_the_channel(client, team, people, who):
    assert _mentionable(client, getattr(people, who), "team").status_code == 404
