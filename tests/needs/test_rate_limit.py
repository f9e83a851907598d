""" "Ich kann helfen" over its rate limit: 429 on the need's page with the offer still filled in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from needs.models import HelpOffer
from tests.factories import NeedFactory
from tests.needs.helpers import html

ADDRESS = "192.0.2.50"


@pytest.fixture
def clock():
    with time_machine.travel(datetime(2025, 3, 3, 9, 0, tzinfo=UTC), tick=False) as traveller:
        yield traveller


@pytest.fixture
def need(actor_a, terms):
    return NeedFactory(actor=actor_a, title="Fahrdienst zum Sprachkurs")


def offer_help(client, need, *, address=ADDRESS, **changes):
    data = {
        "name": "Hanna Helfer",
        "email": "hanna@example.org",
        "phone": "",
        "message": "Ich habe dienstags Zeit.",
        "consent": "on",
        "website": "",
        **changes,
    }
    return client.post(f"/needs/{need.pk}/", data, REMOTE_ADDR=address)


def test_it_keeps_the_offer_on_the_page_when_refusing_it(client, need, clock):
    for _ in range(5):
        offer_help(client, need)

    refused = offer_help(client, need, name="Karl Kluge", message="Ich fahre gern mittwochs.")

    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    page = html(refused)
    assert "Fahrdienst zum Sprachkurs" in page  # the need's own page, not a dead end
    assert "Zum Schutz vor Missbrauch" in page
    assert 'value="Karl Kluge"' in page
    assert "Ich fahre gern mittwochs." in page
    assert HelpOffer.objects.count() == 5


def test_it_takes_offers_again_after_the_hour(client, need, clock):
    for _ in range(6):
        offer_help(client, need)
    clock.shift(timedelta(hours=1, seconds=1))

    assert offer_help(client, need).status_code == 302
    assert HelpOffer.objects.count() == 6
