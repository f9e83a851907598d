"""The board's yes/no filter reads true/false/1/0/on strictly, on the page and in the API."""

from __future__ import annotations

import pytest

from tests.factories import NeedFactory
from tests.html import checked_values, facet_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def needs(db) -> None:
    NeedFactory(title="Quokka online", is_online=True)
    NeedFactory(title="Quokka vor Ort", is_online=False)


def titles(client, value: str) -> list[str]:
    response = client.get("/api/v1/needs/", {"online": value})
    assert response.status_code == 200, response.content[:500]
    return sorted(item["title"] for item in response.json()["results"])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", ["Quokka online"]),
        ("1", ["Quokka online"]),
        ("on", ["Quokka online"]),
        ("false", ["Quokka vor Ort"]),
        ("0", ["Quokka vor Ort"]),
        ("", ["Quokka online", "Quokka vor Ort"]),
    ],
)
def test_it_reads_yes_and_no(client, needs, value, expected):
    assert titles(client, value) == expected


@pytest.mark.parametrize("value", ["null", "foo", "yes", "2"])
def test_it_refuses_what_is_neither(client, needs, value):
    api = client.get("/api/v1/needs/", {"online": value})
    page = client.get("/needs/", {"online": value})

    assert api.status_code == 400
    assert "kein Ja/Nein-Wert" in api.json()["online"][0]
    assert page.status_code == 400
    assert "kein Ja/Nein-Wert" in page.content.decode()


def test_the_board_shows_the_box_with_its_count(client, needs):
    response = client.get("/needs/")
    chosen = client.get("/needs/", {"online": "1"})

    assert facet_counts(response, "online") == {"1": 1}
    assert checked_values(chosen, "online") == {"1"}
