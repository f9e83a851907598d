"""The referral form is no relay for phishing (issue 24): names are one line without web
addresses, and the confirmation to an address nobody confirmed carries the portal's words only.
"""

from __future__ import annotations

import pytest

from referrals.models import ConcernCategory, OutboxMail, Referral
from referrals.services import PersonData, submit_referral
from tests.referrals.helpers import errors_beside, html, valid_form

PAYLOAD = "PT-Test\r\n\r\nWICHTIG: Ihr Aufenthaltstitel erlischt… https://evil.example/pay"
VICTIM = "opfer@example.org"


@pytest.mark.parametrize(
    "name",
    [
        PAYLOAD,
        "Amina\nHaddad",
        "Amina https://evil.example/pay",
        "Amina www.evil.example",
        "Amina evil.example/pay",
        "Amina kasse@evil.example",
        "Amt \u202eLleiziffo\u202c",
    ],
)
def test_it_refuses_names_over_several_lines_or_with_web_addresses(client, units, name):
    response = client.post(
        "/referral/", valid_form(person_name=name, email=VICTIM), REMOTE_ADDR="192.0.2.31"
    )
    assert response.status_code == 200
    assert errors_beside(html(response), "id_person_name")
    assert not Referral.objects.exists()
    assert not OutboxMail.objects.exists()


@pytest.mark.parametrize("name", ["Amina Haddad", "Dr. Jean-Luc O'Neill", "محمد علي"])
def test_it_accepts_ordinary_names(client, units, name):
    response = client.post("/referral/", valid_form(person_name=name), REMOTE_ADDR="192.0.2.32")
    assert response.status_code == 302
    assert Referral.objects.get().person_name == name


def test_it_confirms_to_the_given_address_with_the_portals_words_only(units):
    """Even a name that reached the service another way is not quoted to the address given."""
    referral = submit_referral(
        person=PersonData(
            name=PAYLOAD,
            phone="",
            email=VICTIM,
            postal_address="",
            language=None,
            interpreter_needed=False,
            categories=[ConcernCategory.objects.get(slug="aufenthalt")],
            description="Bitte überweisen Sie 50 € an https://evil.example/pay",
            urgency="normal",
        ),
        referring_actor=None,
        acting_user=None,
    )
    confirmation = OutboxMail.objects.get(recipients=[VICTIM])
    text = confirmation.subject + confirmation.body
    assert referral.reference in confirmation.subject and referral.reference in confirmation.body
    for attacker_words in ("PT-Test", "WICHTIG", "evil.example", "überweisen"):
        assert attacker_words not in text
    assert confirmation.body.startswith("Guten Tag,\n")
