"""The calendar's yes/no filters read true/false/1/0/on strictly, in the API and on the page."""

from __future__ import annotations

import datetime

import pytest

from events.models import LocationKind
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date.today() + datetime.timedelta(days=3)
WINDOW = {"from": DAY.isoformat(), "to": DAY.isoformat()}


@pytest.fixture
def events(db) -> None:
    EventFactory(title="Quokka online frei", start_date=DAY, location_kind=LocationKind.ONLINE)
    EventFactory(title="Quokka vor Ort bezahlt", start_date=DAY, is_free=False)


def titles(client, **params: str) -> list[str]:
    response = client.get("/api/v1/events/", {**WINDOW, **params})
    assert response.status_code == 200, response.content[:500]
    return sorted(item["title"] for item in response.json()["results"])


@pytest.mark.parametrize("name", ["free", "online"])
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", ["Quokka online frei"]),
        ("1", ["Quokka online frei"]),
        ("on", ["Quokka online frei"]),
        ("false", ["Quokka vor Ort bezahlt"]),
        ("0", ["Quokka vor Ort bezahlt"]),
    ],
)
def test_it_reads_yes_and_no(client, events, name, value, expected):
    assert titles(client, **{name: value}) == expected


@pytest.mark.parametrize("name", ["free", "online"])
@pytest.mark.parametrize("value", ["null", "foo", "yes", "2"])
def test_it_refuses_what_is_neither(client, events, name, value):
    api = client.get("/api/v1/events/", {**WINDOW, name: value})
    page = client.get("/events/", {name: value})

    assert api.status_code == 400
    assert "kein Ja/Nein-Wert" in api.json()[name][0]
    assert page.status_code == 400
