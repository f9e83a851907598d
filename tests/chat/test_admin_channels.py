"""Channels in the Wagtail admin: administrators only, private histories stay private (issue 19)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission

from chat.models import Channel
from tests.chat.factories import MessageFactory

pytestmark = pytest.mark.django_db

LISTING = "/admin/snippets/chat/channel/"


def _with_admin_access(user):
    """Unit staff as a production install lets them in: the admin's access permission."""
    user.is_staff = True
    user.save()
    group, _ = Group.objects.get_or_create(name="Admin-Zugang")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


@pytest.fixture
def root(db):
    from tests.factories import UserFactory

    return UserFactory(username="root", is_superuser=True, is_staff=True)


def test_it_keeps_unit_staff_out_of_every_channel_in_the_admin(client, people, team, lobby):
    client.force_login(_with_admin_access(people.staff))

    assert client.get(LISTING).status_code in {302, 403}
    for channel in (team, lobby):
        assert client.get(f"{LISTING}edit/{channel.pk}/").status_code in {302, 403}
    answer = client.post(
        f"{LISTING}edit/{team.pk}/", {"name": team.name, "slug": team.slug, "kind": "public"}
    )
    assert answer.status_code in {302, 403}
    team.refresh_from_db()
    assert team.kind == Channel.Kind.PRIVATE


def test_it_lets_administrators_list_private_channels_without_their_messages(
    client, root, team, lobby
):
    MessageFactory(channel=team, body="Vertraulich: Termin beim Amt")
    client.force_login(root)

    listing = client.get(LISTING).content.decode()
    assert "Team" in listing and "Allgemein" in listing
    edit = client.get(f"{LISTING}edit/{team.pk}/").content.decode()
    assert "Vertraulich" not in edit


def test_it_refuses_to_turn_a_private_channel_public_even_for_administrators(client, root, team):
    client.force_login(root)

    client.post(
        f"{LISTING}edit/{team.pk}/",
        {"name": "Team", "slug": "team", "description": "", "kind": "public"},
    )

    team.refresh_from_db()
    assert team.kind == Channel.Kind.PRIVATE


def test_it_creates_only_open_kinds_of_channel_in_the_admin(client, root):
    client.force_login(root)

    client.post(f"{LISTING}add/", {"name": "Geheim", "slug": "geheim", "kind": "private"})
    client.post(f"{LISTING}add/", {"name": "Offen", "slug": "offen", "kind": "public"})

    assert set(Channel.objects.values_list("slug", "kind")) == {("offen", "public")}
