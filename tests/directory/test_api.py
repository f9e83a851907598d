"""The read-only JSON API: /api/v1/actors/ with the page's filters and search, and details."""

from __future__ import annotations

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.models import ActorKind
from search import registry
from tests.directory.helpers import actor_links
from tests.factories import (
    ActorFactory,
    ContactPersonFactory,
    LocationFactory,
    OfferFactory,
    OpeningHoursFactory,
)

LIST_URL = "/api/v1/actors/"


def get_json(client, url: str, params: dict | None = None, status: int = 200):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content[:2000]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def slugs(data: dict) -> list[str]:
    return [item["slug"] for item in data["results"]]


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


@pytest.fixture
def network(terms):
    eins = ActorFactory(
        name="Akteur Eins",
        slug="akteur-eins",
        kind=ActorKind.ASSOCIATION,
        topics=[terms.topic_a],
        languages=[terms.language_a],
        target_groups=[terms.group_a],
    )
    LocationFactory(actor=eins, municipality=terms.place_a)
    zwei = ActorFactory(
        name="Akteur Zwei",
        slug="akteur-zwei",
        kind=ActorKind.PROJECT,
        topics=[terms.topic_b],
        languages=[terms.language_b],
        target_groups=[terms.group_b],
        short_description="Wir betreiben eine Fahrradwerkstatt.",
    )
    LocationFactory(actor=zwei, municipality=terms.place_b)
    drei = ActorFactory(
        name="Akteur Drei",
        slug="akteur-drei",
        kind=ActorKind.ASSOCIATION,
        topics=[terms.topic_a, terms.topic_b],
        languages=[terms.language_a, terms.language_b],
        target_groups=[terms.group_a, terms.group_b],
    )
    LocationFactory(actor=drei, municipality=terms.place_a)
    LocationFactory(actor=drei, municipality=terms.place_b)
    LocationFactory(actor=drei, municipality=terms.place_b, street="Zweite Straße 2")
    ActorFactory(
        name="Akteur Entwurf",
        slug="akteur-entwurf",
        live=False,
        topics=[terms.topic_a],
        languages=[terms.language_a],
    )
    ActorFactory(name="Akteur Fünf", slug="akteur-fuenf", kind=ActorKind.VOLUNTEER)


# --- list ------------------------------------------------------------------------------------


def test_it_lists_published_actors_in_a_paginated_envelope(client, network):
    data = get_json(client, LIST_URL)

    assert set(data) == {"count", "next", "previous", "results"}
    assert data["count"] == 4
    assert data["next"] is None
    assert data["previous"] is None
    assert slugs(data) == ["akteur-drei", "akteur-eins", "akteur-fuenf", "akteur-zwei"]


def test_it_describes_each_actor_in_the_list(client, network, terms):
    data = get_json(client, LIST_URL, {"topic": "test-thema-beta", "kind": "project"})

    (item,) = data["results"]
    assert item["slug"] == "akteur-zwei"
    assert item["name"] == "Akteur Zwei"
    assert item["kind"] == "project"
    assert item["short_description"] == "Wir betreiben eine Fahrradwerkstatt."
    assert item["url"] == "http://testserver/directory/akteur-zwei/"
    assert item["topics"] == [{"slug": "test-thema-beta", "name": "Testthema Beta"}]
    assert item["target_groups"] == [{"slug": "test-gruppe-beta", "name": "Testgruppe Beta"}]
    assert item["languages"] == [
        {"code": "qab", "name": "Testsprache B", "native_name": "Lingua B"}
    ]
    assert item["municipalities"] == [{"slug": "test-ort-beta", "name": "Testort Beta"}]


