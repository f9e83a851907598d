"""Routing rules and reference numbers."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ImproperlyConfigured

from network.models import AgencyUnit
from referrals.models import ConcernCategory
from referrals.reference import ALPHABET, looks_like_reference, new_reference
from referrals.routing import resolve_unit, route
from referrals.services import PersonData, submit_referral
from tests.factories import UserFactory
from tests.referrals.factories import ReferralFactory


def test_it_routes_categories_of_one_unit_there(units):
    UserFactory().agency_units.add(AgencyUnit.objects.get(slug="integrationsberatung"))
    categories = ConcernCategory.objects.filter(slug__in=["sprachkurs", "familie-und-schule"])

    assert route(categories).slug == "integrationsberatung"


def test_it_routes_mixed_or_unruled_categories_to_intake(units, residence, work, other):
    assert route([residence, work]) == units.intake
    assert route([other]) == units.intake
    assert route([]) == units.intake


def test_it_follows_a_rule_changed_by_administrators(units, other, staff_b):
    other.default_unit = units.b
    other.save()

    assert route([other]) == units.b


def test_it_routes_to_the_intake_zone_when_nobody_works_in_the_unit(units, residence):
    UserFactory(is_active=False).agency_units.add(units.a)

    assert resolve_unit(residence) == units.a
    assert route([residence]) == units.intake
    units.a.staff.add(UserFactory())
    assert route([residence]) == units.a


def test_it_says_clearly_when_no_intake_zone_exists(units, other):
    AgencyUnit.objects.filter(is_intake=True).update(is_intake=False)

    with pytest.raises(ImproperlyConfigured, match="intake"):
        route([other])


def test_it_draws_unambiguous_references():
    references = {new_reference() for _ in range(2000)}

    assert len(references) == 2000
    for reference in references:
        assert re.fullmatch(r"MIA-[A-Z0-9]{4}-[A-Z0-9]{2}", reference)
        assert looks_like_reference(reference)
        assert not set(reference[4:].replace("-", "")) & set("01OIL")
    assert set("".join(r[4:] for r in references).replace("-", "")) <= set(ALPHABET)


def test_it_draws_again_when_a_reference_is_taken(monkeypatch, units, other):
    taken = ReferralFactory(unit=units.intake)
    draws = iter([taken.reference, "MIA-2345-67"])
    monkeypatch.setattr("referrals.services.new_reference", lambda: next(draws))
    person = PersonData(
        name="Amina Haddad",
        phone="0157 1234567",
        email="",
        postal_address="",
        language=None,
        interpreter_needed=False,
        categories=[other],
        description="Brief vom Amt.",
        urgency="normal",
    )

    referral = submit_referral(person=person, referring_actor=None, acting_user=None)

    assert referral.reference == "MIA-2345-67"
