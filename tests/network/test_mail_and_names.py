"""Issue 24 in the accounts: display names others see refuse bidi controls, line breaks and web
addresses, and the invitation to an address nobody confirmed yet quotes nobody's own words."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from network.invitations import invite
from network.models import Membership
from tests.factories import ActorFactory, AgencyUnitFactory, MembershipFactory, UserFactory
from tests.html import form_data

STRONG = "Wiesen-Weg-2024!"


@pytest.fixture
def actor(db):
    return ActorFactory(name="Willkommen in Zeitz e. V.", slug="willkommen-zeitz")


@pytest.fixture
def owner(actor):
    user = UserFactory(
        username="olga", first_name="WICHTIG: Konto gesperrt", last_name="https://evil.example/pay"
    )
    return MembershipFactory(actor=actor, role=Membership.Role.OWNER, user=user).user


@pytest.fixture
def invitation_mail(owner, actor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(acting_user=owner, actor=actor, email="neu@example.org", role="editor")
    return mail.outbox[-1]


def test_it_invites_in_the_portals_words_without_the_inviters_name(invitation_mail):
    assert invitation_mail.to == ["neu@example.org"]
    text = invitation_mail.subject + invitation_mail.body
    assert "WICHTIG" not in text and "evil.example" not in text
    assert "Willkommen in Zeitz e. V." in invitation_mail.body


@pytest.mark.parametrize(
    "first_name",
    ["Amt \u202eLleiziffo\u202c", "No\u200bra", "Nora\nWICHTIG", "Nora https://evil.example"],
)
def test_it_refuses_display_names_that_read_otherwise(client, invitation_mail, first_name):
    token = re.search(r"/accounts/invitation/([\w-]+)/", invitation_mail.body).group(1)
    response = client.post(
        f"/accounts/invitation/{token}/",
        {"first_name": first_name, "last_name": "Neu", "password1": STRONG, "password2": STRONG},
    )
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="neu@example.org").exists()


@pytest.mark.parametrize("first_name", ["Sven \u202eX", "Sven\u200b", "Sven https://evil.example"])
def test_it_refuses_such_names_on_the_admins_account_page(client, db, first_name):
    staff = UserFactory(username="sven", first_name="Sven", last_name="Steuer")
    AgencyUnitFactory(slug="test-bereich", name="Testbereich").staff.add(staff)
    client.force_login(staff)
    data = form_data(client.get("/admin/account/"), "form#w-editor-form")
    data["name_email-first_name"] = [first_name]
    response = client.post("/admin/account/", data)
    assert response.status_code == 200
    staff.refresh_from_db()
    assert staff.first_name == "Sven"