def test_it_lists_each_municipality_of_an_actor_once(client, network):
    data = get_json(client, LIST_URL, {"q": "Akteur Drei", "sort": "name"})

    drei = next(item for item in data["results"] if item["slug"] == "akteur-drei")
    assert [place["slug"] for place in drei["municipalities"]] == [
        "test-ort-alpha",
        "test-ort-beta",
    ]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"kind": "association"},
        {"kind": ["association", "volunteer"]},
        {"topic": "test-thema-alpha"},
        {"topic": ["test-thema-alpha", "test-thema-beta"]},
        {"language": "qab"},
        {"language": ["qaa", "qab"]},
        {"municipality": "test-ort-beta"},
        {"municipality": ["test-ort-alpha", "test-ort-beta"]},
        {"target_group": "test-gruppe-alpha"},
        {"target_group": ["test-gruppe-alpha", "test-gruppe-beta"]},
        {"topic": "test-thema-beta", "language": "qaa"},
        {"kind": "project", "topic": "test-thema-alpha"},
        {"q": "Akteur"},
        {"q": "Fahrradwerkstätten"},
        {"q": "Testthema Alpha", "kind": "association"},
        {"q": "Lingua", "sort": "-name"},
        {"sort": "-name"},
        {"sort": "name"},
    ],
)
def test_it_finds_the_same_actors_as_the_page(client, network, params):
    data = get_json(client, LIST_URL, params)
    page = client.get("/directory/", params)

    assert page.status_code == 200
    assert [f"/directory/{slug}/" for slug in slugs(data)] == actor_links(page)
    assert data["count"] == len(data["results"])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": ["association", "project"]}, ["akteur-drei", "akteur-eins", "akteur-zwei"]),
        (
            {"topic": ["test-thema-alpha", "test-thema-beta"]},
            ["akteur-drei", "akteur-eins", "akteur-zwei"],
        ),
        ({"language": "qaa", "topic": "test-thema-beta"}, ["akteur-drei"]),
        ({"municipality": "test-ort-beta", "kind": "project"}, ["akteur-zwei"]),
        ({"target_group": "test-gruppe-alpha"}, ["akteur-drei", "akteur-eins"]),
    ],
)
def test_it_filters_with_or_within_and_and_across(client, network, params, expected):
    assert slugs(get_json(client, LIST_URL, params)) == expected


def test_it_searches_with_german_stemming_and_umlauts(client, db):
    vhs = ActorFactory(slug="vhs", name="Volkshochschule")
    OfferFactory(actor=vhs, name="Sprachkurs")
    ActorFactory(
        slug="weissenfels", name="Beratung", short_description="Beratungsstelle Weißenfels"
    )
    ActorFactory(slug="zeitz", name="Beratung Zeitz", short_description="Beratungsstelle Zeitz")

    assert slugs(get_json(client, LIST_URL, {"q": "Sprachkurse"})) == ["vhs"]
    assert slugs(get_json(client, LIST_URL, {"q": "Beratungsstelle Weissenfels"})) == [
        "weissenfels"
    ]


def test_it_ranks_name_matches_first(client, db):
    ActorFactory(slug="body", name="Treffpunkt", short_description="Das Quokkacafé der Stadt")
    ActorFactory(slug="title", name="Quokkacafé", short_description="Ein Verein")

    assert slugs(get_json(client, LIST_URL, {"q": "Quokkacafé"})) == ["title", "body"]


def test_it_hides_drafts_from_search(client, network):
    assert "akteur-entwurf" not in slugs(get_json(client, LIST_URL, {"q": "Entwurf"}))


# --- pagination ------------------------------------------------------------------------------


@pytest.fixture
def many(db):
    return [ActorFactory(name=f"Verein {n:03d}", slug=f"verein-{n:03d}") for n in range(45)]


def test_it_pages_by_twenty_with_next_and_previous_links(client, many):
    first = get_json(client, LIST_URL)
    second = get_json(client, first["next"])
    third = get_json(client, second["next"])

    assert first["count"] == second["count"] == third["count"] == 45
    assert slugs(first) == [f"verein-{n:03d}" for n in range(20)]
    assert slugs(second) == [f"verein-{n:03d}" for n in range(20, 40)]
    assert slugs(third) == [f"verein-{n:03d}" for n in range(40, 45)]
    assert first["previous"] is None
    assert first["next"].startswith("http://testserver/api/v1/actors/")
    assert query_of(first["next"])["page"] == ["2"]
    assert query_of(third["previous"])["page"] == ["2"]
    assert third["next"] is None
    assert get_json(client, second["previous"]) == first


def test_it_keeps_filters_in_page_links(client, many):
    first = get_json(client, LIST_URL, {"kind": "association", "sort": "-name", "page_size": 10})

    query = query_of(first["next"])
    assert query["kind"] == ["association"]
    assert query["sort"] == ["-name"]
    assert query["page_size"] == ["10"]
    second = get_json(client, first["next"])
    assert slugs(second) == [f"verein-{n:03d}" for n in range(34, 24, -1)]


def test_it_takes_a_page_size(client, many):
    data = get_json(client, LIST_URL, {"page_size": 7, "page": 2})

    assert slugs(data) == [f"verein-{n:03d}" for n in range(7, 14)]
    assert data["count"] == 45


