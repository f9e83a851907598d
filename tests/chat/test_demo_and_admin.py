"""The demo chat, and the channels in the Wagtail admin for agency staff."""

from __future__ import annotations

import random

import pytest
from django.conf import settings

from chat.models import Channel, Message
from chat.permissions import readable_channels
from demo.chat import load_demo
from demo.network.accounts import ACCOUNTS, ensure_accounts
from demo.network.curated import COORDINATOR_ACTOR_SLUG, EDITOR_ACTOR_SLUG
from network.models import AgencyUnit
from tests.factories import ActorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_accounts(db):
    ActorFactory(slug=COORDINATOR_ACTOR_SLUG, name="Ehrenamtliche Lernpaten Hohenmölsen")
    ActorFactory(slug=EDITOR_ACTOR_SLUG, name="Sprachcafé Weißenfels")
    for account in ACCOUNTS:
        if account.agency_unit:
            AgencyUnit.objects.get_or_create(
                slug=account.agency_unit, defaults={"name": account.agency_unit.title()}
            )
    assert ensure_accounts(settings.DEMO_PASSWORD) == []


def test_it_puts_every_demo_account_into_allgemein(demo_accounts):
    written = load_demo(random.Random(2026))

    assert written == Message.objects.count() > 10
    general = Channel.objects.get(slug="allgemein")
    assert general.kind == Channel.Kind.PUBLIC
    members = set(general.memberships.values_list("user__username", flat=True))
    assert members == {account.username for account in ACCOUNTS}
    for user in general.memberships.values_list("user", flat=True):
        assert readable_channels(UserFactory.build(pk=user)).filter(slug="allgemein").exists()


def test_it_creates_every_kind_of_channel_with_gapless_ids(demo_accounts):
    load_demo(random.Random(2026))

    kinds = set(Channel.objects.values_list("kind", flat=True))
    assert kinds == {Channel.Kind.PUBLIC, Channel.Kind.ACTOR, Channel.Kind.DIRECT}
    assert Channel.objects.filter(kind=Channel.Kind.PUBLIC).exclude(topic=None).exists()
    assert Channel.objects.filter(kind=Channel.Kind.PUBLIC).exclude(municipality=None).exists()
    for channel in Channel.objects.all():
        seqs = list(channel.messages.order_by("seq").values_list("seq", flat=True))
        assert seqs == list(range(1, channel.last_seq + 1)) and seqs


def test_it_adds_nothing_when_chat_data_exists(demo_accounts):
    load_demo(random.Random(2026))
    count = Message.objects.count()

    assert load_demo(random.Random(2026)) == 0
    assert Message.objects.count() == count


def test_it_keeps_channels_in_the_admin_from_staff_and_members(client, people, lobby):
    """Only administrators manage channels (tests/chat/test_admin_channels.py)."""
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Agentur")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for user in (people.staff, people.member):
        user.is_staff = True
        user.save()
        user.groups.add(group)
        client.force_login(user)
        assert client.get("/admin/snippets/chat/channel/").status_code in {302, 403}
        edit = f"/admin/snippets/chat/channel/edit/{lobby.pk}/"
        assert client.get(edit).status_code in {302, 403}
