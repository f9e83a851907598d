""" "Ich kann helfen": validation beside the fields, consent, the bot trap, the rate limit, mail."""

from __future__ import annotations

import pytest
from django.core import mail

from needs.models import HelpOffer
from network.models import AuditEntry, Membership
from tests.factories import MembershipFactory, NeedFactory, UserFactory
from tests.html import form_data, one
from tests.needs.helpers import errors_beside, html

ADDRESS = "192.0.2.10"


@pytest.fixture
def need(actor_a, terms):
    return NeedFactory(actor=actor_a, title="Fahrdienst zum Sprachkurs")


def valid(**changes) -> dict:
    return {
        "name": "Hanna Helfer",
        "email": "hanna@example.org",
        "phone": "",
        "message": "Ich habe dienstags Zeit.",
        "consent": "on",
        "website": "",
        **changes,
    }


def offer_help(client, need, *, address=ADDRESS, **changes):
    return client.post(f"/needs/{need.pk}/", valid(**changes), REMOTE_ADDR=address)


# --- success ---------------------------------------------------------------------------------


def test_it_stores_the_offer_and_thanks_the_helper(client, need, terms):
    response = offer_help(client, need, languages=[terms.language_a.pk])

    assert response.status_code == 302
    assert response.url == f"/needs/{need.pk}/thanks/"
    offer = HelpOffer.objects.get()
    assert (offer.need, offer.name, offer.email, offer.status) == (
        need,
        "Hanna Helfer",
        "hanna@example.org",
        HelpOffer.Status.NEW,
    )
    assert offer.consent is True
    assert list(offer.languages.all()) == [terms.language_a]
    thanks = client.get(response.url)
    assert "Danke für Ihr Angebot!" in html(thanks)


def test_it_records_the_offer_in_the_audit_log_without_personal_data(client, need):
    offer_help(client, need)

    entry = AuditEntry.objects.get(action="need.help_offered")
    assert entry.actor == need.actor
    assert "hanna" not in str(entry.data).lower()


def test_it_accepts_a_phone_number_instead_of_an_email(client, need):
    response = offer_help(client, need, email="", phone="+49 3443 123456")

    assert response.status_code == 302
    assert HelpOffer.objects.get().phone == "+49 3443 123456"


# --- validation ------------------------------------------------------------------------------


def test_it_requires_an_email_or_a_phone_number_beside_both_fields(client, need):
    response = offer_help(client, need, email="", phone="")

    page = html(response)
    message = "Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an."
    assert response.status_code == 200
    assert errors_beside(page, "id_email") == [message]
    assert errors_beside(page, "id_phone") == [message]
    assert 'aria-invalid="true"' in page
    assert not HelpOffer.objects.exists()


def test_it_requires_consent(client, need):
    data = valid()
    del data["consent"]

    response = client.post(f"/needs/{need.pk}/", data, REMOTE_ADDR=ADDRESS)

    assert response.status_code == 200
    assert errors_beside(html(response), "id_consent") == [
        "Ohne Ihre Einwilligung können wir Ihre Angaben nicht weitergeben."
    ]
    assert not HelpOffer.objects.exists()
    assert mail.outbox == []


def test_it_names_the_actor_in_the_consent(client, need):
    page = html(client.get(f"/needs/{need.pk}/"))

    assert "dass meine Angaben an Lernpaten Alpha weitergegeben werden" in page


@pytest.mark.parametrize(
    ("changes", "field_id"),
    [
        ({"name": ""}, "id_name"),
        ({"email": "keine-adresse"}, "id_email"),
        ({"phone": "ruf mich an", "email": ""}, "id_phone"),
        ({"message": "x" * 3001}, "id_message"),
        ({"languages": ["999999"]}, "id_languages"),
    ],
)
def test_it_shows_each_error_beside_its_field(client, need, changes, field_id):
    response = offer_help(client, need, **changes)

    assert response.status_code == 200
    assert errors_beside(html(response), field_id)
    assert not HelpOffer.objects.exists()


def test_it_keeps_what_was_typed(client, need):
    response = offer_help(client, need, email="", phone="", message="Ich fahre gern früh los.")

    page = html(response)
    assert 'value="Hanna Helfer"' in page
    assert "Ich fahre gern früh los." in page
    assert form_data(page)["consent"] == ["on"]


def test_it_lists_the_errors_above_the_form_with_links_to_the_fields(client, need):
    page = html(offer_help(client, need, name=""))

    assert 'href="#id_name"' in page


