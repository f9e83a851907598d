"""A connecting socket's admission: one statement for the channel and the person's standing in
it, which must decide as readable_channels does, whoever connects to whichever channel."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.conf import settings
from django.test import Client

from chat import consumers
from chat.models import Channel, ChannelMembership
from chat.permissions import can_read, standing_in
from network import totp, two_factor
from tests.chat.factories import ChannelFactory, ChannelMembershipFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _session(user):
    client = Client()
    client.force_login(user)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    return import_module(settings.SESSION_ENGINE).SessionStore(key)


@pytest.fixture
def channels(people, team, lobby, actor_channel, other_actor):
    """Every kind of channel, with a removed, a muted and an invited row among them."""
    closed = ChannelFactory(slug="anderer-verein", kind=Channel.Kind.ACTOR)
    closed.actors.add(other_actor)
    left = ChannelFactory(slug="weg", kind=Channel.Kind.PUBLIC)
    ChannelMembershipFactory(channel=left, user=people.member, status="removed")
    ChannelMembershipFactory(channel=actor_channel, user=people.member, status="removed")
    ChannelMembershipFactory(channel=lobby, user=people.admin, status="muted")
    ChannelMembershipFactory(channel=team, user=people.staff, status="invited")
    ChannelMembershipFactory(channel=closed, user=people.outsider)  # a row, not a role
    direct = ChannelFactory(slug="direkt", kind=Channel.Kind.DIRECT)
    ChannelMembershipFactory(channel=direct, user=people.elsewhere)
    return [team, lobby, actor_channel, closed, left, direct]


@pytest.mark.parametrize("role", ["outsider", "elsewhere", "member", "admin", "staff", "root"])
def test_it_decides_who_may_read_as_readable_channels_does(people, channels, role):
    user = UserFactory(is_superuser=True) if role == "root" else getattr(people, role)
    for channel in channels:
        user.__dict__.pop("_is_agency_staff", None)
        expected = can_read(user, channel)
        user.__dict__.pop("_is_agency_staff", None)
        standing = standing_in(user, channel.slug)
        assert standing is not None
        assert standing.channel == channel
        assert standing.readable is expected, (role, channel.slug)


def _enrol(user):
    device = two_factor.start_enrolment(acting_user=user)
    secret = two_factor.enrolment_secret(device)
    two_factor.confirm_enrolment(code=totp.code_for(secret, totp.step_at()), acting_user=user)


def test_it_reads_the_row_the_second_factor_and_nothing_for_an_unknown_channel(people, team):
    before = standing_in(people.member, "team")
    _enrol(people.member)
    standing = standing_in(people.member, "team")

    assert standing.status == ChannelMembership.Status.ACTIVE
    assert (before.has_two_factor, standing.has_two_factor) == (False, True)
    assert standing_in(people.member, "gibt-es-nicht") is None
    assert standing_in(people.outsider, "team").status is None


def test_it_admits_a_member_with_a_row_in_three_statements(people, team, django_assert_num_queries):
    """The session, the account, the channel with the standing: a thousand members
    connecting at once wait for these on the sockets' one database thread."""
    session = _session(people.member)

    with django_assert_num_queries(3):
        code, admission = consumers._admission(session, "team")

    assert code == 0
    assert admission.user == people.member
    assert admission.channel == team
    assert admission.muted is False


def test_it_gives_a_reader_without_a_row_one_and_refuses_the_rest_with_their_codes(
    people, team, lobby
):
    code, admission = consumers._admission(_session(people.elsewhere), "allgemein")
    assert admission is not None and admission.muted is False
    refused = consumers._admission(_session(people.outsider), "allgemein")
    private = consumers._admission(_session(people.staff), "team")
    missing = consumers._admission(_session(people.member), "gibt-es-nicht")

    assert code == 0
    assert ChannelMembership.objects.filter(channel=lobby, user=people.elsewhere).exists()
    assert refused == (consumers.NOT_A_MEMBER, None)
    assert private == (consumers.NOT_A_MEMBER, None)
    assert missing == (consumers.NO_SUCH_CHANNEL, None)


def test_it_refuses_an_inactive_account_and_a_missing_second_factor(people, team, settings):
    inactive = _session(people.member)
    people.member.is_active = False
    people.member.save(update_fields=["is_active"])
    settings.REQUIRE_STAFF_TWO_FACTOR = True
    people.admin.is_staff = True
    people.admin.save(update_fields=["is_staff"])

    assert consumers._admission(inactive, "team")[0] in (
        consumers.NOT_SIGNED_IN,
        consumers.NOT_A_MEMBER,
    )
    assert consumers._admission(_session(people.admin), "team") == (consumers.NOT_SIGNED_IN, None)


def test_it_refuses_an_enrolled_session_that_never_gave_the_code(people, team):
    session = _session(people.member)
    _enrol(people.member)

    assert consumers._admission(session, "team") == (consumers.NOT_SIGNED_IN, None)
