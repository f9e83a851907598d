"""The chat socket through the whole ASGI stack (origin check, session, routing, consumer)."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.core import mail
from django.test import override_settings

from chat.models import ChannelMembership, Message
from network.models import AuditEntry
from tests.chat.factories import ChannelMembershipFactory, MessageFactory
from tests.chat.markup import is_inert
from tests.chat.sockets import (
    close_code,
    frames_until,
    frames_until_quiet,
    joined,
    next_frame,
    open_socket,
)

pytestmark = pytest.mark.django_db(transaction=True)


def run(scenario, *args):
    return async_to_sync(scenario)(*args)


async def refused(slug, user, origin="http://testserver"):
    socket = await open_socket(slug, user, origin=origin)
    connected, code = await socket.connect(timeout=3)
    if not connected:
        return ("rejected", code)
    return ("closed", await close_code(socket))


def refusal(slug, user, origin="http://testserver"):
    """One event loop per test: the Redis layer's connections belong to the loop they began in."""
    return run(refused, slug, user, origin)


def test_it_closes_anonymous_sockets_with_4401(team):
    assert refusal("team", None) == ("closed", 4401)


def test_it_closes_sockets_of_people_outside_the_channel_with_4403(team, people):
    assert refusal("team", people.outsider) == ("closed", 4403)
    assert refusal("team", people.elsewhere) == ("closed", 4403)
    assert refusal("team", people.staff) == ("closed", 4403)


@pytest.mark.parametrize("slug", ["gibt-es-nicht", "k%C3%BCche", "a.b"])
def test_it_closes_sockets_of_unknown_channels_with_4404(people, slug):
    assert refusal(slug, people.member) == ("closed", 4404)


@pytest.mark.parametrize("origin", ["http://evil.example", "null", None])
def test_it_refuses_foreign_origins_before_anything_else(team, people, origin):
    verdict, _code = refusal("team", people.member, origin=origin)
    assert verdict == "rejected"


def test_it_lets_network_members_join_public_channels_but_not_outsiders(lobby, people):
    async def scenario():
        socket = await joined("allgemein", people.elsewhere)
        await socket.disconnect()
        return await refused("allgemein", people.outsider)

    assert run(scenario) == ("closed", 4403)
    assert ChannelMembership.objects.filter(channel=lobby, user=people.elsewhere).exists()


def test_it_admits_members_of_the_channels_actors(actor_channel, people):
    async def scenario():
        socket = await joined("verein-intern", people.member)
        await socket.disconnect()
        return await refused("verein-intern", people.elsewhere)

    assert run(scenario) == ("closed", 4403)


def test_it_sends_the_latest_50_messages_on_connect_oldest_first(team, people):
    for _ in range(60):
        MessageFactory(channel=team, author=people.admin)

    async def scenario():
        socket = await open_socket("team", people.member)
        await socket.connect(timeout=3)
        frames = await frames_until(socket, "presence")
        await socket.disconnect()
        return frames

    frames = run(scenario)
    ids = [frame["id"] for frame in frames if frame["type"] == "message"]
    assert ids == list(range(11, 61))
    assert frames[-1]["type"] == "presence"
    assert frames[-1]["online"] == [{"username": "mia", "name": "Mia Test"}]


def test_it_saves_a_message_then_delivers_it_to_every_member(team, people):
    async def scenario():
        mia = await joined("team", people.member)
        ada = await joined("team", people.admin)
        await mia.send_json_to({"type": "message", "body": "Hallo Ada!", "client_id": "c-1"})
        received = await next_frame(ada, "message")
        echoed = await next_frame(mia, "message")
        await mia.disconnect()
        await ada.disconnect()
        return received, echoed

    received, echoed = run(scenario)
    assert received == echoed
    assert received["id"] == 1
    assert received["channel"] == "team"
    assert received["author"] == "mia"
    assert received["body"] == "Hallo Ada!"
    assert received["body_html"] == "Hallo Ada!"
    assert received["client_id"] == "c-1"
    assert received["sent_at"]
    stored = Message.objects.get()
    assert (stored.seq, stored.body, stored.author) == (1, "Hallo Ada!", people.member)


