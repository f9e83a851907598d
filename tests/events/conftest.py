"""The people and actors of the calendar tests: one person per role and outsiders."""

from __future__ import annotations

import pytest

from network.models import Actor, Membership
from tests.factories import (
    ActorFactory,
    AgencyUnitFactory,
    LocationFactory,
    MembershipFactory,
    UserFactory,
)


@pytest.fixture
def actor(db) -> Actor:
    actor = ActorFactory(
        name="Sprachcafé Alpha", slug="sprachcafe-alpha", email="info@alpha.example"
    )
    LocationFactory(actor=actor, name="Begegnungsstätte", street="Markt 2", postcode="06667")
    return actor


@pytest.fixture
def other_actor(db) -> Actor:
    return ActorFactory(name="Lernpaten Beta", slug="lernpaten-beta")


def _member(actor: Actor, role: str, username: str):
    return MembershipFactory(
        actor=actor, role=role, user=UserFactory(username=username, email=f"{username}@example.org")
    ).user


@pytest.fixture
def owner(actor):
    return _member(actor, Membership.Role.OWNER, "olga")


@pytest.fixture
def editor(actor):
    return _member(actor, Membership.Role.EDITOR, "emil")


@pytest.fixture
def other_editor(other_actor):
    return _member(other_actor, Membership.Role.EDITOR, "bernd")


@pytest.fixture
def staff(db):
    user = UserFactory(username="stefan", email="stefan@example.org")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(user)
    return user


@pytest.fixture
def admin(db):
    return UserFactory(username="ada", is_superuser=True, is_staff=True)
