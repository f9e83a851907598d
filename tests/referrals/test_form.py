"""The public form: routing, the referring actor, the confirmation, and every refusal."""

from __future__ import annotations

import pytest
from django.core import mail

from network.models import AuditEntry, Membership
from referrals.models import Referral, ReferralEvent, Status
from referrals.reference import looks_like_reference
from referrals.views import SESSION_KEY
from tests.factories import ActorFactory, LanguageFactory, MembershipFactory
from tests.html import select
from tests.referrals.helpers import errors_beside, html, valid_form

ADDRESS = "192.0.2.20"


def submit(client, *, address=ADDRESS, **changes):
    return client.post("/referral/", valid_form(**changes), REMOTE_ADDR=address)


# --- success ---------------------------------------------------------------------------------


def test_it_stores_the_referral_and_shows_the_reference_without_personal_data_in_the_url(
    client, units, residence
):
    response = submit(client)

    assert response.status_code == 302
    assert response.url == "/referral/thanks/"
    referral = Referral.objects.get()
    assert looks_like_reference(referral.reference)
    assert (referral.person_name, referral.phone, referral.status) == (
        "Amina Haddad",
        "0157 1234567",
        Status.RECEIVED,
    )
    assert list(referral.categories.all()) == [residence]
    assert referral.consent_at is not None
    thanks = client.get(response.url)
    assert referral.reference in html(thanks)
    assert "Amina" not in html(thanks)


def test_it_routes_a_referral_by_its_category_to_the_unit(client, units, staff_a):
    submit(client, categories=["aufenthalt"])

    assert Referral.objects.get().unit == units.a


@pytest.mark.parametrize(
    "categories", [["aufenthalt", "arbeit"], ["sonstiges"], ["gesundheit", "aufenthalt"]]
)
def test_it_sends_what_fits_no_single_unit_to_intake(client, units, categories):
    submit(client, categories=categories)

    referral = Referral.objects.get()
    assert referral.unit == units.intake
    assert referral.events.get().kind == ReferralEvent.Kind.RECEIVED


def test_it_records_the_referring_actor_of_a_signed_in_partner(client, partner, partner_actor):
    client.force_login(partner)

    submit(client, referring_actor=partner_actor.pk)

    referral = Referral.objects.get()
    assert (referral.referring_actor, referral.submitted_by) == (partner_actor, partner)
    assert AuditEntry.objects.get(action="referral.submitted").actor == partner_actor


def test_it_lets_a_partner_of_several_actors_choose_and_refuses_foreign_actors(
    client, partner, partner_actor
):
    second = ActorFactory(name="Sprachcafé Beta")
    MembershipFactory(user=partner, actor=second, role=Membership.Role.EDITOR)
    foreign = ActorFactory(name="Fremder Verein")
    client.force_login(partner)

    page = html(client.get("/referral/"))
    refused = submit(client, referring_actor=foreign.pk)
    submit(client, referring_actor=second.pk)

    assert "Sprachcafé Beta" in page and "Fremder Verein" not in page
    assert errors_beside(html(refused), "id_referring_actor")
    assert Referral.objects.get().referring_actor == second


def test_it_asks_the_public_for_no_referring_actor(client, units):
    page = html(client.get("/referral/"))

    assert 'name="referring_actor"' not in page
    assert submit(client).status_code == 302
    assert Referral.objects.get().referring_actor is None


def test_it_prefills_category_and_language_from_the_wayfinder_link(client, units):
    LanguageFactory(code="qaa", name="Testsprache")

    page = html(client.get("/referral/?category=wohnen&language=qaa"))

    checked = select(page, 'input[type="checkbox"][name="categories"][checked]')
    assert [box["value"] for box in checked] == ["wohnen"]
    assert '<option value="qaa" selected>' in page


def test_it_shows_the_privacy_notice_beside_the_consent(client, settings, units):
    settings.REFERRAL_RETENTION_DAYS = 90

    page = html(client.get("/referral/"))

    assert 'id="privacy-title"' in page
    assert "90 Tage nach Abschluss gelöscht" in page
    assert "Auskunft" in page and "Wer sieht die Angaben?" in page


