"""The agency's inbox: who may come in, what each unit sees, filters, the lifecycle, the log."""

from __future__ import annotations

import datetime
import json

import pytest
from django.utils import timezone

from network.models import AuditEntry
from referrals.models import (
    OutboxMail,
    Outcome,
    Referral,
    ReferralAccess,
    ReferralEvent,
    Status,
    Urgency,
)
from tests.factories import ActorFactory
from tests.referrals.conftest import PERSONAS
from tests.referrals.factories import ReferralFactory
from tests.referrals.helpers import errors_beside, html


@pytest.fixture
def referral_a(units, residence):
    return ReferralFactory(unit=units.a, categories=[residence], person_name="Amina Haddad")


@pytest.fixture
def referral_b(units, work):
    return ReferralFactory(unit=units.b, categories=[work], person_name="Bohdan Bondar")


@pytest.fixture
def referral_intake(units, other):
    return ReferralFactory(unit=units.intake, categories=[other], person_name="Ines Unklar")


def sign_in(client, user):
    if user is not None:
        client.force_login(user)


# --- role by view -----------------------------------------------------------------------------

INBOX = {
    "anonymous": "login",
    "outsider": 403,
    "partner": 403,
    "staff_a": 200,
    "staff_b": 200,
    "intake": 200,
    "admin": 200,
}
DETAIL_OF_A = {
    "anonymous": "login",
    "outsider": 403,
    "partner": 403,
    "staff_a": 200,
    "staff_b": 404,
    "intake": 404,
    "admin": 404,
}


def outcome(response):
    if response.status_code == 302 and "/accounts/login/" in response.url:
        return "login"
    return response.status_code


@pytest.mark.parametrize("name", PERSONAS)
def test_it_opens_the_inbox_to_agency_staff_only(client, personas, name):
    sign_in(client, personas[name])

    assert outcome(client.get("/agency/referrals/")) == INBOX[name]


@pytest.mark.parametrize("name", PERSONAS)
def test_it_opens_the_statistics_to_agency_staff_only(client, personas, name):
    sign_in(client, personas[name])

    assert outcome(client.get("/agency/statistics/")) == INBOX[name]


@pytest.mark.parametrize("name", PERSONAS)
@pytest.mark.parametrize("suffix", ["", "export.json"])
def test_it_shows_a_units_referral_to_that_units_staff_only(
    client, personas, referral_a, name, suffix
):
    sign_in(client, personas[name])

    response = client.get(f"/agency/referrals/{referral_a.reference}/{suffix}")

    assert outcome(response) == DETAIL_OF_A[name]
    if DETAIL_OF_A[name] != 200:
        assert "Amina" not in html(response)


@pytest.mark.parametrize("name", PERSONAS)
@pytest.mark.parametrize("action", ["assign", "forward", "start", "close", "note"])
def test_it_lets_nobody_but_the_units_staff_change_its_referral(
    client, personas, referral_a, units, name, action
):
    sign_in(client, personas[name])
    data = {
        "assign-unit": units.b.pk,
        "forward-unit": units.b.pk,
        "forward-note": "weiter",
        "close-outcome": "helped",
        "note-note": "Notiz",
    }

    response = client.post(f"/agency/referrals/{referral_a.reference}/{action}/", data)

    expected = DETAIL_OF_A[name]
    assert outcome(response) == (302 if expected == 200 else expected)
    referral_a.refresh_from_db()
    changed = referral_a.events.count() > 1
    assert changed == (expected == 200)


# --- what each unit sees ---------------------------------------------------------------------


def test_it_lists_only_the_referrals_of_the_staff_members_units(
    client, staff_a, intake, referral_a, referral_b, referral_intake
):
    client.force_login(staff_a)
    page_a = html(client.get("/agency/referrals/"))
    client.force_login(intake)
    page_intake = html(client.get("/agency/referrals/"))

    assert referral_a.reference in page_a
    assert referral_b.reference not in page_a and referral_intake.reference not in page_a
    assert referral_intake.reference in page_intake
    assert referral_a.reference not in page_intake


def test_it_lists_no_personal_data(client, staff_a, referral_a):
    client.force_login(staff_a)

    page = html(client.get("/agency/referrals/"))

    assert referral_a.reference in page
    assert "Amina" not in page and "0157" not in page


