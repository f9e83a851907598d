"""Nobody is pulled into a private channel without consent, and no name can pass for another.

Issue 24: invitations wait for the invitee's answer, invited people read nothing and get no
mention mail, moderation cannot turn an invitation into membership, names refuse bidi
controls and invisible characters.
"""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.core import mail

from chat import services
from chat.frames import message_frame
from chat.models import Channel
from network.models import AuditEntry
from tests.chat.factories import MessageFactory
from tests.chat.sockets import close_code, joined, next_frame, open_socket
from tests.factories import ActorFactory

RLO_NAME = "Amt \u202eLleiziffo\u202c"


@pytest.fixture
def invited(people, team):
    """Erik, invited into "team" by its admin and not yet answering."""
    services.invite(channel=team, user=people.elsewhere, acting_user=people.admin)
    return people.elsewhere


@pytest.mark.django_db
def test_it_shows_the_invited_nothing_of_the_channel_before_they_accept(
    client, people, team, invited
):
    MessageFactory(channel=team, author=people.admin, body="Nur für Mitglieder")
    client.force_login(invited)
    assert client.get("/chat/team/").status_code == 404
    assert client.get("/api/v1/chat/team/messages/").status_code == 404
    assert [row["slug"] for row in client.get("/api/v1/chat/channels/").json()] == []
    page = client.get("/chat/").content.decode()
    assert "Nur für Mitglieder" not in page
    assert "„Team“, eingeladen von Ada Test" in page
    assert "/chat/team/invitation/accept/" in page


@pytest.mark.django_db(transaction=True)
def test_it_closes_the_socket_of_someone_only_invited(people, team, invited):
    async def scenario():
        socket = await open_socket("team", invited)
        await socket.connect(timeout=3)
        return await close_code(socket)

    assert async_to_sync(scenario)() == 4403


@pytest.mark.django_db
def test_it_lets_the_invited_accept_and_then_read(client, people, team, invited):
    MessageFactory(channel=team, author=people.admin, body="Willkommen")
    client.force_login(invited)
    response = client.post("/chat/team/invitation/accept/")
    assert response["Location"] == "/chat/team/"
    assert "Willkommen" in client.get("/chat/team/").content.decode()
    assert team.memberships.get(user=invited).status == "active"
    assert AuditEntry.objects.filter(action="chat.invitation_accepted", user=invited).exists()


@pytest.mark.django_db
def test_it_lets_the_invited_decline(client, people, team, invited):
    client.force_login(invited)
    assert client.post("/chat/team/invitation/decline/")["Location"] == "/chat/"
    assert not team.memberships.filter(user=invited).exists()
    assert client.get("/chat/team/").status_code == 404
    assert client.post("/chat/team/invitation/accept/").status_code == 404


@pytest.mark.django_db
def test_it_answers_404_to_answers_without_an_invitation(client, people, team):
    client.force_login(people.elsewhere)
    assert client.post("/chat/team/invitation/accept/").status_code == 404
    assert client.post("/chat/gibt-es-nicht/invitation/accept/").status_code == 404
    assert not team.memberships.filter(user=people.elsewhere).exists()


@pytest.mark.django_db
def test_it_shows_waiting_invitations_on_the_dashboard(client, people, team, invited):
    client.force_login(invited)
    page = client.get("/my/").content.decode()
    assert "1 Einladung in einen Kanal wartet auf Ihre Antwort" in page


@pytest.mark.django_db
def test_it_mails_no_one_who_is_only_invited_when_mentioned(
    people, team, invited, django_capture_on_commit_callbacks
):
    invited.email = "erik@example.org"
    invited.save()
    with django_capture_on_commit_callbacks(execute=True):
        message, _created = services.post_message(
            channel=team, body="Hallo @erik", acting_user=people.admin
        )
    assert list(message.mentions.all()) == []
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_it_tells_the_invitees_open_sockets_about_the_invitation(people, team, lobby):
    async def scenario():
        erik = await joined("allgemein", people.elsewhere)
        await sync_to_async(services.invite)(
            channel=team, user=people.elsewhere, acting_user=people.admin
        )
        frame = await next_frame(erik, "invitation")
        await erik.disconnect()
        return frame

    frame = async_to_sync(scenario)()
    assert frame == {
        "type": "invitation",
        "channel": "team",
        "channel_name": "Team",
        "by": "ada",
        "by_name": "Ada Test",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["mute", "unmute"])
def test_it_lets_no_moderator_turn_an_invitation_into_membership(
    client, people, team, invited, action
):
    client.force_login(people.admin)
    client.post(f"/chat/team/members/erik/{action}/")
    assert team.memberships.get(user=invited).status == "invited"
    with pytest.raises(services.ChatRefused):
        services.set_member_status(
            channel=team, user=people.outsider, status="active", acting_user=people.admin
        )
    assert not team.memberships.filter(user=people.outsider).exists()


@pytest.mark.django_db
def test_it_lets_the_admin_withdraw_an_invitation(client, people, team, invited):
    client.force_login(people.admin)
    assert "Einladung zurückziehen" in client.get("/chat/team/").content.decode()
    client.post("/chat/team/members/erik/remove/")
    assert team.memberships.get(user=invited).status == "removed"
    client.post("/chat/team/members/erik/unmute/")
    assert team.memberships.get(user=invited).status == "removed"


@pytest.mark.django_db
def test_it_invites_a_removed_member_back_only_with_their_consent(people, team):
    services.set_member_status(
        channel=team, user=people.member, status="removed", acting_user=people.admin
    )
    services.invite(channel=team, user=people.member, acting_user=people.admin)
    assert team.memberships.get(user=people.member).status == "invited"


# --- names that read otherwise -------------------------------------------------------------

INVISIBLE_NAMES = [
    RLO_NAME,
    "Amt\u2066 X\u2069",
    "Team\u200b",
    "\ufeffTeam",
    "A\u200eB",
    "A\u061cB",
    "A\u2060B",
]


@pytest.mark.django_db
@pytest.mark.parametrize("name", INVISIBLE_NAMES)
def test_it_refuses_channel_names_with_bidi_controls_or_invisible_characters(client, people, name):
    client.force_login(people.member)
    response = client.post("/chat/private/", {"name": name})
    assert response.status_code == 400
    assert "unsichtbare Steuerzeichen" in response.content.decode()
    with pytest.raises(services.ChatRefused):
        services.create_private_channel(name=name, members=[], acting_user=people.member)
    assert not Channel.objects.exists()


@pytest.mark.django_db
def test_it_refuses_invisible_characters_in_actor_channel_names(client, people):
    client.force_login(people.staff)
    response = client.post("/chat/new/", {"name": RLO_NAME, "actors": [ActorFactory().pk]})
    assert response.status_code == 400
    assert not Channel.objects.exists()


@pytest.mark.django_db
def test_it_shows_names_saved_earlier_without_their_controls(people, team):
    people.admin.first_name = "Ad\u202ea"
    people.admin.save()
    message = MessageFactory(channel=team, author=people.admin)
    assert message_frame(message, team)["author_name"] == "Ada Test"
