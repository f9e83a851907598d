"""The read-only JSON API: /api/v1/needs/ with the board's filters and search, and details."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from needs.models import Commitment, Need
from tests.factories import ActorFactory, ContactPersonFactory, HelpOfferFactory, NeedFactory

LIST_URL = "/api/v1/needs/"


def get_json(client, url: str, params: dict | None = None, status: int = 200):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content[:2000]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def titles(data: dict) -> list[str]:
    return [item["title"] for item in data["results"]]


@pytest.fixture
def needs(terms, actor_a, actor_b):
    lernen = NeedFactory(
        actor=actor_a,
        title="Lernpaten für Grundschulkinder",
        topics=[terms.topic_a],
        languages=[terms.language_a],
        municipality=terms.place_a,
    )
    fahren = NeedFactory(
        actor=actor_b,
        title="Fahrdienst zum Sprachkurs",
        topics=[terms.topic_b],
        languages=[terms.language_b],
        municipality=terms.place_b,
        commitment=Commitment.ONE_OFF,
        contact_person=ContactPersonFactory(actor=actor_b, name="Carl Kontakt"),
    )
    HelpOfferFactory(need=fahren, name="Geheime Helferin", email="geheim@example.org")
    NeedFactory(actor=actor_a, title="Schon besetzt", status=Need.Status.FILLED)
    NeedFactory(
        actor=actor_a,
        title="Gestern geendet",
        end_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    NeedFactory(actor=ActorFactory(live=False), title="Bedarf eines Entwurfs")
    return {"lernen": lernen, "fahren": fahren}


def test_it_lists_public_needs_in_the_paginated_shape(client, needs):
    data = get_json(client, LIST_URL)

    assert set(data) == {"count", "next", "previous", "results"}
    assert data["count"] == 2
    assert titles(data) == ["Fahrdienst zum Sprachkurs", "Lernpaten für Grundschulkinder"]
    item = data["results"][0]
    assert item["url"] == f"http://testserver/needs/{needs['fahren'].pk}/"
    assert item["actor"] == {
        "slug": "sprachcafe-beta",
        "name": "Sprachcafé Beta",
        "url": "http://testserver/directory/sprachcafe-beta/",
    }
    assert item["commitment"] == "one_off"
    assert item["municipality"] == {"slug": "test-ort-beta", "name": "Testort Beta"}
    assert item["topics"] == [{"slug": "test-thema-beta", "name": "Testthema Beta"}]
    assert item["languages"] == [
        {"code": "qab", "name": "Testsprache B", "native_name": "Lingua B"}
    ]


def test_it_pages_with_page_size(client, needs):
    data = get_json(client, LIST_URL, {"page_size": 1})

    assert data["count"] == 2
    assert len(data["results"]) == 1
    assert "page=2" in data["next"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"topic": "test-thema-alpha"}, ["Lernpaten für Grundschulkinder"]),
        ({"language": "qab"}, ["Fahrdienst zum Sprachkurs"]),
        ({"municipality": "test-ort-alpha"}, ["Lernpaten für Grundschulkinder"]),
        ({"commitment": "one_off"}, ["Fahrdienst zum Sprachkurs"]),
        ({"q": "Fahrdienst"}, ["Fahrdienst zum Sprachkurs"]),
        ({"q": "besetzt"}, []),
    ],
)
def test_it_filters_and_searches_like_the_page(client, needs, params, expected):
    assert titles(get_json(client, LIST_URL, params)) == expected


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"topic": "gibt-es-nicht"}, "topic"),
        ({"language": "zz"}, "language"),
        ({"municipality": "atlantis"}, "municipality"),
        ({"commitment": "forever"}, "commitment"),
    ],
)
def test_it_answers_an_unknown_filter_value_with_400_and_the_reason(client, needs, params, field):
    data = get_json(client, LIST_URL, params, status=400)

    assert list(data) == [field]
    assert data[field][0]


def test_it_shows_one_public_need_in_detail(client, needs):
    data = get_json(client, f"{LIST_URL}{needs['fahren'].pk}/")

    assert data["title"] == "Fahrdienst zum Sprachkurs"
    assert data["description"] == "<p>Wir suchen Unterstützung.</p>"
    assert data["contact_person"]["name"] == "Carl Kontakt"
    assert "skills" in data


@pytest.mark.parametrize("title", ["Schon besetzt", "Gestern geendet", "Bedarf eines Entwurfs"])
def test_it_answers_404_for_needs_that_are_not_public(client, needs, title):
    need = Need.objects.get(title=title)

    get_json(client, f"{LIST_URL}{need.pk}/", status=404)


def test_it_never_exposes_offers_of_help(client, needs):
    listing = client.get(LIST_URL).content.decode()
    detail = client.get(f"{LIST_URL}{needs['fahren'].pk}/").content.decode()

    for content in (listing, detail):
        assert "Geheime Helferin" not in content
        assert "geheim@example.org" not in content
        assert "replies" not in content
