"""Schemathesis against /api/schema/, in process: every documented operation, positive and
negative examples, all checks, for an anonymous visitor and for a signed-in staff member.

Nothing here may answer 500, an undocumented status, or a body unlike its schema. Examples are
bounded so the run stays short; throttling is off (a dummy cache), since hundreds of requests
from one client would otherwise, rightly, be told to slow down.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.test import Client
from django.utils.crypto import get_random_string
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.config import SchemathesisConfig
from schemathesis.generation.modes import GenerationMode

from chat.models import ChannelMembership
from tests.chat.factories import ChannelFactory, MessageFactory
from tests.factories import (
    ActorFactory,
    AgencyUnitFactory,
    LocationFactory,
    NeedFactory,
    OfferFactory,
    UserFactory,
)
from tests.referrals.factories import ReferralFactory

EXAMPLES = 12
# Every check runs everywhere. One exception to "schema-valid means accepted": the calendar's
# window ties its two dates together (to not before from, at most 366 days), which OpenAPI 3.0
# cannot express, so a schema-valid pair of dates may rightly be refused with 400.
CONFIG = SchemathesisConfig.from_dict(
    {
        "operations": [
            {
                "include-path": "/api/v1/events/",
                "checks": {
                    "positive_data_acceptance": {
                        "expected-statuses": ["2xx", "400", "401", "403", "404", "429"]
                    }
                },
            }
        ]
    }
)


# The WSGI app runs inside the test's transaction (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("connection_kept")


@pytest.fixture(autouse=True)
def published(db, settings):
    """Something behind the public lists; no throttling."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    actor = ActorFactory(slug="offene-tuer")
    OfferFactory(actor=actor)
    LocationFactory(actor=actor)
    NeedFactory(actor=actor)


@pytest.fixture
def staff_headers(db) -> dict[str, str]:
    """A signed-in member of the intake zone and of a chat channel, with a CSRF token."""
    user = UserFactory(username="fuzzer")
    AgencyUnitFactory(slug="eingangszone", is_intake=True).staff.add(user)
    ReferralFactory()
    channel = ChannelFactory(slug="allgemein")
    ChannelMembership.objects.create(channel=channel, user=user)
    MessageFactory(channel=channel, author=user)
    client = Client()
    client.force_login(user)
    token = get_random_string(32)
    return {
        "Cookie": f"sessionid={client.cookies['sessionid'].value}; csrftoken={token}",
        "X-CSRFToken": token,
    }


bounded = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def fuzz(headers: dict[str, str]) -> list[str]:
    """Every operation of the schema /api/schema/ serves, with schema-valid and schema-invalid
    examples; the failures schemathesis reports, one line each."""
    schema = schemathesis.openapi.from_wsgi(
        "/api/schema/?format=json", get_wsgi_application(), config=CONFIG
    )
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in GenerationMode:

            @given(case=operation.as_strategy(generation_mode=mode))
            @bounded
            def check(case) -> None:
                case.call_and_validate(headers=headers)

            try:
                check()
            except Unsatisfiable:
                # Nothing to break: every input of the operation is free text (a slug in a
                # path, say), so no schema-violating request exists.
                continue
            except Exception as failure:
                failures.append(f"{mode.value} {operation.label}: {failure}")
    return failures


def test_it_answers_an_anonymous_visitor_as_documented():
    assert fuzz({}) == []


def test_it_answers_signed_in_staff_as_documented(staff_headers):
    assert fuzz(staff_headers) == []
