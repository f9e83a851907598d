"""The people, terms and actors of the calendar tests: one person per role and outsiders."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from network.models import Actor, Language, Membership, Municipality, TargetGroup, Topic
from tests.factories import (
    ActorFactory,
    AgencyUnitFactory,
    LanguageFactory,
    LocationFactory,
    MembershipFactory,
    MunicipalityFactory,
    TargetGroupFactory,
    TopicFactory,
    UserFactory,
)


@dataclass
class Terms:
    topic_a: Topic
    topic_b: Topic
    language_a: Language
    language_b: Language
    place_a: Municipality
    place_b: Municipality
    group_a: TargetGroup


@pytest.fixture
def terms(db) -> Terms:
    return Terms(
        topic_a=TopicFactory(slug="test-thema-alpha", name="Testthema Alpha"),
        topic_b=TopicFactory(slug="test-thema-beta", name="Testthema Beta"),
        language_a=LanguageFactory(code="qaa", name="Testsprache A", native_name="Lingua A"),
        language_b=LanguageFactory(code="qab", name="Testsprache B", native_name="Lingua B"),
        place_a=MunicipalityFactory(slug="test-ort-alpha", name="Testort Alpha"),
        place_b=MunicipalityFactory(slug="test-ort-beta", name="Testort Beta"),
        group_a=TargetGroupFactory(slug="test-gruppe-alpha", name="Testgruppe Alpha"),
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