def test_it_filters_by_status_category_urgency_and_age(client, staff_a, units, residence, work):
    old = ReferralFactory(
        unit=units.a, categories=[residence], created_at=timezone.now() - datetime.timedelta(9)
    )
    urgent = ReferralFactory(unit=units.a, categories=[work], urgency=Urgency.URGENT)
    started = ReferralFactory(unit=units.a, categories=[residence], status=Status.IN_PROGRESS)
    client.force_login(staff_a)

    def listed(**params):
        page = html(client.get("/agency/referrals/", params))
        return {r.reference for r in (old, urgent, started) if r.reference in page}

    assert listed() == {old.reference, urgent.reference, started.reference}
    assert listed(status="in_progress") == {started.reference}
    assert listed(category="arbeit") == {urgent.reference}
    assert listed(urgency="urgent") == {urgent.reference}
    assert listed(age="older") == {old.reference}
    assert listed(age="week") == {urgent.reference, started.reference}
    assert listed(unit="auslaenderbehoerde") == {old.reference, urgent.reference, started.reference}


def test_it_refuses_unknown_filter_values_with_a_message(client, staff_a):
    client.force_login(staff_a)

    response = client.get("/agency/referrals/", {"status": "lost", "unit": "jobcenter"})

    assert response.status_code == 400
    assert errors_beside(html(response), "id_status")
    assert errors_beside(html(response), "id_unit")


def test_it_marks_overdue_referrals(client, settings, staff_a, units, residence):
    settings.REFERRAL_OVERDUE_DAYS = 3
    settings.REFERRAL_URGENT_OVERDUE_DAYS = 1
    now = timezone.now()
    late = ReferralFactory(
        unit=units.a, categories=[residence], created_at=now - datetime.timedelta(days=4)
    )
    urgent_late = ReferralFactory(
        unit=units.a, urgency=Urgency.URGENT, created_at=now - datetime.timedelta(days=2)
    )
    fresh = ReferralFactory(unit=units.a, created_at=now - datetime.timedelta(days=2))
    client.force_login(staff_a)

    page = html(client.get("/agency/referrals/", {"age": "overdue"}))

    assert late.reference in page and urgent_late.reference in page
    assert fresh.reference not in page
    assert late.is_overdue and urgent_late.is_overdue and not fresh.is_overdue
    assert "2 überfällig" in html(client.get("/agency/referrals/"))


# --- the lifecycle ---------------------------------------------------------------------------


def test_it_takes_a_referral_from_intake_through_forwarding_to_its_outcome(
    client, intake, staff_a, staff_b, referral_intake, units
):
    reference = referral_intake.reference
    partner = ActorFactory(name="Beratungsstelle Gamma")

    client.force_login(intake)
    routed = client.post(
        f"/agency/referrals/{reference}/assign/",
        {"assign-unit": units.a.pk, "assign-assignee": staff_a.pk, "assign-note": "ABH bitte"},
    )
    client.force_login(staff_a)
    forwarded = client.post(
        f"/agency/referrals/{reference}/forward/",
        {"forward-unit": units.b.pk, "forward-note": "Eher Jobcenter"},
    )
    client.force_login(staff_b)
    client.post(f"/agency/referrals/{reference}/start/", {"start-note": ""})
    closed = client.post(
        f"/agency/referrals/{reference}/close/",
        {"close-outcome": "referred", "close-partner": partner.pk, "close-note": "Termin dort"},
    )

    assert routed.url == "/agency/referrals/"  # intake no longer sees it
    assert forwarded.url == "/agency/referrals/"
    assert closed.url == f"/agency/referrals/{reference}/"
    referral = Referral.objects.get(reference=reference)
    assert (referral.unit, referral.status, referral.outcome, referral.outcome_partner) == (
        units.b,
        Status.CLOSED,
        Outcome.REFERRED,
        partner,
    )
    assert referral.first_contact_at is not None and referral.closed_at is not None
    timeline = [
        (e.kind, e.by, e.to_unit, e.note) for e in referral.events.select_related("by", "to_unit")
    ]
    assert timeline == [
        ("received", None, units.intake, ""),
        ("assigned", intake, units.a, "ABH bitte"),
        ("forwarded", staff_a, units.b, "Eher Jobcenter"),
        ("started", staff_b, None, ""),
        ("closed", staff_b, None, "Termin dort"),
    ]
    page = html(client.get(f"/agency/referrals/{reference}/"))
    assert "Eher Jobcenter" in page and "Ines Eingang" in page
    actions = AuditEntry.objects.filter(object_id=str(referral.pk)).values_list("action", flat=True)
    assert {"referral.assigned", "referral.forwarded", "referral.closed"} <= set(actions)