# --- refusals --------------------------------------------------------------------------------


def test_it_requires_one_way_to_reach_the_person_beside_each_contact_field(client, units):
    response = submit(client, phone="", email="", postal_address="")

    page = html(response)
    message = "Bitte geben Sie Telefon, E-Mail oder Postanschrift an – eins genügt."
    for field in ("id_phone", "id_email", "id_postal_address"):
        assert errors_beside(page, field) == [message]
    assert 'value="Amina Haddad"' in page
    assert not Referral.objects.exists()


def test_it_requires_consent_and_keeps_what_was_typed(client, units):
    data = valid_form(description="Bitte Rückruf am Vormittag.")
    del data["consent"]

    response = client.post("/referral/", data, REMOTE_ADDR=ADDRESS)

    page = html(response)
    assert errors_beside(page, "id_consent") == [
        "Ohne die Einwilligung dürfen wir das Anliegen nicht bearbeiten."
    ]
    assert "Bitte Rückruf am Vormittag." in page
    assert not Referral.objects.exists()


def test_it_requires_a_category(client, units):
    response = submit(client, categories=[])

    assert errors_beside(html(response), "id_categories") == [
        "Bitte wählen Sie mindestens ein Anliegen."
    ]


OVERSIZED = {
    "person_name": "N" * 201,
    "phone": "0" * 41,
    "email": "a" * 250 + "@example.org",
    "postal_address": "Straße 1\n" * 60,
    "description": "x" * 3001,
    "file_number": "A" * 41,
    "referring_actor": "999999",
}
MALICIOUS = {
    "person_name": "<script>alert(1)</script>",
    "phone": "<img src=x onerror=alert(1)>",
    "email": "a@b.c<script>",
    "postal_address": '<a href="javascript:alert(1)">Hier</a>',
    "language": "<svg/onload=alert(1)>",
    "categories": ["<script>"],
    "description": "Hallo <iframe src=//evil.example></iframe>",
    "urgency": "<b>sofort</b>",
    "date_of_birth": "<script>1990</script>",
    "file_number": "AZ<script>",
    "referring_actor": "<script>",
}


@pytest.mark.parametrize(
    ("field", "value"),
    [*OVERSIZED.items(), *MALICIOUS.items()],
    ids=[f"oversized-{name}" for name in OVERSIZED] + [f"malicious-{name}" for name in MALICIOUS],
)
def test_it_rejects_oversized_and_malicious_input_beside_the_field(
    client, partner, partner_actor, units, field, value
):
    client.force_login(partner)
    changes = {"referring_actor": partner_actor.pk, field: value}

    response = submit(client, **changes)

    page = html(response)
    assert response.status_code == 200
    errors = errors_beside(page, f"id_{field}")
    assert errors, f"no message beside {field}"
    assert all(error.strip() for error in errors)
    assert "<script>" not in page.split('id="main"')[1].replace("&lt;script&gt;", "")
    assert not Referral.objects.exists()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2999-01-01", "Das Geburtsdatum darf nicht in der Zukunft liegen."),
        ("1850-01-01", "Bitte ein Geburtsdatum nach 1900 angeben."),
    ],
)
def test_it_refuses_impossible_dates_of_birth(client, units, value, message):
    response = submit(client, date_of_birth=value)

    assert errors_beside(html(response), "id_date_of_birth") == [message]


def test_it_drops_what_a_bot_puts_in_the_trap_and_looks_successful(client, units):
    response = submit(client, website="http://spam.example")

    assert response.status_code == 302
    assert not Referral.objects.exists()
    assert SESSION_KEY not in client.session
    assert mail.outbox == []


def test_it_refuses_more_referrals_per_address_with_a_readable_page(client, settings, units):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "referral": "2/h"}
    submit(client)
    submit(client)

    refused = submit(client)
    other_address = submit(client, address="192.0.2.99")

    assert refused.status_code == 429
    assert "Zu viele Anfragen" in html(refused)
    assert other_address.status_code == 302
    assert Referral.objects.count() == 3
