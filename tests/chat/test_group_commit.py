"""Group commit: the message frames waiting from several sockets are stored together.

chat.services.post_messages stores a batch (one statement per channel on PostgreSQL), each post
answered as post_message would answer it alone; chat.writer gathers the waiting frames of all
sockets of a process into one batch and publishes them in commit order. These run on both
databases (the PostgreSQL pass of CI runs them against the one statement).
"""

from __future__ import annotations

import asyncio

import pytest
from asgiref.sync import async_to_sync
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from chat import services, writer
from chat.models import ChannelMembership, Message
from chat.services import ChatRefused, Post
from tests.chat.factories import ChannelMembershipFactory
from tests.chat.sockets import joined, next_frame
from tests.chat.test_wire import _statements

pytestmark = pytest.mark.django_db(transaction=True)


def _post(channel, user, body, client_id="", mentions=None) -> Post:
    return Post(
        channel=channel, body=body, client_id=client_id, mentions=mentions, acting_user=user
    )


def test_it_numbers_a_batch_in_the_order_of_its_posts(team, people):
    posts = [
        _post(team, people.member, "eins"),
        _post(team, people.admin, "zwei"),
        _post(team, people.member, "drei", client_id="c-3"),
    ]
    outcomes = services.post_messages(posts)
    assert [(message.seq, message.body, created) for message, created in outcomes] == [
        (1, "eins", True),
        (2, "zwei", True),
        (3, "drei", True),
    ]
    stored = Message.objects.filter(channel=team).order_by("seq")
    assert [(m.seq, m.author, m.body, m.client_id) for m in stored] == [
        (1, people.member, "eins", ""),
        (2, people.admin, "zwei", ""),
        (3, people.member, "drei", "c-3"),
    ]
    team.refresh_from_db()
    assert team.last_seq == 3
    rows = ChannelMembership.objects.filter(channel=team)
    marks = dict(rows.values_list("user__username", "last_read_seq"))
    assert marks == {"mia": 3, "ada": 2}


def test_it_stores_a_batch_of_one_channel_in_one_statement_on_postgresql(team, people):
    posts = [_post(team, people.member, f"Nr. {number}") for number in range(10)]
    with CaptureQueriesContext(connection) as captured:
        outcomes = services.post_messages(posts)
    assert [message.seq for message, _created in outcomes] == list(range(1, 11))
    statements = _statements(captured)
    if connection.vendor == "postgresql":
        assert len(statements) == 1, statements
    else:  # SQLite stores each as post_message does, three statements apiece
        assert len(statements) <= 30, statements


def test_it_answers_each_post_of_a_batch_on_its_own(team, people, settings):
    """A refused post (muted author, bad body, over the limit) takes no id; a resend gets the
    stored message; the others are stored in order and without gaps."""
    settings.CHAT_RATE_LIMIT = 3
    before, _created = services.post_message(
        channel=team, body="vorher", client_id="c-1", acting_user=people.admin, may_post=True
    )
    muted = ChannelMembershipFactory(channel=team, status=ChannelMembership.Status.MUTED).user
    posts = [
        _post(team, people.member, "eins"),
        _post(team, muted, "stumm"),
        _post(team, people.admin, "vorher", client_id="c-1"),  # a resend
        _post(team, people.member, "   "),
        _post(team, people.member, "zwei"),
        _post(team, people.member, "drei"),
        _post(team, people.member, "zu viel"),  # her fourth counted: over the limit of 3
    ]
    outcomes = services.post_messages(posts)
    assert [
        (outcome.code if isinstance(outcome, ChatRefused) else (outcome[0].seq, outcome[1]))
        for outcome in outcomes
    ] == [(2, True), "not_allowed", (1, False), "empty_body", (3, True), (4, True), "rate_limited"]
    assert outcomes[2][0].pk == before.pk
    stored = Message.objects.filter(channel=team).order_by("seq")
    assert list(stored.values_list("seq", "body")) == [
        (1, "vorher"),
        (2, "eins"),
        (3, "zwei"),
        (4, "drei"),
    ]


def test_it_stores_the_others_of_a_batch_when_one_repeats_a_client_id(team, people):
    """Twice the same client_id in one batch: stored once, the second answered with it."""
    posts = [
        _post(team, people.member, "eins", client_id="c-1"),
        _post(team, people.member, "eins", client_id="c-1"),
        _post(team, people.admin, "zwei", client_id="c-1"),  # another author's own c-1
    ]
    outcomes = services.post_messages(posts)
    assert [(message.seq, created) for message, created in outcomes] == [
        (1, True),
        (1, False),
        (2, True),
    ]
    assert Message.objects.filter(channel=team).count() == 2


