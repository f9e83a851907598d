"""The person's status look-up (/referral/status/): reference and status code, nothing else.

A wrong reference, a wrong code and a referral without a code get the same answer; the answer
holds no personal data; every try counts against the rate limit.
"""

from __future__ import annotations

import pytest
from django.test import override_settings

from referrals.models import OutboxMail, Referral, Status
from referrals.services import issue_status_code, purge_referrals, start_referral
from referrals.status_code import hash_code, matches, new_code, normalise
from tests.referrals.factories import ReferralFactory
from tests.referrals.helpers import html, valid_form

STATUS = "/referral/status/"
SECRET_BITS = ("Amina", "0157", "amina@example.org", "Aufenthaltserlaubnis", "1990", "AZ-4711")


@pytest.fixture
def coded(units, residence, staff_a):
    """A referral with the person's data filled in and a code the person knows."""
    referral = ReferralFactory(
        unit=units.a,
        categories=[residence],
        file_number="AZ-4711",
        date_of_birth="1990-04-01",
    )
    code = issue_status_code(referral=referral, acting_user=staff_a)
    referral.refresh_from_db()
    return referral, code


def ask(client, reference, code, language=""):
    prefix = f"/{language}" if language else ""
    return client.post(f"{prefix}{STATUS}", {"reference": reference, "code": code})


def answer_of(response) -> str:
    """The page without the token that differs per response."""
    text = html(response)
    start = text.index("<main")
    return text[start : text.index("</main>")].split('name="csrfmiddlewaretoken"')[0]


def test_it_issues_a_code_on_submit_and_shows_it_once_on_the_confirmation(client, units):
    client.post("/referral/", valid_form())
    referral = Referral.objects.get()
    page = html(client.get("/referral/thanks/"))
    code = page.split('id="status-code"><strong>')[1].split("</strong>")[0]
    assert len(normalise(code)) == 8
    assert referral.status_code_hash == hash_code(referral.reference, code)
    assert code not in referral.status_code_hash


def test_it_mails_the_code_with_the_confirmation(client, units):
    client.post("/referral/", valid_form())
    referral = Referral.objects.get()
    confirmation = OutboxMail.objects.get(recipients=["amina@example.org"])
    code = confirmation.body.split("Ihr Statuscode ist ")[1].split(".")[0]
    assert matches(referral.status_code_hash, referral.reference, code)
    assert "/referral/status/" in confirmation.body


def test_it_shows_the_status_for_the_right_pair(client, coded):
    referral, code = coded
    response = ask(client, referral.reference, code)
    assert response.status_code == 200
    page = html(response)
    assert 'id="status-answer"' in page
    assert "Ausländerbehörde" in page


def test_it_forgives_lower_case_and_missing_dash(client, coded):
    referral, code = coded
    response = ask(client, referral.reference.lower(), normalise(code).lower())
    assert 'id="status-answer"' in html(response)


@pytest.mark.parametrize(
    ("stage", "expected"),
    [
        ("intake", "Die Eingangszone bringt es"),
        ("unit", "liegt jetzt bei"),
        ("in_progress", "wird bearbeitet"),
        ("closed", "ist abgeschlossen"),
    ],
)
def test_it_says_each_stage_in_plain_words(client, units, staff_a, stage, expected):
    unit = units.intake if stage == "intake" else units.a
    referral = ReferralFactory(unit=unit)
    if stage == "in_progress":
        start_referral(referral=referral, note="", acting_user=staff_a)
    if stage == "closed":
        Referral.objects.filter(pk=referral.pk).update(
            status=Status.CLOSED, outcome="helped", closed_at=referral.created_at
        )
    code = issue_status_code(referral=referral, acting_user=staff_a)
    assert expected in html(ask(client, referral.reference, code))


def test_it_answers_a_wrong_code_and_a_wrong_reference_alike(client, coded, units):
    referral, code = coded
    other = ReferralFactory(unit=units.a)
    issue_status_code(referral=other, acting_user=None)
    wrong_code = ask(client, referral.reference, "ABCD-EFGH")
    wrong_reference = ask(client, "MIA-ZZZZ-ZZ", code)
    someone_elses_code = ask(client, other.reference, code)
    assert wrong_code.status_code == wrong_reference.status_code == 200
    assert answer_of(wrong_code) == answer_of(wrong_reference) == answer_of(someone_elses_code)
    assert 'id="status-answer"' not in html(wrong_code)


def test_it_cannot_look_up_a_referral_without_a_code(client, units):
    """Referrals from before codes existed have an empty hash: nothing matches it."""
    referral = ReferralFactory(unit=units.a)
    assert referral.status_code_hash == ""
    for code in ("", "0000-0000", "x" * 8):
        response = client.post(STATUS, {"reference": referral.reference, "code": code})
        assert 'id="status-answer"' not in html(response)
    assert not matches("", referral.reference, "")


def test_it_shows_no_personal_data(client, coded, staff_a):
    referral, code = coded
    page = answer_of(ask(client, referral.reference, code))
    for secret in SECRET_BITS:
        assert secret not in page
    assert "Amtmann" not in page


def test_it_forgets_the_code_when_the_data_is_purged(client, coded):
    referral, code = coded
    Referral.objects.filter(pk=referral.pk).update(
        status=Status.CLOSED, outcome="helped", closed_at="2020-01-01T00:00:00Z"
    )
    purge_referrals()
    assert 'id="status-answer"' not in html(ask(client, referral.reference, code))


@override_settings(RATE_LIMITS={"referral-status": "3/10m", "referral": "5/10m"})
def test_it_limits_tries_per_address_right_or_wrong(client, coded):
    referral, code = coded
    for _try in range(3):
        assert ask(client, referral.reference, "WRON-GCOD").status_code == 200
    refused = ask(client, referral.reference, code)
    assert refused.status_code == 429
    assert "Retry-After" in refused
    assert 'id="status-answer"' not in html(refused)


def test_it_answers_in_the_persons_language(client, coded):
    referral, code = coded
    response = ask(client, referral.reference, code, language="ar")
    page = html(response)
    assert 'dir="rtl"' in page
    assert "وضع طلبك" in page


def test_a_reissued_code_replaces_the_old_one(client, coded, staff_a):
    referral, old = coded
    new = issue_status_code(referral=referral, acting_user=staff_a)
    assert 'id="status-answer"' not in html(ask(client, referral.reference, old))
    assert 'id="status-answer"' in html(ask(client, referral.reference, new))
    assert referral.events.filter(kind="code_issued").count() == 2


def test_the_form_alone_counts_nothing(client, units):
    response = client.get(STATUS)
    assert response.status_code == 200
    assert 'name="reference"' in html(response)


def test_new_codes_are_readable(units):
    codes = {new_code() for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert len(code) == 9 and code[4] == "-"
        assert not set(normalise(code)) & set("01ILO")
