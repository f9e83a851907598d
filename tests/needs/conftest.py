"""The people and terms of the needs tests: two actors, one person per role, and outsiders."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from network.models import Actor, Language, Membership, Municipality, Topic
from tests.factories import (
    ActorFactory,
    AgencyUnitFactory,
    LanguageFactory,
    MembershipFactory,
    MunicipalityFactory,
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


@pytest.fixture
def terms(db) -> Terms:
    return Terms(
        topic_a=TopicFactory(slug="test-thema-alpha", name="Testthema Alpha"),
        topic_b=TopicFactory(slug="test-thema-beta", name="Testthema Beta"),
        language_a=LanguageFactory(code="qaa", name="Testsprache A", native_name="Lingua A"),
        language_b=LanguageFactory(code="qab", name="Testsprache B", native_name="Lingua B"),
        place_a=MunicipalityFactory(slug="test-ort-alpha", name="Testort Alpha"),
        place_b=MunicipalityFactory(slug="test-ort-beta", name="Testort Beta"),
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
