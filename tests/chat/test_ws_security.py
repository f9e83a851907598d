"""The chat socket against attackers: Origin, frame size, and standing checked on every action."""

from __future__ import annotations

import json

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.test import Client

from chat.models import ChannelMembership, Message
from network.models import AuditEntry, Membership
from portal.websocket_origin import origin_allowed
from tests.chat.factories import MessageFactory
from tests.chat.sockets import close_code, joined, next_frame, open_socket

pytestmark = pytest.mark.django_db(transaction=True)


def run(scenario, *args):
    return async_to_sync(scenario)(*args)


async def handshake(slug, user, origin):
    socket = await open_socket(slug, user, origin=origin)
    connected, _code = await socket.connect(timeout=3)
    if connected:
        await socket.disconnect()
    return connected


# --- Origin -------------------------------------------------------------------------------


@pytest.fixture
def hosts(settings):
    settings.ALLOWED_HOSTS = ["portal.example", ".landkreis.example"]
    settings.CSRF_TRUSTED_ORIGINS = ["https://*.partner.example", "https://chat.example:8443"]


@pytest.mark.parametrize(
    "origin",
    [
        "https://portal.example",
        "http://portal.example:8000",
        "https://mia.landkreis.example",
        "https://app.partner.example",
        "https://chat.example:8443",
        "HTTPS://PORTAL.EXAMPLE",
    ],
)
def test_it_admits_origins_of_allowed_hosts_and_trusted_origins(hosts, origin):
    assert origin_allowed(origin, "portal.example")


@pytest.mark.parametrize(
    "origin",
    [
        None,
        "",
        "null",
        "NULL",
        "https://evil.example",
        "https://portal.example.evil.example",
        "https://evilportal.example",
        "http://app.partner.example",  # trusted origins name their scheme
        "https://chat.example",  # ... and their port
        "file://portal.example",
        "javascript:alert(1)",
        "https://portal.example:99999",
        "https://portal.example/path",
        "portal.example",
    ],
)
def test_it_refuses_foreign_null_missing_and_malformed_origins(hosts, origin):
    assert not origin_allowed(origin, "portal.example")


def test_it_trusts_only_the_sockets_own_address_when_every_host_is_allowed(settings):
    settings.ALLOWED_HOSTS = ["*"]
    settings.CSRF_TRUSTED_ORIGINS = []
    assert origin_allowed("https://portal.example", "portal.example")
    assert not origin_allowed("https://evil.example", "portal.example")
    assert not origin_allowed("null", "portal.example")
    assert not origin_allowed(None, "portal.example")


@pytest.mark.parametrize("origin", ["https://evil.example", "null", None])
def test_it_closes_the_handshake_before_accepting_a_bad_origin(team, people, origin):
    assert run(handshake, "team", people.member, origin) is False


def test_it_refuses_a_handshake_with_two_origins(team, people):
    async def scenario():
        socket = await open_socket("team", people.member)
        socket.scope["headers"].append((b"origin", b"https://evil.example"))
        connected, _code = await socket.connect(timeout=3)
        return connected

    assert run(scenario) is False