def test_it_stores_a_resent_message_once_and_answers_with_the_stored_one(team, people):
    async def scenario():
        mia = await joined("team", people.member)
        frame = {"type": "message", "body": "Nur einmal", "client_id": "same"}
        await mia.send_json_to(frame)
        first = await next_frame(mia, "message")
        await mia.send_json_to(frame)
        second = await next_frame(mia, "message")
        await mia.disconnect()
        return first, second

    first, second = run(scenario)
    assert first["id"] == second["id"] == 1
    assert Message.objects.filter(channel=team).count() == 1


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("{nicht json", "invalid_json"),
        ('"ein Text"', "unknown_type"),
        ('{"type": "tanzen"}', "unknown_type"),
        ('{"type": "message", "body": "   "}', "empty_body"),
        ('{"type": "message", "body": "' + "x" * 4001 + '"}', "body_too_long"),
        ('{"type": "message", "body": 5}', "invalid"),
        ('{"type": "edit", "body": "neu"}', "invalid"),
        ('{"type": "edit", "id": 99, "body": "neu"}', "not_found"),
        ('{"type": "delete", "id": "1"}', "invalid"),
        ('{"type": "resume", "after": -1}', "invalid"),
        ('{"type": "read"}', "invalid"),
    ],
)
def test_it_answers_bad_frames_with_an_error_and_keeps_the_connection(team, people, raw, code):
    async def scenario():
        mia = await joined("team", people.member)
        await mia.send_to(text_data=raw)
        error = await next_frame(mia, "error")
        await mia.send_json_to({"type": "message", "body": "Noch da?", "client_id": "after"})
        still = await next_frame(mia, "message")
        await mia.disconnect()
        return error, still

    error, still = run(scenario)
    assert error["code"] == code
    assert error["detail"]
    assert still["body"] == "Noch da?"


def test_it_accepts_a_body_of_exactly_4000_characters(team, people):
    async def scenario():
        mia = await joined("team", people.member)
        await mia.send_json_to({"type": "message", "body": "x" * 4000})
        frame = await next_frame(mia, "message")
        await mia.disconnect()
        return frame

    assert len(run(scenario)["body"]) == 4000


@override_settings(CHAT_RATE_LIMIT=3, CHAT_RATE_WINDOW=60)
def test_it_refuses_a_burst_over_the_rate_limit_without_dropping_the_socket(team, people):
    async def scenario():
        mia = await joined("team", people.member)
        for number in range(5):
            await mia.send_json_to({"type": "message", "body": f"Nr. {number}"})
        frames = [await next_frame(mia, "message", "error") for _ in range(5)]
        await mia.send_json_to({"type": "typing"})
        typing = await next_frame(mia, "typing")
        await mia.disconnect()
        return frames, typing

    frames, typing = run(scenario)
    # Errors go straight back, messages round the channel layer: their order may interleave.
    stored = [frame["body"] for frame in frames if frame["type"] == "message"]
    errors = [frame["code"] for frame in frames if frame["type"] == "error"]
    assert (stored, errors) == (["Nr. 0", "Nr. 1", "Nr. 2"], ["rate_limited"] * 2)
    assert Message.objects.filter(channel=team).count() == 3
    assert typing["author"] == "mia"


def test_it_resends_everything_after_the_last_id_seen(team, people):
    for _ in range(3):
        MessageFactory(channel=team, author=people.admin)

    async def scenario():
        mia = await joined("team", people.member)
        await mia.send_json_to({"type": "resume", "after": 1})
        frames = [await next_frame(mia, "message") for _ in range(2)]
        assert [f for f in await frames_until_quiet(mia) if f["type"] == "message"] == []
        await mia.disconnect()
        return frames

    assert [frame["id"] for frame in run(scenario)] == [2, 3]


