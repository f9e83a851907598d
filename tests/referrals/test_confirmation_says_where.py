"""The confirmation says where the concern went; an unstaffed unit's concerns go to intake (#19)."""

from __future__ import annotations

from referrals.models import Referral
from tests.factories import UserFactory
from tests.referrals.helpers import html, valid_form

ADDRESS = "192.0.2.30"


def submit(client, prefix: str = "", **changes):
    response = client.post(f"{prefix}/referral/", valid_form(**changes), REMOTE_ADDR=ADDRESS)
    assert response.status_code == 302
    return client.get(response.url)


def test_it_names_the_unit_the_concern_went_to(client, units, staff_a):
    thanks = html(submit(client, categories=["aufenthalt"]))

    assert Referral.objects.get().unit == units.a
    assert "Ausländerbehörde" in thanks
    assert "Die Eingangszone bringt das Anliegen" not in thanks


def test_it_names_the_unit_in_the_visitors_language(client, units, staff_a):
    thanks = html(submit(client, "/en", categories=["aufenthalt"]))

    assert "went straight to" in thanks
    assert "Ausländerbehörde" in thanks


def test_it_sends_a_concern_for_a_unit_nobody_works_in_to_the_intake_zone(client, units):
    UserFactory(username="ehemalig", is_active=False).agency_units.add(units.a)

    thanks = html(submit(client, categories=["aufenthalt"]))

    assert Referral.objects.get().unit == units.intake
    assert "Die Eingangszone bringt das Anliegen zur richtigen Stelle" in thanks
    assert "Ausländerbehörde" not in thanks
