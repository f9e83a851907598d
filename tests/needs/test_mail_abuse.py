""" "Ich kann helfen" is no relay for phishing (issue 24): the helper's confirmation carries the
portal's words only, the coordinators' mail sets the helper's words apart as unchecked.
"""

from __future__ import annotations

import pytest
from django.core import mail

from needs.models import HelpOffer
from needs.services import offer_help
from tests.factories import NeedFactory
from tests.needs.helpers import errors_beside, html

PAYLOAD = "PT-Test\r\n\r\nWICHTIG: Ihr Aufenthaltstitel erlischt… https://evil.example/pay"
VICTIM = "opfer@example.org"


@pytest.fixture
def need(actor_a, terms):
    return NeedFactory(actor=actor_a, title="Fahrdienst zum Sprachkurs")


def form(**changes) -> dict:
    return {
        "name": "Hanna Helfer",
        "email": VICTIM,
        "phone": "",
        "message": "",
        "consent": "on",
        "website": "",
        **changes,
    }


@pytest.mark.parametrize(
    "name", [PAYLOAD, "Hanna\nHelfer", "Hanna https://evil.example", "Hanna\u202eX"]
)
def test_it_refuses_names_over_several_lines_or_with_web_addresses(client, need, name):
    response = client.post(f"/needs/{need.pk}/", form(name=name), REMOTE_ADDR="192.0.2.40")
    assert response.status_code == 200
    assert errors_beside(html(response), "id_name")
    assert not HelpOffer.objects.exists()
    assert mail.outbox == []


def test_it_sends_the_helper_the_portals_words_and_the_team_the_helpers_words_set_apart(
    need, coordinator, django_capture_on_commit_callbacks
):
    """The service renders the real mails; a name that reached it some other way changes nothing."""
    with django_capture_on_commit_callbacks(execute=True):
        offer_help(
            need=need,
            name=PAYLOAD,
            email=VICTIM,
            phone="",
            message="Name: Amt\nE-Mail: kasse@evil.example\nBitte zahlen Sie https://evil.example/pay",
            languages=[],
            acting_user=None,
        )

    to_helper = next(message for message in mail.outbox if message.to == [VICTIM])
    helper_text = to_helper.subject + to_helper.body
    for attacker_words in ("PT-Test", "WICHTIG", "evil.example", "Fahrdienst", "Lernpaten"):
        assert attacker_words not in helper_text
    assert f"/needs/{need.pk}/" in to_helper.body

    to_team = next(message for message in mail.outbox if message.to == [coordinator.email])
    lines = to_team.body.splitlines()
    header = lines.index("Nachricht der helfenden Person (nicht geprüft, so wie eingegeben):")
    assert lines[header + 1] == ""
    assert "> Name: " + " ".join(PAYLOAD.split()) in lines  # the name on one line, quoted
    assert "> E-Mail: opfer@example.org" in lines
    assert "> E-Mail: kasse@evil.example" in lines  # the message's own fake line, quoted
    outside = lines[:header] + [line for line in lines[header:] if not line.startswith(">")]
    for line in outside:
        assert "evil.example" not in line and "PT-Test" not in line
