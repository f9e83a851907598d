"""Retention: personal data goes after the configured days; the statistics stay the same."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from referrals.models import OutboxMail, Outcome, Referral, ReferralEvent, Status
from referrals.statistics import referral_statistics
from tests.referrals.factories import ReferralFactory
from tests.referrals.helpers import html


def closed(days_ago: int, unit, categories, **fields) -> Referral:
    now = timezone.now()
    created = now - datetime.timedelta(days=days_ago + 4)
    referral = ReferralFactory(
        unit=unit,
        categories=categories,
        status=Status.CLOSED,
        outcome=Outcome.HELPED,
        created_at=created,
        first_contact_at=created + datetime.timedelta(days=1),
        closed_at=now - datetime.timedelta(days=days_ago),
        date_of_birth=datetime.date(1990, 5, 1),
        file_number="AZ 1",
        **fields,
    )
    ReferralEvent.objects.create(referral=referral, kind="note", note="Sohn heißt Karim.")
    OutboxMail.objects.create(
        referral=referral, recipients=["amina@example.org"], subject="s", body="b"
    )
    return referral


@pytest.fixture
def retention(settings):
    settings.REFERRAL_RETENTION_DAYS = 30


def purge(*args: str) -> str:
    out = io.StringIO()
    call_command("purge_referrals", *args, stdout=out)
    return out.getvalue()


def test_it_anonymises_referrals_closed_longer_than_the_retention_period(
    retention, units, residence
):
    due = closed(31, units.a, [residence])
    recent = closed(29, units.a, [residence])
    still_open = ReferralFactory(unit=units.a, created_at=timezone.now() - datetime.timedelta(400))

    output = purge()

    assert "1 referral(s)" in output
    due.refresh_from_db()
    assert due.anonymised_at is not None
    assert (due.person_name, due.phone, due.email, due.description, due.file_number) == (
        "",
        "",
        "",
        "",
        "",
    )
    assert due.date_of_birth is None
    assert not due.events.exclude(note="").exists()
    assert not OutboxMail.objects.filter(referral=due).exists()
    assert list(due.categories.all()) == [residence]
    assert (due.unit, due.outcome) == (units.a, Outcome.HELPED)
    for kept in (recent, still_open):
        kept.refresh_from_db()
        assert kept.person_name == "Amina Haddad" and kept.anonymised_at is None


def test_it_is_idempotent_and_has_a_dry_run(retention, units, residence):
    due = closed(40, units.a, [residence])

    dry = purge("--dry-run")
    due.refresh_from_db()
    assert "1 referral(s)" in dry and "would be" in dry
    assert due.person_name == "Amina Haddad"

    purge()
    due.refresh_from_db()
    first = due.anonymised_at
    assert "0 referral(s)" in purge()
    due.refresh_from_db()
    assert due.anonymised_at == first


def test_it_keeps_the_statistics_intact(retention, units, residence, work):
    closed(60, units.a, [residence])
    closed(45, units.b, [work, residence])
    closed(5, units.b, [work])
    ReferralFactory(unit=units.intake)
    before = referral_statistics()

    purge()

    after = referral_statistics()
    assert after == before
    assert after.total == 4 and after.closed == 3
    assert after.days_to_first_contact == 1.0
    assert after.days_to_close == 4.0
    by_category = {bar.label: bar.count for bar in after.by_category}
    assert (by_category["Aufenthalt"], by_category["Arbeit und Jobsuche"]) == (2, 2)


def test_it_shows_the_statistics_with_a_chart_to_staff(client, staff_a, units, residence):
    closed(1, units.a, [residence])
    client.force_login(staff_a)

    page = html(client.get("/agency/statistics/"))

    assert '<dd id="total">1</dd>' in page
    assert 'class="bar bar--100"' in page
    assert "Amina" not in page
    # The chart is CSS only: the page loads no script beyond the header's and the suggestions'.
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts == [
        '<script src="/static/search/suggest.js" defer>',
        '<script src="/static/js/header.js" defer>',
    ]