def test_it_loses_nothing_while_a_member_is_away(team, people):
    async def scenario():
        mia = await joined("team", people.member)
        ada = await joined("team", people.admin)
        await ada.send_json_to({"type": "message", "body": "Vor der Pause"})
        last_seen = (await next_frame(mia, "message"))["id"]
        await mia.disconnect()
        for number in range(3):
            await ada.send_json_to({"type": "message", "body": f"Während der Pause {number}"})
            await next_frame(ada, "message")
        await ada.disconnect()
        mia = await open_socket("team", people.member)
        await mia.connect(timeout=3)
        # A presence frame broadcast just then (the departures) may come before the history.
        seen = await frames_until(mia, "presence")
        while not any(frame["type"] == "message" for frame in seen):
            seen = await frames_until(mia, "presence")
        await mia.send_json_to({"type": "resume", "after": last_seen})
        frames = [await next_frame(mia, "message") for _ in range(3)]
        assert [f for f in await frames_until_quiet(mia) if f["type"] == "message"] == []
        await mia.disconnect()
        return frames

    missed = run(scenario)
    assert [frame["body"] for frame in missed] == [f"Während der Pause {n}" for n in range(3)]


def test_it_lets_authors_edit_and_delete_their_own_messages_only(team, people):
    own = MessageFactory(channel=team, author=people.member, body="Tippfeler")
    foreign = MessageFactory(channel=team, author=people.admin, body="Von Ada")

    async def scenario():
        mia = await joined("team", people.member)
        await mia.send_json_to({"type": "edit", "id": own.seq, "body": "Tippfehler"})
        edited = await next_frame(mia, "edited")
        await mia.send_json_to({"type": "edit", "id": foreign.seq, "body": "Gefälscht"})
        refused_edit = await next_frame(mia, "error")
        await mia.send_json_to({"type": "delete", "id": foreign.seq})
        refused_delete = await next_frame(mia, "error")
        await mia.send_json_to({"type": "delete", "id": own.seq})
        deleted = await next_frame(mia, "deleted")
        await mia.disconnect()
        return edited, refused_edit, refused_delete, deleted

    edited, refused_edit, refused_delete, deleted = run(scenario)
    assert (edited["id"], edited["body"], edited["body_html"]) == (1, "Tippfehler", "Tippfehler")
    assert refused_edit["code"] == refused_delete["code"] == "not_allowed"
    assert deleted == {"type": "deleted", "id": 1, "channel": "team", "by_moderator": False}
    own.refresh_from_db()
    foreign.refresh_from_db()
    assert own.is_removed and own.body == "Tippfehler"
    assert not foreign.is_removed and foreign.body == "Von Ada"


@pytest.mark.parametrize("moderator", ["admin", "staff"])
def test_it_lets_moderators_remove_messages_and_audits_it(lobby, people, moderator):
    message = MessageFactory(channel=lobby, author=people.elsewhere, body="Werbung!")

    async def scenario():
        erik = await joined("allgemein", people.elsewhere)
        mod = await joined("allgemein", getattr(people, moderator))
        await mod.send_json_to({"type": "delete", "id": message.seq})
        seen = await next_frame(erik, "deleted")
        await erik.disconnect()
        await mod.disconnect()
        erik = await open_socket("allgemein", people.elsewhere)
        await erik.connect(timeout=3)
        shown = await next_frame(erik, "message")
        await erik.disconnect()
        return seen, shown

    if moderator == "admin":
        ChannelMembershipFactory(
            channel=lobby, user=people.admin, role=ChannelMembership.Role.ADMIN
        )
    seen, shown = run(scenario)
    assert seen["by_moderator"] is True
    assert shown["removed"] is True
    assert shown["body"] == shown["body_html"] == ""
    entry = AuditEntry.objects.get(action="chat.message_removed")
    assert entry.user == getattr(people, moderator)
    assert entry.data["author"] == "erik"


def test_it_refuses_posts_of_muted_members_but_lets_them_read(team, people):
    ChannelMembership.objects.filter(channel=team, user=people.member).update(
        status=ChannelMembership.Status.MUTED
    )

    async def scenario():
        mia = await joined("team", people.member)
        await mia.send_json_to({"type": "message", "body": "Hallo?"})
        error = await next_frame(mia, "error")
        await mia.send_json_to({"type": "typing"})
        typing_error = await next_frame(mia, "error")
        await mia.send_json_to({"type": "resume", "after": 0})
        # Presence may arrive at any moment (the protocol's rule): the answer is the resume's.
        resumed = await next_frame(mia, "resumed")
        await mia.disconnect()
        return error, typing_error, resumed

    error, typing_error, resumed = run(scenario)
    assert error["code"] == typing_error["code"] == "not_allowed"
    assert resumed == {"type": "resumed", "channel": "team", "through": 0, "has_more": False}
    assert not Message.objects.exists()