def test_it_admits_a_trusted_origin_through_the_whole_stack(team, people, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://chat.partner.example"]
    assert run(handshake, "team", people.member, "https://chat.partner.example") is True


# --- Frame size -----------------------------------------------------------------------------


def test_it_refuses_an_oversize_frame_with_an_error_and_4413(team, people, settings):
    settings.CHAT_MAX_FRAME_BYTES = 1024

    async def scenario():
        mia = await joined("team", people.member)
        await mia.send_to(text_data=json.dumps({"type": "message", "body": "ä" * 600}))
        error = await next_frame(mia, "error")
        return error, await close_code(mia)

    error, code = run(scenario)
    assert error["code"] == "frame_too_large"
    assert "1024" in error["detail"]
    assert code == 4413
    assert not Message.objects.exists()


def test_it_counts_bytes_not_characters_and_binary_frames_too(team, people, settings):
    settings.CHAT_MAX_FRAME_BYTES = 1024

    async def scenario():
        mia = await joined("team", people.member)
        await mia.send_to(bytes_data=b"x" * 1025)
        return await close_code(mia)

    assert run(scenario) == 4413


def test_it_accepts_the_longest_body_however_it_is_escaped(team, people):
    """4,000 characters that JSON escapes to six bytes each still fit the default limit."""
    body = "\x01" * 3999 + "a"

    async def scenario():
        mia = await joined("team", people.member)
        await mia.send_json_to({"type": "message", "body": body, "client_id": "c" * 64})
        frame = await next_frame(mia, "message", "error")
        await mia.disconnect()
        return frame

    frame = run(scenario)
    assert frame["type"] == "message"
    assert Message.objects.get().body == body


# --- Removal and standing on every action ---------------------------------------------------


def _remove_over_http(admin, slug, username):
    client = Client()
    client.force_login(admin)
    return client.post(f"/chat/{slug}/members/{username}/remove/")


def test_it_disconnects_a_removed_member_at_once_and_no_one_else(team, people):
    async def scenario():
        mia = await joined("team", people.member)
        ada = await joined("team", people.admin)
        response = await sync_to_async(_remove_over_http)(people.admin, "team", "mia")
        removed = await next_frame(mia, "error")
        code = await close_code(mia)
        await ada.send_json_to({"type": "message", "body": "Noch da?"})
        seen_by_ada = await next_frame(ada, "message")
        await ada.disconnect()
        return response.status_code, removed, code, seen_by_ada

    status, removed, code, seen_by_ada = run(scenario)
    assert status == 302
    assert removed["code"] == "removed"
    assert code == 4403
    assert seen_by_ada["body"] == "Noch da?"
    assert AuditEntry.objects.filter(action="chat.member_removed").count() == 1


ACTIONS = {
    "message": {"type": "message", "body": "Trotzdem"},
    "edit": {"type": "edit", "id": 1, "body": "geändert"},
    "delete": {"type": "delete", "id": 1},
    "typing": {"type": "typing"},
    "resume": {"type": "resume", "after": 0},
    "read": {"type": "read", "id": 1},
}


def _remove_by_saving(channel, user):
    """Removal by a path other than the moderation page (the admin, a script): the row saved."""
    membership = ChannelMembership.objects.get(channel=channel, user=user)
    membership.status = ChannelMembership.Status.REMOVED
    membership.save()


@pytest.mark.parametrize("action", list(ACTIONS))
def test_it_closes_the_socket_once_membership_ends_by_any_path_that_saves_it(
    team, people, action, settings
):
    # As in test_wire's mute: the in-process layer hands the push over before the next frame.
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    MessageFactory(channel=team, author=people.member, body="Original")

    async def scenario():
        mia = await joined("team", people.member)
        await sync_to_async(_remove_by_saving)(team, people.member)
        await mia.send_json_to(ACTIONS[action])
        error = await next_frame(mia, "error", "message")
        return error, await close_code(mia)

    error, code = run(scenario)
    assert error["type"] == "error"
    assert error["code"] == "not_allowed"
    assert code == 4403
    message = Message.objects.get()
    assert (message.body, message.removed_at) == ("Original", None)
    membership = ChannelMembership.objects.get(channel=team, user=people.member)
    assert membership.last_read_seq == 0


def test_it_refuses_members_whose_role_at_the_actor_ended(actor_channel, people, settings):
    # The socket hears of the ended role through the member's own group; on the Redis layer that
    # push may still be on its way when the next frame arrives (a race the send statement leaves
    # to the push in open channels). The in-process layer hands it over first, as in the test
    # above, so that what is checked is the refusal itself.
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

    async def scenario():
        mia = await joined("verein-intern", people.member)
        await sync_to_async(Membership.objects.filter(user=people.member).delete)()
        await mia.send_json_to({"type": "message", "body": "Hallo"})
        error = await next_frame(mia, "error")
        return error, await close_code(mia)

    error, code = run(scenario)
    assert (error["code"], code) == ("not_allowed", 4403)
    assert not Message.objects.exists()


@pytest.mark.parametrize("ending", ["deactivated", "signed_out"])
def test_it_closes_with_4401_once_the_session_no_longer_signs_in(team, people, ending, settings):
    # As for an ended role above: the push must be handed over before the next frame.
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

    def end_session():
        if ending == "deactivated":
            people.member.is_active = False
            people.member.save()
        else:
            from django.contrib.sessions.models import Session

            Session.objects.all().delete()

    async def scenario():
        mia = await joined("team", people.member)
        await sync_to_async(end_session)()
        await mia.send_json_to({"type": "message", "body": "Hallo"})
        error = await next_frame(mia, "error")
        return error, await close_code(mia)

    error, code = run(scenario)
    assert (error["code"], code) == ("signed_out", 4401)
    assert not Message.objects.exists()


def test_it_stops_handing_frames_to_a_member_removed_behind_its_back(team, people):
    async def scenario():
        mia = await joined("team", people.member)
        ada = await joined("team", people.admin)
        await sync_to_async(_remove_by_saving)(team, people.member)
        await ada.send_json_to({"type": "message", "body": "Geheim"})
        await next_frame(ada, "message")
        frames = []
        while True:
            output = await mia.receive_output(timeout=3)
            if output["type"] == "websocket.close":
                await ada.disconnect()
                return frames, output["code"]
            frames.append(json.loads(output["text"]))

    frames, code = run(scenario)
    assert code == 4403
    assert "Geheim" not in json.dumps(frames)
    assert [frame["code"] for frame in frames if frame["type"] == "error"] == ["not_allowed"]


# --- Two-factor: the socket asks what the pages ask ------------------------------------------


def _enrol(user):
    from network import totp, two_factor

    device = two_factor.start_enrolment(acting_user=user)
    secret = two_factor.enrolment_secret(device)
    two_factor.confirm_enrolment(code=totp.code_for(secret, totp.step_at()), acting_user=user)


def test_it_closes_a_socket_whose_session_never_gave_the_second_factor(people, team):
    _enrol(people.member)

    async def scenario():
        socket = await open_socket(team.slug, people.member)
        await socket.connect(timeout=3)
        return await close_code(socket)

    assert run(scenario) == 4401


def test_it_closes_an_open_socket_once_its_person_enrols_elsewhere(people, team):
    async def scenario():
        socket = await joined(team.slug, people.member)
        await sync_to_async(_enrol)(people.member)
        await socket.send_json_to({"type": "message", "body": "hallo", "client_id": "c-1"})
        return await close_code(socket)

    assert run(scenario) == 4401