def test_it_caps_the_page_size_at_100(client, many):
    for n in range(45, 110):
        ActorFactory(name=f"Verein {n:03d}", slug=f"verein-{n:03d}")

    data = get_json(client, LIST_URL, {"page_size": 1000})

    assert data["count"] == 110
    assert len(data["results"]) == 100
    assert query_of(data["next"])["page"] == ["2"]


@pytest.mark.parametrize("page_size", ["0", "-5", "viele"])
def test_it_uses_the_default_page_size_for_unusable_sizes(client, many, page_size):
    data = get_json(client, LIST_URL, {"page_size": page_size})

    assert len(data["results"]) == 20


@pytest.mark.parametrize("page", ["4", "99", "0", "-1", "zwei"])
def test_it_answers_404_json_for_invalid_pages(client, many, page):
    data = get_json(client, LIST_URL, {"page": page}, status=404)

    assert set(data) == {"detail"}
    assert data["detail"]


def test_it_accepts_last_as_a_page(client, many):
    assert slugs(get_json(client, LIST_URL, {"page": "last"}))[0] == "verein-040"


def test_it_answers_an_empty_list_with_200(client, network):
    data = get_json(client, LIST_URL, {"q": "Quokkazuchtverband"})

    assert data == {"count": 0, "next": None, "previous": None, "results": []}