def test_it_notifies_the_unit_a_referral_is_forwarded_to(client, staff_a, staff_b, referral_a):
    client.force_login(staff_a)
    client.post(
        f"/agency/referrals/{referral_a.reference}/forward/",
        {"forward-unit": staff_b.agency_units.get().pk, "forward-note": "bitte übernehmen"},
    )

    (mail,) = [m for m in OutboxMail.objects.all() if "bruno@example.org" in m.recipients]
    assert referral_a.reference in mail.subject
    assert "Amina" not in mail.body and "bitte übernehmen" not in mail.body


def test_it_refuses_an_assignee_outside_the_chosen_unit(
    client, intake, staff_b, referral_intake, units
):
    client.force_login(intake)

    response = client.post(
        f"/agency/referrals/{referral_intake.reference}/assign/",
        {"assign-unit": units.a.pk, "assign-assignee": staff_b.pk},
    )

    assert response.status_code == 400
    assert errors_beside(html(response), "id_assign-assignee") == [
        "Bruno Berater gehört nicht zum Bereich Ausländerbehörde."
    ]
    referral_intake.refresh_from_db()
    assert referral_intake.unit == units.intake


def test_it_asks_for_the_partner_when_the_outcome_is_a_referral(client, staff_a, referral_a):
    client.force_login(staff_a)

    response = client.post(
        f"/agency/referrals/{referral_a.reference}/close/", {"close-outcome": "referred"}
    )

    assert errors_beside(html(response), "id_close-partner")
    referral_a.refresh_from_db()
    assert referral_a.status == Status.RECEIVED


def test_it_refuses_to_change_a_closed_referral(client, staff_a, referral_a):
    client.force_login(staff_a)
    client.post(f"/agency/referrals/{referral_a.reference}/close/", {"close-outcome": "helped"})

    again = client.post(
        f"/agency/referrals/{referral_a.reference}/close/",
        {"close-outcome": "withdrawn"},
        follow=True,
    )

    assert "bereits abgeschlossen" in html(again)
    referral_a.refresh_from_db()
    assert referral_a.outcome == Outcome.HELPED


@pytest.mark.parametrize(
    ("field", "value"),
    [("note-note", "x" * 2001), ("note-note", "<script>alert(1)</script>"), ("note-note", "")],
)
def test_it_rejects_bad_notes_beside_the_field(client, staff_a, referral_a, field, value):
    client.force_login(staff_a)

    response = client.post(f"/agency/referrals/{referral_a.reference}/note/", {field: value})

    assert response.status_code == 400
    assert errors_beside(html(response), "id_note-note")
    assert not referral_a.events.filter(kind=ReferralEvent.Kind.NOTE).exists()


# --- privacy ---------------------------------------------------------------------------------


def test_it_logs_every_view_of_the_personal_data(client, staff_a, referral_a):
    client.force_login(staff_a)

    client.get(f"/agency/referrals/{referral_a.reference}/")
    client.get(f"/agency/referrals/{referral_a.reference}/")
    client.get(f"/agency/referrals/{referral_a.reference}/export.json")

    accesses = list(ReferralAccess.objects.values_list("user__username", "channel"))
    assert sorted(accesses) == [("anna", "export"), ("anna", "page"), ("anna", "page")]


def test_it_does_not_log_refused_views(client, staff_b, referral_a):
    client.force_login(staff_b)

    client.get(f"/agency/referrals/{referral_a.reference}/")

    assert not ReferralAccess.objects.exists()


def test_it_exports_the_persons_data_as_json_without_staff_names(client, staff_a, referral_a):
    client.force_login(staff_a)
    client.post(
        f"/agency/referrals/{referral_a.reference}/note/", {"note-note": "Rückruf vereinbart"}
    )

    response = client.get(f"/agency/referrals/{referral_a.reference}/export.json")

    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["reference"] == referral_a.reference
    assert (data["name"], data["phone"], data["email"]) == (
        "Amina Haddad",
        "0157 1234567",
        "amina@example.org",
    )
    assert data["categories"] == ["Aufenthalt"]
    assert [step["step"] for step in data["timeline"]] == ["received", "note"]
    assert "Anna" not in response.content.decode()
    assert AuditEntry.objects.filter(action="referral.exported").exists()
