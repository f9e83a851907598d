"""The chat pages: readable without JavaScript, forms to start conversations, moderation."""

from __future__ import annotations

import pytest

from chat.models import Channel, ChannelMembership
from network.models import AuditEntry
from tests.chat.factories import MessageFactory
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


def test_it_renders_the_latest_messages_into_the_page(client, people, team):
    MessageFactory(channel=team, author=people.admin, body="Treffen um 18 Uhr <b>hier</b>")
    removed = MessageFactory(channel=team, author=people.admin, body="Geheim")
    removed.removed_by = people.admin
    removed.removed_at = removed.sent_at
    removed.save()
    client.force_login(people.member)
    page = client.get("/chat/team/").content.decode()
    assert "Treffen um 18 Uhr &lt;b&gt;hier&lt;/b&gt;" in page
    assert "Geheim" not in page and "Nachricht entfernt" in page
    assert 'data-socket="/ws/chat/team/"' in page
    assert 'data-history="/api/v1/chat/team/messages/"' in page
    assert "chat/chat.js" in page


def test_it_lists_channels_with_unread_counts_and_public_ones_to_join(client, people, team, lobby):
    MessageFactory(channel=team, author=people.admin)
    client.force_login(people.member)
    page = client.get("/chat/").content.decode()
    assert "1 ungelesen" in page
    assert "Offene Kanäle zum Mitmachen" in page and "/chat/allgemein/" in page


def test_it_opens_one_direct_conversation_between_two_members(client, people):
    client.force_login(people.member)
    first = client.post("/chat/direct/", {"username": "@ada"})
    again = client.post("/chat/direct/", {"username": "ada"})
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    direct = Channel.objects.get(kind=Channel.Kind.DIRECT)
    assert set(direct.memberships.values_list("user__username", flat=True)) == {"mia", "ada"}


def test_it_refuses_direct_conversations_with_people_outside_the_network(client, people):
    client.force_login(people.member)
    response = client.post("/chat/direct/", {"username": "otto"})
    assert response.status_code == 400
    assert not Channel.objects.exists()


def test_it_lets_agency_staff_open_a_channel_with_actors(client, people):
    first, second = ActorFactory(), ActorFactory()
    client.force_login(people.staff)
    response = client.post(
        "/chat/new/", {"name": "Netzwerk Zeitz", "actors": [first.pk, second.pk]}
    )
    channel = Channel.objects.get(kind=Channel.Kind.ACTOR)
    assert response["Location"] == f"/chat/{channel.slug}/"
    assert set(channel.actors.all()) == {first, second}
    assert AuditEntry.objects.filter(action="chat.channel_opened").exists()


def test_it_hides_opening_actor_channels_from_members(client, people):
    client.force_login(people.member)
    response = client.post("/chat/new/", {"name": "x", "actors": [ActorFactory().pk]})
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("action", "status"),
    [("mute", "muted"), ("remove", "removed")],
)
def test_it_lets_channel_admins_mute_and_remove_members(client, people, team, action, status):
    client.force_login(people.admin)
    response = client.post(f"/chat/team/members/mia/{action}/")
    assert response.status_code == 302
    membership = ChannelMembership.objects.get(channel=team, user=people.member)
    assert membership.status == status
    assert AuditEntry.objects.get(action=f"chat.member_{status}").user == people.admin


def test_it_hides_moderation_from_plain_members(client, people, team):
    client.force_login(people.member)
    assert client.post("/chat/team/members/ada/remove/").status_code == 404
    assert ChannelMembership.objects.get(user=people.admin).status == "active"


def test_it_shows_unread_messages_on_the_dashboard(client, people, team):
    MessageFactory(channel=team, author=people.admin)
    client.force_login(people.member)
    page = client.get("/my/").content.decode()
    assert "/chat/team/" in page and "1 ungelesen" in page


def test_it_lets_members_open_a_private_channel_and_invite_into_it(client, people):
    client.force_login(people.member)
    response = client.post("/chat/private/", {"name": "Fahrdienst", "usernames": "ada, @erik"})
    channel = Channel.objects.get(kind=Channel.Kind.PRIVATE)
    assert response["Location"] == f"/chat/{channel.slug}/"
    rows = {
        username: (role, status)
        for username, role, status in channel.memberships.values_list(
            "user__username", "role", "status"
        )
    }
    assert rows == {
        "mia": ("admin", "active"),
        "ada": ("member", "invited"),
        "erik": ("member", "invited"),
    }

    assert client.post(f"/chat/{channel.slug}/invite/", {"username": "stefan"}).status_code == 302
    assert channel.memberships.get(user=people.staff).status == "invited"
    assert AuditEntry.objects.filter(action="chat.member_invited").count() == 3


def test_it_lets_only_admins_of_a_private_channel_invite(client, people, team):
    client.force_login(people.member)
    response = client.post("/chat/team/invite/", {"username": "erik"})
    assert response.status_code == 400
    assert not team.memberships.filter(user=people.elsewhere).exists()


def test_it_answers_alike_for_unknown_people_and_people_who_may_not_be_invited(client, people):
    """No oracle for usernames: "niemand" does not exist, "otto" exists outside the network."""
    client.force_login(people.member)
    answers = []
    for name in ("niemand", "otto"):
        response = client.post("/chat/private/", {"name": "X", "usernames": name}, follow=True)
        page = response.content.decode()
        answers.append((response.status_code, "gibt es im Netzwerk nicht" in page, name in page))
        assert "Die Einladung gilt für alle genannten Personen" in page
    assert answers[0] == answers[1] == (200, False, False)
    assert not ChannelMembership.objects.filter(user=people.outsider).exists()


def test_it_answers_alike_for_unknown_and_unreachable_people_in_the_direct_form(client, people):
    client.force_login(people.member)
    unknown = client.post("/chat/direct/", {"username": "niemand"})
    outsider = client.post("/chat/direct/", {"username": "otto"})
    assert unknown.status_code == outsider.status_code == 400
    assert "Mit „niemand“ können Sie hier keine Unterhaltung beginnen." in unknown.content.decode()
    assert "Mit „otto“ können Sie hier keine Unterhaltung beginnen." in outsider.content.decode()