# --- invalid filters -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"topic": "gibt-es-nicht"}, "topic"),
        ({"kind": "raumschiff"}, "kind"),
        ({"language": "zz"}, "language"),
        ({"municipality": "atlantis"}, "municipality"),
        ({"target_group": "marsianer"}, "target_group"),
        ({"topic": ["test-thema-alpha", "gibt-es-nicht"]}, "topic"),
        ({"sort": "zufall"}, "sort"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_it_answers_invalid_filters_with_400_naming_the_field(client, network, params, field):
    data = get_json(client, LIST_URL, params, status=400)

    assert list(data) == [field]
    assert isinstance(data[field], list)
    assert all(isinstance(message, str) and message for message in data[field])


def test_it_names_every_invalid_field(client, network):
    data = get_json(
        client, LIST_URL, {"topic": "nope", "language": "zz", "kind": "association"}, status=400
    )

    assert set(data) == {"topic", "language"}


def test_it_ignores_unknown_parameters(client, network):
    data = get_json(client, LIST_URL, {"farbe": "blau", "format": "json"})

    assert data["count"] == 4


@pytest.mark.parametrize("query", ['"', "*", "OR", "NEAR(", "a:b", "' OR 1=1 --", "🙂"])
def test_it_never_fails_on_hostile_queries(client, network, query):
    data = get_json(client, LIST_URL, {"q": query})

    assert isinstance(data["results"], list)


# --- detail ----------------------------------------------------------------------------------


@pytest.fixture
def profile(terms):
    actor = ActorFactory(
        name="Internationaler Frauentreff",
        slug="frauentreff",
        short_description="Begegnung und Beratung für Frauen.",
        description="<p>Wir treffen uns <strong>jede Woche</strong>.</p><script>x()</script>",
        email="kontakt@frauentreff.example.org",
        languages=[terms.language_a],
        topics=[terms.topic_a],
    )
    offer = OfferFactory(
        actor=actor, name="Nähcafé", description="Gemeinsam nähen.", is_free=False, cost_note="2 €"
    )
    offer.topics.set([terms.topic_b])
    offer.languages.set([terms.language_b])
    offer.save()
    location = LocationFactory(
        actor=actor,
        street="Nikolaistraße 5",
        postcode="06712",
        town="Zeitz",
        municipality=terms.place_a,
        latitude="51.048600",
        longitude="12.138300",
    )
    OpeningHoursFactory(
        location=location, weekday=1, opens=datetime.time(9), closes=datetime.time(12)
    )
    ContactPersonFactory(actor=actor, name="Fatima Beispiel", role="Leitung", phone="03443 1")
    return actor


def test_it_describes_one_actor_in_detail(client, profile):
    data = get_json(client, "/api/v1/actors/frauentreff/")

    assert data["slug"] == "frauentreff"
    assert data["name"] == "Internationaler Frauentreff"
    assert data["url"] == "http://testserver/directory/frauentreff/"
    assert data["description"] == "<p>Wir treffen uns <strong>jede Woche</strong>.</p>"
    assert data["languages"] == [
        {"code": "qaa", "name": "Testsprache A", "native_name": "Lingua A"}
    ]
    assert data["topics"] == [{"slug": "test-thema-alpha", "name": "Testthema Alpha"}]
    assert data["last_confirmed_at"]


def test_it_includes_offers_in_the_detail(client, profile):
    (offer,) = get_json(client, "/api/v1/actors/frauentreff/")["offers"]

    assert offer["name"] == "Nähcafé"
    assert offer["description"] == "Gemeinsam nähen."
    assert offer["is_free"] is False
    assert offer["cost_note"] == "2 €"
    assert offer["topics"] == [{"slug": "test-thema-beta", "name": "Testthema Beta"}]
    assert offer["languages"] == [
        {"code": "qab", "name": "Testsprache B", "native_name": "Lingua B"}
    ]
    assert offer["availability"] == "open"


def test_it_includes_locations_with_hours_and_map_link_in_the_detail(client, profile):
    (location,) = get_json(client, "/api/v1/actors/frauentreff/")["locations"]

    assert location["street"] == "Nikolaistraße 5"
    assert location["postcode"] == "06712"
    assert location["town"] == "Zeitz"
    assert location["municipality"] == {"slug": "test-ort-alpha", "name": "Testort Alpha"}
    assert location["latitude"] == "51.048600"
    assert location["longitude"] == "12.138300"
    assert location["osm_url"].startswith("https://www.openstreetmap.org/?mlat=51.048600")
    assert location["opening_hours"] == [
        {"weekday": 1, "opens": "09:00:00", "closes": "12:00:00", "by_appointment": False}
    ]


def test_it_includes_contacts_in_the_detail(client, profile):
    data = get_json(client, "/api/v1/actors/frauentreff/")

    assert data["contacts"] == [
        {
            "name": "Fatima Beispiel",
            "role": "Leitung",
            "email": "alex@example.org",
            "phone": "03443 1",
        }
    ]


def test_it_answers_404_json_for_drafts(client, profile):
    profile.live = False
    profile.save()

    data = get_json(client, "/api/v1/actors/frauentreff/", status=404)

    assert "detail" in data


def test_it_answers_404_json_for_unknown_slugs(client, db):
    data = get_json(client, "/api/v1/actors/gibt-es-nicht/", status=404)

    assert "detail" in data


def test_it_is_read_only(client, profile):
    assert client.post(LIST_URL, {}).status_code in {403, 405}
    assert client.delete("/api/v1/actors/frauentreff/").status_code in {403, 405}


# --- a fixed number of queries ---------------------------------------------------------------


def make_full_actors(terms, count: int) -> None:
    with registry.deferred():  # index each actor once, at the end
        _make_full_actors(terms, count)


def _make_full_actors(terms, count: int) -> None:
    for n in range(count):
        actor = ActorFactory(
            name=f"Quokkaverein {n:03d}",
            slug=f"quokkaverein-{n:03d}",
            topics=[terms.topic_a, terms.topic_b],
            languages=[terms.language_a, terms.language_b],
            target_groups=[terms.group_a, terms.group_b],
        )
        LocationFactory(actor=actor, municipality=terms.place_a)
        LocationFactory(actor=actor, municipality=terms.place_b)
        OfferFactory(actor=actor)


def count_queries(client, params: dict) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        data = get_json(client, LIST_URL, params)
    return len(queries), len(data["results"])


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "Quokkaverein"},
        {"topic": "test-thema-alpha", "language": ["qaa", "qab"], "municipality": "test-ort-beta"},
    ],
)
def test_it_needs_as_many_queries_for_a_large_page_as_for_a_small_one(client, terms, params):
    make_full_actors(terms, 40)
    client.get(LIST_URL, params)  # warm caches (site, settings, synonyms) beforehand

    small, shown_small = count_queries(client, {**params, "page_size": 5})
    large, shown_large = count_queries(client, {**params, "page_size": 40})

    assert (shown_small, shown_large) == (5, 40)
    assert large == small


def test_it_needs_a_fixed_number_of_queries_for_a_detail(client, terms):
    actor = ActorFactory(slug="one", topics=[terms.topic_a], languages=[terms.language_a])
    OfferFactory(actor=actor)
    location = LocationFactory(actor=actor, municipality=terms.place_a)
    OpeningHoursFactory(location=location)
    with CaptureQueriesContext(connection) as few:
        get_json(client, "/api/v1/actors/one/")

    for n in range(5):
        OfferFactory(actor=actor, name=f"Angebot {n}").topics.set([terms.topic_b])
        more = LocationFactory(actor=actor, municipality=terms.place_b)
        OpeningHoursFactory(location=more)
        ContactPersonFactory(actor=actor)
    with CaptureQueriesContext(connection) as many:
        get_json(client, "/api/v1/actors/one/")

    assert len(many) == len(few)