def test_it_disconnects_a_removed_member_at_once(team, people):
    async def scenario():
        mia = await joined("team", people.member)
        await sync_to_async(_remove)(team, people.member, people.admin)
        error = await next_frame(mia, "error")
        return error, await close_code(mia), await refused("team", people.member)

    error, code, again = run(scenario)
    assert error["code"] == "removed"
    assert code == 4403
    assert again == ("closed", 4403)
    assert AuditEntry.objects.filter(action="chat.member_removed").count() == 1


def _remove(channel, user, by):
    from chat.services import set_member_status

    set_member_status(
        channel=channel, user=user, status=ChannelMembership.Status.REMOVED, acting_user=by
    )


def test_it_shows_typing_to_the_others(team, people):
    async def scenario():
        mia = await joined("team", people.member)
        ada = await joined("team", people.admin)
        await mia.send_json_to({"type": "typing"})
        frame = await next_frame(ada, "typing")
        await mia.disconnect()
        await ada.disconnect()
        return frame

    assert run(scenario) == {
        "type": "typing",
        "channel": "team",
        "author": "mia",
        "author_name": "Mia Test",
    }


def test_it_tells_everyone_who_comes_and_goes(team, people):
    async def scenario():
        mia = await joined("team", people.member)
        ada = await joined("team", people.admin)
        # Presence is coalesced: mia's own arrival may still be announced before ada's.
        arrived = await next_frame(mia, "presence")
        while len(arrived["online"]) < 2:
            arrived = await next_frame(mia, "presence")
        await ada.disconnect()
        left = await next_frame(mia, "presence")
        await mia.disconnect()
        return arrived, left

    arrived, left = run(scenario)
    assert [person["username"] for person in arrived["online"]] == ["ada", "mia"]
    assert [person["username"] for person in left["online"]] == ["mia"]


def test_it_remembers_what_was_read(team, people):
    for _ in range(4):
        MessageFactory(channel=team, author=people.admin)

    async def scenario():
        mia = await joined("team", people.member)
        await mia.send_json_to({"type": "read", "id": 3})
        await mia.send_json_to({"type": "read", "id": 2})
        await mia.send_json_to({"type": "resume", "after": 3})
        await next_frame(mia, "message")
        await mia.disconnect()

    run(scenario)
    assert ChannelMembership.objects.get(channel=team, user=people.member).last_read_seq == 3


def test_it_notifies_mentioned_members_on_the_page_or_by_mail_when_offline(team, people, lobby):
    ChannelMembershipFactory(channel=team, user=people.elsewhere)

    async def scenario():
        ada_elsewhere = await joined("allgemein", people.admin)
        mia = await joined("team", people.member)
        await mia.send_json_to(
            {"type": "message", "body": "@ada und @erik, schaut mal! @niemand", "client_id": "m"}
        )
        message = await next_frame(mia, "message")
        notice = await next_frame(ada_elsewhere, "mention")
        await mia.disconnect()
        await ada_elsewhere.disconnect()
        return message, notice

    message, notice = run(scenario)
    assert sorted(message["mentions"]) == ["ada", "erik"]
    assert "<strong>@ada</strong>" in message["body_html"]
    assert "<strong>@niemand" not in message["body_html"]
    assert notice == {
        "type": "mention",
        "channel": "team",
        "channel_name": "Team",
        "id": message["id"],
        "author": "mia",
    }
    assert [email.to for email in mail.outbox] == [["erik@example.org"]]
    assert "Team" in mail.outbox[0].subject


def test_it_never_sends_member_text_as_markup(team, people):
    hostile = [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        'https://example.org/"><script>alert(1)</script>',
        "javascript:alert(1)",
        "<a href='javascript:alert(1)'>klick</a>",
        "@<svg/onload=alert(1)>",
    ]

    async def scenario():
        mia = await joined("team", people.member)
        frames = []
        for body in hostile:
            await mia.send_json_to({"type": "message", "body": body})
            frames.append(await next_frame(mia, "message"))
        await mia.disconnect()
        return frames

    for frame, body in zip(run(scenario), hostile, strict=True):
        assert frame["body"] == body
        assert is_inert(frame["body_html"]), frame["body_html"]
