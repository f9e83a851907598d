"""The people of the needs tests: two actors, one person per role, and outsiders."""

from __future__ import annotations

import pytest

from network.models import Actor, Membership
from tests.factories import (
    ActorFactory,
    AgencyUnitFactory,
    MembershipFactory,
    UserFactory,
)


@pytest.fixture
def actor_a(db) -> Actor:
    return ActorFactory(name="Lernpaten Alpha", slug="lernpaten-alpha", email="info@alpha.example")


@pytest.fixture
def actor_b(db) -> Actor:
    return ActorFactory(name="Sprachcafé Beta", slug="sprachcafe-beta", email="info@beta.example")


def _member(actor: Actor, role: str, username: str):
    return MembershipFactory(actor=actor, role=role, user=UserFactory(username=username)).user


@pytest.fixture
def owner(actor_a):
    return _member(actor_a, Membership.Role.OWNER, "olga")


@pytest.fixture
def editor(actor_a):
    return _member(actor_a, Membership.Role.EDITOR, "emil")


@pytest.fixture
def coordinator(actor_a):
    return _member(actor_a, Membership.Role.COORDINATOR, "cora")


@pytest.fixture
def editor_b(actor_b):
    return _member(actor_b, Membership.Role.EDITOR, "bernd")


@pytest.fixture
def staff(db):
    user = UserFactory(username="stefan")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(user)
    return user
