"""The staff API: scoped like the inbox, 404 for another unit's referral, 400 for bad filters."""

from __future__ import annotations

import pytest

from referrals.models import ReferralAccess
from tests.referrals.conftest import PERSONAS
from tests.referrals.factories import ReferralFactory


@pytest.fixture
def referral_a(units, residence):
    return ReferralFactory(unit=units.a, categories=[residence], person_name="Amina Haddad")


@pytest.fixture
def referral_b(units, work):
    return ReferralFactory(unit=units.b, categories=[work], person_name="Bohdan Bondar")


LIST = {
    "anonymous": 403,
    "outsider": 403,
    "partner": 403,
    "staff_a": 200,
    "staff_b": 200,
    "intake": 200,
    "admin": 200,
}
DETAIL_OF_A = {**LIST, "staff_b": 404, "intake": 404, "admin": 404}


@pytest.mark.parametrize("name", PERSONAS)
def test_it_serves_the_list_to_agency_staff_only(client, personas, referral_a, name):
    if personas[name]:
        client.force_login(personas[name])

    response = client.get("/api/v1/referrals/")

    assert response.status_code == LIST[name]
    assert ("Amina" in response.content.decode()) is False


@pytest.mark.parametrize("name", PERSONAS)
def test_it_serves_a_referral_to_its_units_staff_only(client, personas, referral_a, name):
    if personas[name]:
        client.force_login(personas[name])

    response = client.get(f"/api/v1/referrals/{referral_a.reference}/")

    assert response.status_code == DETAIL_OF_A[name]
    assert ("Amina Haddad" in response.content.decode()) == (DETAIL_OF_A[name] == 200)


def test_it_lists_the_units_referrals_without_personal_data(
    client, staff_a, referral_a, referral_b
):
    client.force_login(staff_a)

    data = client.get("/api/v1/referrals/").json()

    assert data["count"] == 1
    (item,) = data["results"]
    assert item["reference"] == referral_a.reference
    assert item["unit"] == {"slug": "auslaenderbehoerde", "name": "Ausländerbehörde"}
    assert item["categories"] == [{"slug": "aufenthalt", "name": "Aufenthalt"}]
    assert "person_name" not in item and "phone" not in item


def test_it_shows_the_details_and_logs_the_access(client, staff_a, referral_a):
    client.force_login(staff_a)

    data = client.get(f"/api/v1/referrals/{referral_a.reference}/").json()

    assert (data["person_name"], data["email"]) == ("Amina Haddad", "amina@example.org")
    assert [event["kind"] for event in data["events"]] == ["received"]
    access = ReferralAccess.objects.get()
    assert (access.user, access.channel, access.referral) == (staff_a, "api", referral_a)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "lost"}, "status"),
        ({"unit": "nirgendwo"}, "unit"),
        ({"category": "<script>"}, "category"),
        ({"urgency": "sofort"}, "urgency"),
        ({"age": "ancient"}, "age"),
    ],
)
def test_it_answers_bad_filters_with_400_and_the_reason(client, staff_a, params, field):
    client.force_login(staff_a)

    response = client.get("/api/v1/referrals/", params)

    assert response.status_code == 400
    assert field in response.json()
    assert "<script>" not in response.content.decode()


def test_it_filters_like_the_inbox(client, staff_a, units, residence, work):
    urgent = ReferralFactory(unit=units.a, categories=[work], urgency="urgent")
    ReferralFactory(unit=units.a, categories=[residence])
    client.force_login(staff_a)

    data = client.get("/api/v1/referrals/", {"urgency": "urgent", "category": "arbeit"}).json()

    assert [item["reference"] for item in data["results"]] == [urgent.reference]


def test_it_describes_the_referral_api_in_the_schema(client, db):
    schema = client.get("/api/schema/", {"format": "json"}).json()

    assert "/api/v1/referrals/" in schema["paths"]
    parameters = {p["name"] for p in schema["paths"]["/api/v1/referrals/"]["get"]["parameters"]}
    assert {"status", "unit", "category", "urgency", "age"} <= parameters
    assert "/api/v1/referrals/{reference}/" in schema["paths"]
