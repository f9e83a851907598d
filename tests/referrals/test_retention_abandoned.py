"""Retention of referrals nobody closed: after the retention period without a timeline step they
are closed as expired, with an entry saying why, and their personal data goes at once."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from referrals.forms import CloseForm
from referrals.models import OutboxMail, Outcome, Referral, ReferralEvent, Status
from tests.referrals.factories import ReferralFactory


@pytest.fixture
def retention(settings):
    settings.REFERRAL_RETENTION_DAYS = 30


def open_referral(unit, categories, *, last_step_days_ago: int) -> Referral:
    """Received 100 days ago; its last timeline step the given days ago."""
    now = timezone.now()
    referral = ReferralFactory(
        unit=unit, categories=categories, created_at=now - datetime.timedelta(days=100)
    )
    referral.events.update(at=now - datetime.timedelta(days=100))
    ReferralEvent.objects.create(
        referral=referral,
        kind=ReferralEvent.Kind.NOTE,
        note="Rückruf bei Amina Haddad versucht.",
        at=now - datetime.timedelta(days=last_step_days_ago),
    )
    OutboxMail.objects.create(
        referral=referral, recipients=["amina@example.org"], subject="s", body="b"
    )
    return referral


def purge() -> str:
    out = io.StringIO()
    call_command("purge_referrals", stdout=out)
    return out.getvalue()


def test_it_closes_and_anonymises_open_referrals_without_a_step_for_the_retention_period(
    retention, units, residence
):
    forgotten = open_referral(units.a, [residence], last_step_days_ago=31)
    waiting = open_referral(units.a, [residence], last_step_days_ago=29)

    output = purge()

    assert "1 referral(s)" in output
    forgotten.refresh_from_db()
    assert (forgotten.status, forgotten.outcome) == (Status.CLOSED, Outcome.EXPIRED)
    assert forgotten.closed_at is not None and forgotten.anonymised_at is not None
    assert (forgotten.person_name, forgotten.phone, forgotten.email) == ("", "", "")
    assert not OutboxMail.objects.filter(referral=forgotten).exists()
    last = forgotten.events.order_by("at", "pk").last()
    assert (last.kind, last.outcome) == (ReferralEvent.Kind.CLOSED, Outcome.EXPIRED)
    assert "30 Tagen ohne Bearbeitungsschritt" in last.note
    assert not forgotten.events.filter(note__contains="Amina").exists()
    waiting.refresh_from_db()
    assert waiting.status != Status.CLOSED and waiting.person_name == "Amina Haddad"


def test_it_expires_a_referral_only_once(retention, units, residence):
    forgotten = open_referral(units.a, [residence], last_step_days_ago=45)

    purge()
    again = purge()

    assert "0 referral(s)" in again
    assert forgotten.events.filter(outcome=Outcome.EXPIRED).count() == 1


def test_it_counts_abandoned_referrals_in_the_dry_run(retention, units, residence):
    forgotten = open_referral(units.a, [residence], last_step_days_ago=45)
    out = io.StringIO()

    call_command("purge_referrals", "--dry-run", stdout=out)

    assert "1 open referral(s)" in out.getvalue()
    forgotten.refresh_from_db()
    assert forgotten.status != Status.CLOSED


def test_it_leaves_the_expired_outcome_to_the_purge(db):
    form = CloseForm(data={"outcome": Outcome.EXPIRED, "note": ""})

    assert not form.is_valid()
    assert "outcome" in form.errors
