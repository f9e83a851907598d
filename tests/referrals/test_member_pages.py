"""The referring partner's view: status and outcome of what its actors sent, nothing more."""

from __future__ import annotations

import pytest

from referrals.models import Outcome, ReferralEvent, Status
from tests.factories import ActorFactory, MembershipFactory, UserFactory
from tests.referrals.conftest import PERSONAS
from tests.referrals.factories import ReferralFactory
from tests.referrals.helpers import html

NOTE = "Vertraulich: Person hat Angst vor der Abschiebung."


@pytest.fixture
def sent(partner_actor, units, residence, staff_a):
    partner_of_outcome = ActorFactory(name="Beratungsstelle Gamma")
    referral = ReferralFactory(
        unit=units.a,
        categories=[residence],
        referring_actor=partner_actor,
        status=Status.CLOSED,
        outcome=Outcome.REFERRED,
        outcome_partner=partner_of_outcome,
        assignee=staff_a,
        person_name="Amina Haddad",
        closed_at="2026-11-20T10:00:00+01:00",
    )
    ReferralEvent.objects.create(referral=referral, kind="note", by=staff_a, note=NOTE)
    return referral


@pytest.mark.parametrize("name", PERSONAS)
def test_it_shows_the_list_to_signed_in_people_with_their_own_referrals_only(
    client, personas, sent, name
):
    if personas[name]:
        client.force_login(personas[name])

    response = client.get("/my/referrals/")

    if name == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response.url
        return
    assert response.status_code == 200
    assert (sent.reference in html(response)) == (name == "partner")


def test_it_shows_status_outcome_and_unit_but_never_notes_names_or_staff(client, partner, sent):
    client.force_login(partner)

    page = html(client.get("/my/referrals/"))

    assert sent.reference in page
    assert "abgeschlossen" in page
    assert "an Partner vermittelt (Beratungsstelle Gamma)" in page
    assert "Ausländerbehörde" in page
    for hidden in (NOTE, "Amina", "0157", "Anna", "Amtmann"):
        assert hidden not in page


def test_it_shows_the_outcome_on_the_partners_dashboard_without_notes(client, partner, sent):
    client.force_login(partner)

    page = html(client.get("/my/"))

    assert sent.reference in page and "an Partner vermittelt" in page
    assert NOTE not in page and "Amina" not in page


def test_it_shows_another_actors_member_nothing(client, sent):
    stranger = UserFactory(username="sven")
    MembershipFactory(user=stranger, actor=ActorFactory(), role="editor")
    client.force_login(stranger)

    assert sent.reference not in html(client.get("/my/referrals/"))


def test_it_shows_staff_their_inbox_counts_on_the_dashboard(client, staff_a, sent, units):
    ReferralFactory(unit=units.a)
    client.force_login(staff_a)

    page = html(client.get("/my/"))

    assert "Ausländerbehörde" in page and "1 offen" in page
    assert "/agency/referrals/" in page
