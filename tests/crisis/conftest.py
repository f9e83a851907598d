from __future__ import annotations

import pytest

from crisis.models import Situation
from demo.crisis import SLUG, load_demo
from network.models import AgencyUnit
from tests.factories import ActorFactory, MembershipFactory, UserFactory


@pytest.fixture
def situation(db) -> Situation:
    """The demo's situation, switched off, as load_demo leaves it."""
    load_demo()
    return Situation.objects.get(slug=SLUG)


@pytest.fixture
def staff(db):
    user = UserFactory(username="ines")
    AgencyUnit.objects.get(slug="eingangszone").staff.add(user)
    return user


@pytest.fixture
def admin(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def editor(db):
    return MembershipFactory(user=UserFactory(username="emil"), actor=ActorFactory()).user