def test_it_keeps_the_mentions_of_each_post_of_a_batch(team, people):
    posts = [
        _post(team, people.member, "Hallo @ada"),
        _post(team, people.admin, "ohne"),
        _post(team, people.admin, "Hallo Mia", mentions=[people.member.pk, people.outsider.pk]),
    ]
    outcomes = services.post_messages(posts)
    mentioned = [
        sorted(user.username for user in Message.objects.get(pk=message.pk).mentions.all())
        for message, _created in outcomes
    ]
    assert mentioned == [["ada"], [], ["mia"]]  # otto reads nothing here
    assert "<strong>@ada</strong>" in outcomes[0][0].body_html


def test_it_stores_posts_waiting_at_the_same_moment_in_one_hop_and_answers_in_order():
    """The writer takes whatever waits when its hop begins; frames arriving meanwhile are the
    next batch; each caller gets its own outcome, a refusal raised to that caller alone."""
    batches: list[list[str]] = []
    refused = ChatRefused("empty_body", "leer")

    async def store(posts):
        batches.append([post.body for post in posts])
        await asyncio.sleep(0)
        return [refused if post.body == "" else (post.body, True) for post in posts], []

    async def scenario():
        group = writer.Writer(store)

        async def send(body):
            try:
                return (await group.post(_post(None, None, body))).message
            except ChatRefused as error:
                return error.code

        first = await asyncio.gather(send("a"), send(""), send("c"))
        later = asyncio.gather(send("d"), send("e"))
        await asyncio.sleep(0)
        more = asyncio.gather(send("f"))
        return first, await later, await more

    first, later, more = async_to_sync(scenario)()
    assert (first, later, more) == (["a", "empty_body", "c"], ["d", "e"], ["f"])
    assert batches == [["a", "", "c"], ["d", "e"], ["f"]]


@override_settings(CHAT_RATE_LIMIT=1000)
def test_it_delivers_every_message_of_many_concurrent_senders_once_in_id_order(team, people):
    """Five members post ten messages each at once: every message is stored once, each
    member's in the order sent, and every socket sees the ids gapless and ascending."""
    for number in range(3):
        ChannelMembershipFactory(channel=team, user__username=f"extra-{number}")
    senders = [
        people.member,
        people.admin,
        *(
            membership.user
            for membership in ChannelMembership.objects.filter(
                channel=team, user__username__startswith="extra-"
            )
        ),
    ]
    total = 10 * len(senders)

    async def ids_seen(socket) -> list[int]:
        ids: list[int] = []
        while len(set(ids)) < total:
            ids.append((await next_frame(socket, "message"))["id"])
        return ids

    async def scenario():
        sockets = [await joined("team", user) for user in senders]
        await asyncio.gather(
            *(
                socket.send_json_to({"type": "message", "body": f"{index} {number}"})
                for number in range(10)
                for index, socket in enumerate(sockets)
            )
        )
        seen = [await ids_seen(socket) for socket in sockets]
        for socket in sockets:
            await socket.disconnect()
        return seen

    for ids in async_to_sync(scenario)():
        assert ids == sorted(ids)
        assert sorted(set(ids)) == list(range(1, total + 1))
    messages = Message.objects.filter(channel=team).order_by("seq")
    stored = list(messages.values_list("body", flat=True))
    assert len(stored) == total
    for index in range(len(senders)):
        assert [body for body in stored if body.startswith(f"{index} ")] == [
            f"{index} {number}" for number in range(10)
        ]


def test_it_answers_once_stored_and_tells_the_senders_of_new_messages_a_publish_failed(
    monkeypatch,
):
    """A socket reads its member's next frame while the layer carries the last one; should the
    layer fail, the senders of the new messages hear of it, not the sender of a resend."""
    told: list[tuple[str, str]] = []
    steps: list[str] = []

    async def store(posts):
        return [(post.body, post.body != "alt") for post in posts], [("chat.1", {})]

    async def publish(events):
        steps.append("publish")
        return False

    monkeypatch.setattr(writer.broadcast, "publish", publish)

    async def scenario():
        group = writer.Writer(store)

        async def send(body, sender):
            async def unpublished(message):
                told.append((sender, message))

            stored = await group.post(_post(None, None, body), unpublished)
            steps.append(f"answered {body}")
            return stored.created

        created = await asyncio.gather(send("neu", "mia"), send("alt", "ada"))
        await asyncio.gather(*group.publishing)
        return created

    assert async_to_sync(scenario)() == [True, False]
    assert steps == ["answered neu", "answered alt", "publish"]
    assert told == [("mia", "neu")]
