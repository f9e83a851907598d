"""The people of the referral tests: one persona per role, and the units they work in.

Units and concern categories come from the migrations: Eingangszone (intake), Ausländerbehörde
(unit A, category "aufenthalt") and Jobcenter (unit B, category "arbeit").
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.apps import apps as django_apps

from network.models import Actor, AgencyUnit, Membership
from network.vocabularies import AGENCY_UNITS
from referrals.categories import load_categories
from referrals.models import ConcernCategory
from tests.factories import ActorFactory, MembershipFactory, UserFactory

PERSONAS = ["anonymous", "outsider", "partner", "staff_a", "staff_b", "intake", "admin"]


@dataclass
class Units:
    intake: AgencyUnit
    a: AgencyUnit
    b: AgencyUnit


@pytest.fixture
def units(db) -> Units:
    """The units and categories the migrations load, restored if a transactional test before
    this one flushed them."""
    for unit in AGENCY_UNITS:
        AgencyUnit.objects.get_or_create(
            slug=unit.slug,
            defaults={"name": unit.name, "email": unit.email, "is_intake": unit.is_intake},
        )
    load_categories(django_apps)
    return Units(
        intake=AgencyUnit.objects.get(slug="eingangszone"),
        a=AgencyUnit.objects.get(slug="auslaenderbehoerde"),
        b=AgencyUnit.objects.get(slug="jobcenter"),
    )


@pytest.fixture
def residence(units) -> ConcernCategory:
    return ConcernCategory.objects.get(slug="aufenthalt")


@pytest.fixture
def work(units) -> ConcernCategory:
    return ConcernCategory.objects.get(slug="arbeit")


@pytest.fixture
def other(units) -> ConcernCategory:
    return ConcernCategory.objects.get(slug="sonstiges")


@pytest.fixture
def partner_actor(db) -> Actor:
    return ActorFactory(name="Lernpaten Alpha", slug="lernpaten-alpha")


@pytest.fixture
def partner(partner_actor):
    user = UserFactory(username="paula", first_name="Paula", last_name="Partner")
    MembershipFactory(user=user, actor=partner_actor, role=Membership.Role.COORDINATOR)
    return user


def _staff(unit: AgencyUnit, username: str, first: str, last: str):
    user = UserFactory(username=username, first_name=first, last_name=last)
    unit.staff.add(user)
    return user


@pytest.fixture
def staff_a(units):
    return _staff(units.a, "anna", "Anna", "Amtmann")


@pytest.fixture
def staff_b(units):
    return _staff(units.b, "bruno", "Bruno", "Berater")


@pytest.fixture
def intake(units):
    return _staff(units.intake, "ines", "Ines", "Eingang")


@pytest.fixture
def admin(db):
    return UserFactory(username="ada", is_superuser=True, is_staff=True)


@pytest.fixture
def personas(outsider, partner, staff_a, staff_b, intake, admin):
    """The user behind each persona name; None for the anonymous visitor."""
    return {
        "anonymous": None,
        "outsider": outsider,
        "partner": partner,
        "staff_a": staff_a,
        "staff_b": staff_b,
        "intake": intake,
        "admin": admin,
    }