# --- the bot trap ----------------------------------------------------------------------------


def test_it_hides_the_trap_from_people_and_assistive_technology(client, need):
    page = html(client.get(f"/needs/{need.pk}/"))

    trap = one(page, 'div.hp[aria-hidden="true"]')
    assert trap.select_one('input[name="website"]')["tabindex"] == "-1"


def test_it_drops_a_trapped_submission_silently(client, need):
    response = offer_help(client, need, website="http://spam.example")

    assert response.status_code == 302
    assert response.url == f"/needs/{need.pk}/thanks/"
    assert not HelpOffer.objects.exists()
    assert mail.outbox == []


def test_it_drops_a_trapped_submission_even_when_it_is_invalid(client, need):
    response = offer_help(client, need, website="x", email="", consent="")

    assert response.status_code == 302
    assert not HelpOffer.objects.exists()


# --- rate limit ------------------------------------------------------------------------------


def test_it_refuses_a_sixth_offer_within_the_hour_from_one_address(client, need):
    for n in range(5):
        assert offer_help(client, need, name=f"Person {n}").status_code == 302

    response = offer_help(client, need, name="Person 6")

    assert response.status_code == 429
    assert "Zu viele Anfragen" in html(response)
    assert "in 1 Stunde noch einmal" in html(response)
    assert HelpOffer.objects.count() == 5


def test_it_counts_trapped_submissions_towards_the_limit(client, need):
    for _ in range(5):
        offer_help(client, need, website="spam")

    assert offer_help(client, need).status_code == 429


def test_it_limits_each_address_on_its_own(client, need):
    for n in range(5):
        offer_help(client, need, name=f"Person {n}")

    assert offer_help(client, need, address="198.51.100.7").status_code == 302


def test_it_does_not_count_forms_with_errors(client, need):
    for _ in range(6):
        offer_help(client, need, name="")

    assert offer_help(client, need).status_code == 302


# --- mail ------------------------------------------------------------------------------------


def test_it_mails_the_coordinators_and_confirms_to_the_helper(
    client, need, coordinator, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        offer_help(client, need, phone="0176 5550123")

    to_team, to_helper = sorted(mail.outbox, key=lambda message: message.to != [coordinator.email])
    assert to_team.to == [coordinator.email]
    assert to_team.subject == "Neues Hilfsangebot für „Fahrdienst zum Sprachkurs“"
    assert "Hanna Helfer" in to_team.body
    assert "hanna@example.org" in to_team.body
    assert "0176 5550123" in to_team.body
    assert "Ich habe dienstags Zeit." in to_team.body
    assert f"/my/actors/lernpaten-alpha/needs/{need.pk}/replies/" in to_team.body
    assert to_helper.to == ["hanna@example.org"]
    assert to_helper.subject == "Danke für Ihr Hilfsangebot"
    assert f"/needs/{need.pk}/" in to_helper.body


def test_it_sends_no_confirmation_without_an_email(
    client, need, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        offer_help(client, need, email="", phone="0176 5550123")

    assert [message.to for message in mail.outbox] == [[coordinator.email]]


def test_it_mails_owners_and_editors_when_there_is_no_coordinator(
    client, need, owner, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        offer_help(client, need, email="", phone="0176 5550123")

    assert sorted(mail.outbox[0].to) == sorted([owner.email, editor.email])


def test_it_mails_the_actor_when_it_has_no_members(
    client, need, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        offer_help(client, need, email="", phone="0176 5550123")

    assert [message.to for message in mail.outbox] == [["info@alpha.example"]]


def test_it_mails_no_members_of_other_actors_or_inactive_ones(
    client, need, coordinator, editor_b, django_capture_on_commit_callbacks
):
    gone = UserFactory(username="gone", is_active=False)
    MembershipFactory(user=gone, actor=need.actor, role=Membership.Role.COORDINATOR)

    with django_capture_on_commit_callbacks(execute=True):
        offer_help(client, need, email="", phone="0176 5550123")

    assert [message.to for message in mail.outbox] == [[coordinator.email]]


def test_it_writes_the_team_mail_in_german_from_the_english_page(
    client, need, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/needs/{need.pk}/", valid(), REMOTE_ADDR=ADDRESS)

    assert response.status_code == 302
    team = next(message for message in mail.outbox if message.to == [coordinator.email])
    assert team.subject.startswith("Neues Hilfsangebot")
    assert "/en/" not in team.body
