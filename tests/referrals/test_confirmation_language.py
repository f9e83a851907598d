"""The confirmation mail speaks the language the person chose to speak, where the portal speaks
it, else the language of the page the form was sent from (issue 18)."""

from __future__ import annotations

import pytest

from referrals.models import OutboxMail
from tests.factories import LanguageFactory
from tests.referrals.helpers import valid_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def languages(db) -> None:
    LanguageFactory(code="uk", name="Ukrainisch", native_name="Українська")
    LanguageFactory(code="ti", name="Tigrinya", native_name="ትግርኛ")


def confirmation() -> OutboxMail:
    return OutboxMail.objects.get(recipients=["amina@example.org"])


def test_it_confirms_in_the_language_the_person_chose(client, units, languages):
    response = client.post("/referral/", valid_form(language="uk"), REMOTE_ADDR="192.0.2.41")

    assert response.status_code == 302
    mail = confirmation()
    assert mail.subject.startswith("Ваше звернення отримано:")
    assert "/uk/referral/status/" in mail.body
    assert "Guten Tag" not in mail.body


def test_it_confirms_in_the_page_language_when_the_portal_does_not_speak_the_chosen_one(
    client, units, languages
):
    response = client.post("/ar/referral/", valid_form(language="ti"), REMOTE_ADDR="192.0.2.42")

    assert response.status_code == 302
    mail = confirmation()
    assert mail.subject.startswith("وصل طلبك:")
    assert "/ar/referral/status/" in mail.body


def test_it_confirms_in_german_from_the_german_page_without_a_chosen_language(client, units):
    response = client.post("/referral/", valid_form(), REMOTE_ADDR="192.0.2.43")

    assert response.status_code == 302
    assert confirmation().body.startswith("Guten Tag,\n")
