"""The referral form over its rate limit: 429, Retry-After, and nothing the person typed lost."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from referrals.models import Referral
from tests.referrals.helpers import html, valid_form

ADDRESS = "192.0.2.40"


@pytest.fixture
def clock():
    with time_machine.travel(datetime(2025, 3, 3, 9, 0, tzinfo=UTC), tick=False) as traveller:
        yield traveller


def submit(client, *, address=ADDRESS, **changes):
    return client.post("/referral/", valid_form(**changes), REMOTE_ADDR=address)


def test_it_takes_five_referrals_in_ten_minutes_from_one_address(client, units, clock):
    assert [submit(client).status_code for _ in range(5)] == [302] * 5

    refused = submit(client, person_name="Noura Sabri", phone="0157 7654321")

    assert refused.status_code == 429
    assert refused["Retry-After"] == "600"
    page = html(refused)
    assert "Zu viele Anfragen." in page
    assert "Bitte versuchen Sie es in 10 Minuten noch einmal." in page
    assert 'value="Noura Sabri"' in page
    assert 'value="0157 7654321"' in page
    assert Referral.objects.count() == 5


def test_it_keeps_taking_referrals_from_other_addresses(client, units, clock):
    for _ in range(6):
        submit(client)

    assert submit(client, address="198.51.100.40").status_code == 302


def test_it_takes_referrals_again_once_the_window_has_passed(client, units, clock):
    for _ in range(5):
        submit(client)
    clock.shift(timedelta(minutes=4))
    later = submit(client)
    clock.shift(timedelta(minutes=6, seconds=1))

    assert (later.status_code, later["Retry-After"]) == (429, "360")
    assert submit(client).status_code == 302
    assert Referral.objects.count() == 6


def test_it_does_not_count_forms_sent_back_with_errors(client, units, clock):
    for _ in range(6):
        assert submit(client, person_name="").status_code == 200

    assert submit(client).status_code == 302
