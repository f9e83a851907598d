"""The send statement itself checks the author's row, and mentions by id travel over HTTP too.

A socket knows from connect whether its member may post and hears of changes through a push
after the change's commit. A frame sent between the commit and the push is refused by the
statement that would store it (no id is taken, nothing is saved), answered with an error frame;
a removed member's socket then closes with 4403. The rows are changed here with a queryset
update(), which sends no push: that is the moment between the commit and the push, held open.
"""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync, sync_to_async

from chat import services
from chat.models import Channel, ChannelMembership, Message
from chat.services import ChatRefused
from tests.chat.factories import ChannelMembershipFactory
from tests.chat.sockets import close_code, frames_until_quiet, joined, next_frame


def _set_status(channel: Channel, user, status: str) -> None:
    """A change of the row without its push (no signal): as if the push were still on its way."""
    ChannelMembership.objects.filter(channel=channel, user=user).update(status=status)


@pytest.mark.django_db(transaction=True)
def test_it_refuses_a_frame_sent_after_the_removal_before_its_push_and_closes(team, people):
    async def scenario():
        mia = await joined("team", people.member)
        await sync_to_async(_set_status)(team, people.member, ChannelMembership.Status.REMOVED)
        await mia.send_json_to({"type": "message", "body": "noch schnell", "client_id": "c-1"})
        refused = await next_frame(mia, "error", "message")
        return refused, await close_code(mia)

    refused, code = async_to_sync(scenario)()
    assert (refused["type"], refused["code"], refused["received"]) == (
        "error",
        "not_allowed",
        "message",
    )
    assert code == 4403
    assert not Message.objects.exists()
    team.refresh_from_db()
    assert team.last_seq == 0  # no id was taken either


@pytest.mark.django_db(transaction=True)
def test_it_refuses_a_frame_sent_after_the_mute_before_its_push_and_stays_open(team, people):
    async def scenario():
        mia = await joined("team", people.member)
        await sync_to_async(_set_status)(team, people.member, ChannelMembership.Status.MUTED)
        await mia.send_json_to({"type": "message", "body": "noch schnell"})
        refused = await next_frame(mia, "error", "message")
        # The socket now knows: the next frame is refused before the database is asked.
        await mia.send_json_to({"type": "message", "body": "und noch einmal"})
        again = await next_frame(mia, "error", "message")
        await mia.send_json_to({"type": "read", "id": 0})
        rest = await frames_until_quiet(mia)
        await mia.disconnect()
        return refused, again, rest

    refused, again, rest = async_to_sync(scenario)()
    assert (refused["type"], refused["code"]) == ("error", "not_allowed")
    assert refused["detail"] == again["detail"] == "Sie sind in diesem Kanal stummgeschaltet."
    assert not [frame for frame in rest if frame["type"] == "error"]
    assert not Message.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status",
    [
        ChannelMembership.Status.REMOVED,
        ChannelMembership.Status.MUTED,
        ChannelMembership.Status.INVITED,
    ],
)
def test_it_stores_nothing_for_a_row_that_may_not_post_even_when_the_socket_says_so(
    team, people, status
):
    _set_status(team, people.member, status)
    with pytest.raises(ChatRefused) as refused:
        services.post_message(channel=team, body="Hallo", acting_user=people.member, may_post=True)
    assert refused.value.code == "not_allowed"
    assert not Message.objects.exists()
    team.refresh_from_db()
    assert team.last_seq == 0


@pytest.mark.django_db
def test_it_refuses_a_closed_channel_without_the_authors_row(team, people):
    ChannelMembership.objects.filter(channel=team, user=people.member).delete()
    with pytest.raises(ChatRefused):
        services.post_message(channel=team, body="Hallo", acting_user=people.member, may_post=True)
    assert not Message.objects.exists()


@pytest.mark.django_db
def test_it_still_lets_a_reader_post_in_an_open_channel_before_their_first_visit(
    client, lobby, people
):
    client.force_login(people.member)
    response = client.post(
        "/api/v1/chat/allgemein/messages/", {"body": "Hallo"}, content_type="application/json"
    )
    assert response.status_code == 201
    assert ChannelMembership.objects.get(channel=lobby, user=people.member).last_read_seq == 1


@pytest.mark.django_db
def test_it_lets_the_other_members_post_on_while_one_is_muted(team, people):
    _set_status(team, people.member, ChannelMembership.Status.MUTED)
    message, created = services.post_message(
        channel=team, body="Ich darf", acting_user=people.admin, may_post=True
    )
    assert (created, message.seq) == (True, 1)


# --- mentions by id over the HTTP API (chat.js's way while its socket is down) ----------------


@pytest.mark.django_db
def test_it_takes_the_chosen_mention_ids_over_http(client, team, people):
    client.force_login(people.member)
    response = client.post(
        "/api/v1/chat/team/messages/",
        {"body": "Hallo @Ada Test", "client_id": "h-1", "mentions": [people.admin.pk]},
        content_type="application/json",
    )
    assert response.status_code == 201
    answer = response.json()
    assert answer["mentions"] == ["ada"]
    assert answer["mentioned"] == [{"id": people.admin.pk, "name": "Ada Test"}]
    assert "<strong>@Ada Test</strong>" in Message.objects.get().body_html


@pytest.mark.django_db
def test_it_drops_ids_of_non_readers_over_http_as_over_the_socket(client, team, people):
    client.force_login(people.member)
    response = client.post(
        "/api/v1/chat/team/messages/",
        {"body": "Hallo", "mentions": [people.elsewhere.pk, 987654]},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["mentioned"] == []


@pytest.mark.django_db
@pytest.mark.parametrize("mentions", ["7", [True], list(range(51)), {"id": 7}])
def test_it_refuses_bad_mention_lists_over_http_with_400(client, team, people, mentions):
    client.force_login(people.member)
    response = client.post(
        "/api/v1/chat/team/messages/",
        {"body": "Hallo", "mentions": mentions},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert not Message.objects.exists()


@pytest.mark.django_db
def test_it_keeps_a_posting_member_in_a_private_channel_membership_row(team, people):
    """ChannelMembershipFactory's rows are active: the statement lets them through."""
    ChannelMembershipFactory(channel=team, user=people.staff)
    message, created = services.post_message(
        channel=team, body="Agentur hier", acting_user=people.staff, may_post=True
    )
    assert created and message.seq == 1
