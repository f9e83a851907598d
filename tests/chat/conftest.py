"""The people and channels of the chat tests: one person per role, a private and a public one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from chat.models import Channel, ChannelMembership
from network.models import Membership
from tests.chat.factories import ChannelFactory, ChannelMembershipFactory
from tests.chat.isolation import isolated_services  # noqa: F401 - autouse fixture
from tests.chat.live_daphne import daphne_url, wait_until_idle
from tests.factories import ActorFactory, AgencyUnitFactory, MembershipFactory, UserFactory


@dataclass
class People:
    outsider: object  # signed in, no role in the network
    elsewhere: object  # member of another actor, not of the team channel
    member: object  # member of the team channel
    admin: object  # admin of the team channel
    staff: object  # agency staff, not in the team channel


def _network_member(username: str, first_name: str):
    user = UserFactory(username=username, first_name=first_name, last_name="Test")
    MembershipFactory(user=user, role=Membership.Role.EDITOR)
    return user


@pytest.fixture
def people(db) -> People:
    staff = UserFactory(username="stefan", first_name="Stefan", last_name="Steuer")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(staff)
    return People(
        outsider=UserFactory(username="otto"),
        elsewhere=_network_member("erik", "Erik"),
        member=_network_member("mia", "Mia"),
        admin=_network_member("ada", "Ada"),
        staff=staff,
    )


@pytest.fixture
def team(people) -> Channel:
    """A private channel of `member` and `admin`."""
    channel = ChannelFactory(slug="team", name="Team", kind=Channel.Kind.PRIVATE)
    ChannelMembershipFactory(channel=channel, user=people.member)
    ChannelMembershipFactory(channel=channel, user=people.admin, role=ChannelMembership.Role.ADMIN)
    return channel


@pytest.fixture
def lobby(people) -> Channel:
    """A public network channel nobody has joined yet."""
    return ChannelFactory(slug="allgemein", name="Allgemein", kind=Channel.Kind.PUBLIC)


@pytest.fixture
def actor_channel(people) -> Channel:
    """The channel of the actor `member` belongs to."""
    channel = ChannelFactory(slug="verein-intern", name="Verein intern", kind=Channel.Kind.ACTOR)
    channel.actors.add(people.member.memberships.get().actor)
    return channel


@pytest.fixture
def other_actor():
    return ActorFactory()


@pytest.fixture
def live_daphne(transactional_db) -> Iterator[str]:
    """Base URL of a daphne that sees this test's committed data."""
    yield daphne_url()
    wait_until_idle()
