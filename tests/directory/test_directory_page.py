"""The public directory: /directory/ with search, filters, facets and pages, and the profiles."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.models import ActorKind
from search import registry
from tests.directory.helpers import (
    actor_links,
    actor_names,
    checked_values,
    facet_counts,
    html,
    jsonld,
    page_names,
    result_count,
)
from tests.factories import (
    ActorFactory,
    ContactPersonFactory,
    LocationFactory,
    MunicipalityFactory,
    OfferFactory,
    OpeningHoursFactory,
)
from tests.html import links, one, select, text_of, texts

# --- the network the list tests look at ------------------------------------------------------


@pytest.fixture
def network(terms):
    """Four published actors and a draft, spread over the test terms."""
    eins = ActorFactory(
        name="Akteur Eins",
        slug="akteur-eins",
        kind=ActorKind.ASSOCIATION,
        topics=[terms.topic_a],
        languages=[terms.language_a],
        target_groups=[terms.group_a],
    )
    # two places in the same municipality still count once
    LocationFactory(actor=eins, municipality=terms.place_a, street="Markt 1")
    LocationFactory(actor=eins, municipality=terms.place_a, street="Markt 2")
    zwei = ActorFactory(
        name="Akteur Zwei",
        slug="akteur-zwei",
        kind=ActorKind.PROJECT,
        topics=[terms.topic_b],
        languages=[terms.language_b],
        target_groups=[terms.group_b],
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
    entwurf = ActorFactory(
        name="Akteur Entwurf",
        slug="akteur-entwurf",
        kind=ActorKind.ASSOCIATION,
        live=False,
        topics=[terms.topic_a, terms.topic_b],
        languages=[terms.language_a, terms.language_b],
        target_groups=[terms.group_a, terms.group_b],
    )
    LocationFactory(actor=entwurf, municipality=terms.place_a)
    LocationFactory(actor=entwurf, municipality=terms.place_b)
    fuenf = ActorFactory(name="Akteur Fünf", slug="akteur-fuenf", kind=ActorKind.VOLUNTEER)
    return {"eins": eins, "zwei": zwei, "drei": drei, "entwurf": entwurf, "fuenf": fuenf}


# --- listing ---------------------------------------------------------------------------------


def test_it_lists_published_actors_only(client, network):
    response = client.get("/directory/")

    assert response.status_code == 200
    assert actor_names(response) == ["Akteur Drei", "Akteur Eins", "Akteur Fünf", "Akteur Zwei"]
    assert result_count(response) == 4
    assert "Akteur Entwurf" not in html(response)


def test_it_links_each_listed_actor_to_its_profile(client, network):
    response = client.get("/directory/")

    assert "/directory/akteur-eins/" in actor_links(response)


def test_it_hides_an_actor_once_unpublished(client, network):
    network["eins"].live = False
    network["eins"].save()

    assert "Akteur Eins" not in page_names(client)


def test_it_shows_the_actors_kind_and_places_on_each_card(client, network):
    cards = {
        text_of(card, "h3"): text_of(card)
        for card in select(client.get("/directory/"), "li.actor-card")
    }

    card = cards["Akteur Zwei"]
    assert "Projekt" in card
    assert "Testort Beta" in card


# --- filters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "association"}, ["Akteur Drei", "Akteur Eins"]),
        ({"kind": "project"}, ["Akteur Zwei"]),
        ({"kind": "volunteer"}, ["Akteur Fünf"]),
        ({"topic": "test-thema-alpha"}, ["Akteur Drei", "Akteur Eins"]),
        ({"topic": "test-thema-beta"}, ["Akteur Drei", "Akteur Zwei"]),
        ({"language": "qaa"}, ["Akteur Drei", "Akteur Eins"]),
        ({"language": "qab"}, ["Akteur Drei", "Akteur Zwei"]),
        ({"municipality": "test-ort-alpha"}, ["Akteur Drei", "Akteur Eins"]),
        ({"municipality": "test-ort-beta"}, ["Akteur Drei", "Akteur Zwei"]),
        ({"target_group": "test-gruppe-alpha"}, ["Akteur Drei", "Akteur Eins"]),
        ({"target_group": "test-gruppe-beta"}, ["Akteur Drei", "Akteur Zwei"]),
    ],
)
def test_it_filters_by_one_value(client, network, params, expected):
    response = client.get("/directory/", params)

    assert actor_names(response) == expected
    assert result_count(response) == len(expected)
    ((name, value),) = params.items()
    assert checked_values(response, name) == {value}


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("kind", ["association", "project"]),
        ("topic", ["test-thema-alpha", "test-thema-beta"]),
        ("language", ["qaa", "qab"]),
        ("municipality", ["test-ort-alpha", "test-ort-beta"]),
        ("target_group", ["test-gruppe-alpha", "test-gruppe-beta"]),
    ],
)
def test_it_widens_with_several_values_of_one_filter(client, network, name, values):
    response = client.get("/directory/", {name: values})

    # Akteur Drei has both values and is still listed once
    assert actor_names(response) == ["Akteur Drei", "Akteur Eins", "Akteur Zwei"]
    assert result_count(response) == 3
    assert checked_values(response, name) == set(values)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"topic": "test-thema-beta", "language": "qaa"}, ["Akteur Drei"]),
        ({"kind": "association", "municipality": "test-ort-beta"}, ["Akteur Drei"]),
        ({"kind": "project", "topic": "test-thema-alpha"}, []),
        (
            {
                "kind": ["association", "project"],
                "topic": ["test-thema-alpha", "test-thema-beta"],
                "language": "qab",
                "municipality": ["test-ort-alpha", "test-ort-beta"],
                "target_group": "test-gruppe-beta",
            },
            ["Akteur Drei", "Akteur Zwei"],
        ),
    ],
)
def test_it_narrows_across_filters(client, network, params, expected):
    response = client.get("/directory/", params)

    assert response.status_code == 200
    assert actor_names(response) == expected


# --- facet counts ----------------------------------------------------------------------------


def test_it_counts_each_value_of_every_facet_without_filters(client, network, terms):
    response = client.get("/directory/")

    assert facet_counts(response, "kind") == {"association": 2, "project": 1, "volunteer": 1}
    assert facet_counts(response, "topic") == {"test-thema-alpha": 2, "test-thema-beta": 2}
    assert facet_counts(response, "language") == {"qaa": 2, "qab": 2}
    assert facet_counts(response, "municipality") == {"test-ort-alpha": 2, "test-ort-beta": 2}
    assert facet_counts(response, "target_group") == {
        "test-gruppe-alpha": 2,
        "test-gruppe-beta": 2,
    }


def test_it_counts_facets_with_the_other_filters_applied(client, network):
    response = client.get("/directory/", {"topic": "test-thema-alpha"})

    # the kind, language ... counts see the topic filter
    assert facet_counts(response, "kind") == {"association": 2}
    assert facet_counts(response, "language") == {"qaa": 2, "qab": 1}
    assert facet_counts(response, "municipality") == {"test-ort-alpha": 2, "test-ort-beta": 1}
    # the topic's own counts ignore it, so each value says what choosing it adds
    assert facet_counts(response, "topic") == {"test-thema-alpha": 2, "test-thema-beta": 2}


def test_it_counts_facets_against_each_other(client, network):
    response = client.get("/directory/", {"kind": "project", "language": "qaa"})

    assert actor_names(response) == []
    # kinds given language=qaa: Eins and Drei are associations
    assert facet_counts(response, "kind") == {"association": 2, "project": 0}
    # languages given kind=project: only Zwei, who speaks qab; the chosen value is kept
    assert facet_counts(response, "language") == {"qaa": 0, "qab": 1}
    assert facet_counts(response, "topic") == {}


def test_it_counts_facets_within_the_search_result(client, network):
    network["zwei"].short_description = "Wir betreiben eine Fahrradwerkstatt."
    network["zwei"].save()

    response = client.get("/directory/", {"q": "Fahrradwerkstatt"})

    assert actor_names(response) == ["Akteur Zwei"]
    assert facet_counts(response, "kind") == {"project": 1}
    assert facet_counts(response, "topic") == {"test-thema-beta": 1}


def test_it_links_each_chosen_value_to_the_page_without_it(client, network):
    response = client.get(
        "/directory/", {"topic": ["test-thema-alpha", "test-thema-beta"], "page": 1}
    )

    chips = {
        next(chip.strings).strip(): chip["href"].removeprefix("?")
        for chip in select(response, "a.chip")
    }
    assert chips == {
        "Testthema Alpha": "topic=test-thema-beta",
        "Testthema Beta": "topic=test-thema-alpha",
    }


# --- sorting ---------------------------------------------------------------------------------


def test_it_sorts_by_name_by_default_and_on_request(client, network):
    by_name = ["Akteur Drei", "Akteur Eins", "Akteur Fünf", "Akteur Zwei"]

    assert page_names(client) == by_name
    assert page_names(client, sort="name") == by_name
    assert page_names(client, sort="-name") == list(reversed(by_name))


def test_it_sorts_by_last_update(client, network):
    network["fuenf"].save()

    assert page_names(client, sort="-updated")[0] == "Akteur Fünf"


def test_it_ranks_name_matches_before_description_matches(client, db):
    ActorFactory(
        name="Nachbarschaftstreff",
        short_description="Mit Quokkagarten und Quokkacafé, der Quokkatreff der Stadt.",
    )
    ActorFactory(name="Quokkahilfe Zeitz", short_description="Ein Verein.")
    ActorFactory(name="Kleiderkammer", short_description="Kleidung für alle.")

    relevance = page_names(client, q="Quokka")
    explicit = page_names(client, q="Quokka", sort="relevance")
    by_name = page_names(client, q="Quokka", sort="name")

    assert relevance == ["Quokkahilfe Zeitz", "Nachbarschaftstreff"]
    assert explicit == relevance
    assert by_name == ["Nachbarschaftstreff", "Quokkahilfe Zeitz"]


def test_it_falls_back_to_name_order_for_relevance_without_a_query(client, network):
    assert page_names(client, sort="relevance") == page_names(client, sort="name")


# --- pagination ------------------------------------------------------------------------------


@pytest.fixture
def many(db):
    return [ActorFactory(name=f"Verein {n:02d}", slug=f"verein-{n:02d}") for n in range(45)]


def test_it_shows_twenty_actors_per_page(client, many):
    response = client.get("/directory/")

    assert actor_names(response) == [f"Verein {n:02d}" for n in range(20)]
    assert result_count(response) == 45
    assert 'rel="next" href="?page=2"' in html(response)
    assert 'rel="prev"' not in html(response)


def test_it_shows_later_pages(client, many):
    second = client.get("/directory/", {"page": 2})
    last = client.get("/directory/", {"page": 3})

    assert actor_names(second) == [f"Verein {n:02d}" for n in range(20, 40)]
    assert 'rel="prev" href="?page=1"' in html(second)
    assert 'rel="next" href="?page=3"' in html(second)
    assert actor_names(last) == [f"Verein {n:02d}" for n in range(40, 45)]
    assert 'rel="next"' not in html(last)


def test_it_keeps_search_filters_and_sort_in_page_links(client, many):
    response = client.get("/directory/", {"kind": "association", "sort": "-name", "page": 2})

    assert actor_names(response) == [f"Verein {n:02d}" for n in range(24, 4, -1)]
    content = html(response)
    pages = links(content, 'a[rel="next"], a[rel="prev"]')
    assert len(pages) == 2
    for link in pages:
        assert "kind=association" in link
        assert "sort=-name" in link


@pytest.mark.parametrize(("page", "expected_first"), [("99", 40), ("abc", 0), ("0", 40), ("", 0)])
def test_it_is_lenient_with_pages_out_of_range(client, many, page, expected_first):
    response = client.get("/directory/", {"page": page})

    assert response.status_code == 200
    assert actor_names(response)[0] == f"Verein {expected_first:02d}"


def test_it_shows_no_page_links_for_a_single_page(client, network):
    content = html(client.get("/directory/"))

    assert 'rel="next"' not in content
    assert 'class="pagination"' not in content


# --- empty results and invalid filters -------------------------------------------------------


def test_it_helps_when_a_search_finds_nothing(client, network):
    response = client.get("/directory/", {"q": "Quokkazuchtverband"})

    assert response.status_code == 200
    content = html(response)
    assert actor_names(response) == []
    assert result_count(response) == 0
    assert "Leider nichts gefunden." in content
    assert "Schreibweise" in content
    assert '<a href="/directory/">' in content


def test_it_offers_to_search_without_filters_when_filters_find_nothing(client, network):
    response = client.get(
        "/directory/", {"q": "Akteur", "kind": "project", "topic": "test-thema-alpha"}
    )

    content = html(response)
    assert actor_names(response) == []
    assert "Leider nichts gefunden." in content
    assert '<a href="/directory/?q=Akteur">' in content
    assert '<a href="/directory/">' in content


@pytest.mark.parametrize(
    ("params", "field", "value"),
    [
        ({"topic": "gibt-es-nicht"}, "topic", "gibt-es-nicht"),
        ({"kind": "raumschiff"}, "kind", "raumschiff"),
        ({"language": "zz"}, "language", "zz"),
        ({"municipality": "atlantis"}, "municipality", "atlantis"),
        ({"target_group": "marsianer"}, "target_group", "marsianer"),
        ({"topic": ["test-thema-alpha", "gibt-es-nicht"]}, "topic", "gibt-es-nicht"),
        ({"sort": "zufall"}, "sort", "zufall"),
    ],
)
def test_it_answers_invalid_filter_values_with_400_and_a_readable_error(
    client, network, params, field, value
):
    response = client.get("/directory/", params)

    assert response.status_code == 400
    content = html(response)
    assert 'role="alert"' in content
    alert = one(content, '[role="alert"]')
    assert any(item.startswith(f"{field}: ") for item in texts(alert, "li"))
    assert value in text_of(alert)
    assert "/directory/" in links(alert)
    assert "Traceback" not in content
    # the search form is still there to try again
    assert 'name="q"' in content


def test_it_answers_an_overlong_query_with_400(client, network):
    response = client.get("/directory/", {"q": "Beratung " * 30})

    assert response.status_code == 400
    assert "<li>q: " in html(response)


@pytest.mark.parametrize(
    "query",
    ['"', "*", "OR", "NEAR(", "a:b", "' OR 1=1 --", "🙂", "Weißenfels*", "%", "_", "x" * 200],
)
def test_it_never_fails_on_hostile_search_input(client, network, query):
    response = client.get("/directory/", {"q": query})

    assert response.status_code == 200


def test_it_refuses_a_null_character_in_the_query(client, network):
    response = client.get("/directory/", {"q": "Akteur\x00"})

    assert response.status_code == 400
    assert "<li>q: " in html(response)


# --- search ----------------------------------------------------------------------------------


def test_it_finds_actors_by_offer_with_german_stemming(client, db):
    vhs = ActorFactory(name="Volkshochschule", short_description="Bildung für Erwachsene.")
    OfferFactory(actor=vhs, name="Sprachkurs", description="Deutsch von Anfang an.")
    ActorFactory(name="Kleiderkammer", short_description="Kleidung für alle.")

    assert page_names(client, q="Sprachkurse") == ["Volkshochschule"]
    assert page_names(client, q="sprachkurs") == ["Volkshochschule"]


def test_it_finds_actors_across_umlauts_and_sharp_s(client, db):
    weissenfels = MunicipalityFactory(slug="weissenfels", name="Weißenfels")
    zeitz = MunicipalityFactory(slug="zeitz", name="Zeitz")
    one = ActorFactory(name="Migrationsberatung Süd", short_description="Unsere Beratungsstelle.")
    LocationFactory(actor=one, municipality=weissenfels, town="Weißenfels")
    other = ActorFactory(name="Migrationsberatung Ost", short_description="Unsere Beratungsstelle.")
    LocationFactory(actor=other, municipality=zeitz, town="Zeitz")

    assert page_names(client, q="Beratungsstelle Weissenfels") == ["Migrationsberatung Süd"]
    assert page_names(client, q="Beratungsstelle Weißenfels") == ["Migrationsberatung Süd"]
    assert sorted(page_names(client, q="Beratung")) == [
        "Migrationsberatung Ost",
        "Migrationsberatung Süd",
    ]


def test_it_finds_actors_by_their_topics_languages_and_places(client, network):
    by_name = {"sort": "name"}
    assert page_names(client, q="Testthema Beta", **by_name) == ["Akteur Drei", "Akteur Zwei"]
    assert page_names(client, q="Lingua", **by_name) == [
        "Akteur Drei",
        "Akteur Eins",
        "Akteur Zwei",
    ]
    assert page_names(client, q="Testort Alpha", **by_name) == ["Akteur Drei", "Akteur Eins"]


def test_it_never_finds_drafts_by_search(client, network):
    assert "Akteur Entwurf" not in page_names(client, q="Entwurf")
    assert "Akteur Entwurf" not in page_names(client, q="Akteur")


def test_it_combines_search_and_filters(client, network):
    found = page_names(client, q="Akteur", kind="association")
    assert sorted(found) == ["Akteur Drei", "Akteur Eins"]
    assert page_names(client, q="Testthema Alpha", language="qab") == ["Akteur Drei"]


def test_it_keeps_the_query_in_the_search_box(client, network):
    content = html(client.get("/directory/", {"q": 'Akteur "Eins"'}))

    assert 'value="Akteur &quot;Eins&quot;"' in content


# --- languages of the interface --------------------------------------------------------------


def test_it_serves_the_directory_in_german_by_default(client, network):
    content = html(client.get("/directory/"))

    assert '<html lang="de"' in content


def test_it_serves_the_directory_in_english(client, network):
    response = client.get("/en/directory/")

    assert response.status_code == 200
    assert '<html lang="en"' in html(response)
    assert actor_names(response) == ["Akteur Drei", "Akteur Eins", "Akteur Fünf", "Akteur Zwei"]


def test_it_filters_in_english_too(client, network):
    response = client.get(
        "/en/directory/", {"topic": "test-thema-alpha", "q": "Akteur", "sort": "name"}
    )

    assert actor_names(response) == ["Akteur Drei", "Akteur Eins"]
    assert facet_counts(response, "kind") == {"association": 2}


def test_it_serves_profiles_in_english(client, network):
    response = client.get("/en/directory/akteur-eins/")

    assert response.status_code == 200
    assert '<html lang="en"' in html(response)


# --- a fixed number of queries ---------------------------------------------------------------


def make_full_actors(terms, count: int, start: int) -> None:
    with registry.deferred():  # index each actor once, at the end
        _make_full_actors(terms, count, start)


def _make_full_actors(terms, count: int, start: int) -> None:
    for n in range(start, start + count):
        actor = ActorFactory(
            name=f"Quokkaverein {n:03d}",
            slug=f"quokkaverein-{n:03d}",
            short_description="Ein Quokkaverein im Netzwerk.",
            topics=[terms.topic_a, terms.topic_b],
            languages=[terms.language_a, terms.language_b],
            target_groups=[terms.group_a],
            works_online=n % 2 == 0,
        )
        OfferFactory(actor=actor, name=f"Quokkakurs {n}")
        LocationFactory(actor=actor, municipality=terms.place_a)
        LocationFactory(actor=actor, municipality=terms.place_b)


def count_queries(client, url: str, params: dict) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "Quokkaverein"},
        {"topic": "test-thema-alpha", "language": ["qaa", "qab"], "kind": "association"},
        {
            "q": "Quokkakurs",
            "municipality": ["test-ort-alpha", "test-ort-beta"],
            "target_group": "test-gruppe-alpha",
            "sort": "-name",
        },
        {"page": 2},
    ],
)
def test_it_needs_as_many_queries_for_40_actors_as_for_5(client, terms, params):
    make_full_actors(terms, 5, start=0)
    client.get("/directory/", params)  # warm caches (site, settings, synonyms) beforehand
    with_five = count_queries(client, "/directory/", params)
    shown_five = len(actor_names(client.get("/directory/", params)))

    make_full_actors(terms, 35, start=5)
    with_forty = count_queries(client, "/directory/", params)
    shown_forty = len(actor_names(client.get("/directory/", params)))

    assert shown_forty > shown_five or params.get("page") == 2
    assert with_forty == with_five


# --- profile ---------------------------------------------------------------------------------


@pytest.fixture
def profile(terms):
    actor = ActorFactory(
        name="Internationaler Frauentreff",
        slug="frauentreff",
        kind=ActorKind.ASSOCIATION,
        short_description="Begegnung und Beratung für Frauen.",
        description="<p>Wir treffen uns <strong>jede Woche</strong>.</p>",
        website="https://frauentreff.example.org/",
        email="kontakt@frauentreff.example.org",
        phone="03443 123456",
        languages=[terms.language_a],
        topics=[terms.topic_a],
    )
    OfferFactory(
        actor=actor,
        name="Nähcafé",
        description="Gemeinsam nähen und reden.",
        eligibility="Alle Frauen",
    )
    OfferFactory(actor=actor, name="Sprachtandem", description="Deutsch im Gespräch.")
    location = LocationFactory(
        actor=actor,
        name="Begegnungsstätte",
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
    OpeningHoursFactory(
        location=location,
        weekday=3,
        opens=datetime.time(14),
        closes=datetime.time(17, 30),
        by_appointment=True,
    )
    ContactPersonFactory(
        actor=actor, name="Fatima Beispiel", role="Leitung", email="fatima@example.org"
    )
    return actor


def test_it_needs_as_many_queries_for_a_large_profile_as_for_a_small_one(client, profile, terms):
    client.get("/directory/frauentreff/")  # warm up caches (site, settings)
    with CaptureQueriesContext(connection) as small:
        assert client.get("/directory/frauentreff/").status_code == 200

    for n in range(4):
        OfferFactory(actor=profile, name=f"Angebot {n}").topics.set([terms.topic_b])
        location = LocationFactory(actor=profile, municipality=terms.place_b, street=f"Weg {n}")
        OpeningHoursFactory(location=location)
        ContactPersonFactory(actor=profile, name=f"Person {n}")
    with CaptureQueriesContext(connection) as large:
        assert client.get("/directory/frauentreff/").status_code == 200

    assert len(large) == len(small)


def test_it_shows_a_profile_with_offers(client, profile):
    response = client.get("/directory/frauentreff/")

    assert response.status_code == 200
    content = html(response)
    assert "<h1>Internationaler Frauentreff</h1>" in content
    assert "Begegnung und Beratung für Frauen." in content
    assert "<h3>Nähcafé</h3>" in content
    assert "Gemeinsam nähen und reden." in content
    assert "Alle Frauen" in content
    assert "<h3>Sprachtandem</h3>" in content
    assert "<strong>jede Woche</strong>" in content


def test_it_shows_locations_with_an_openstreetmap_link(client, profile):
    content = html(client.get("/directory/frauentreff/"))

    assert "Nikolaistraße 5<br>06712 Zeitz" in content
    (osm,) = links(content, 'a[href^="https://www.openstreetmap.org/"]')
    assert "mlat=51.048600" in osm
    assert "mlon=12.138300" in osm


def test_it_links_to_an_openstreetmap_search_without_coordinates(client, profile):
    profile.locations.update(latitude=None, longitude=None)

    content = html(client.get("/directory/frauentreff/"))

    assert "https://www.openstreetmap.org/search?query=" in content


def test_it_shows_opening_hours(client, profile):
    content = html(client.get("/directory/frauentreff/"))

    assert "Öffnungszeiten" in content
    assert (
        '<th scope="row">Dienstag</th><td>09:00–12:00</td>'
        '<td><span class="slot slot--walk-in">offen, ohne Termin</span></td>' in content
    )
    assert (
        '<th scope="row">Donnerstag</th><td>14:00–17:30</td>'
        '<td><span class="slot slot--appointment">mit Termin</span></td>' in content
    )
    assert content.index("Dienstag") < content.index("Donnerstag")


def test_it_shows_contacts(client, profile):
    content = html(client.get("/directory/frauentreff/"))

    assert "<strong>Fatima Beispiel</strong>" in content
    assert "Leitung" in content
    assert 'href="mailto:fatima@example.org"' in content
    assert 'href="mailto:kontakt@frauentreff.example.org"' in content
    assert 'href="tel:03443123456"' in content
    assert 'href="https://frauentreff.example.org/"' in content


def test_it_shows_languages_in_their_own_name(client, profile):
    content = html(client.get("/directory/frauentreff/"))

    assert '<li class="tag" lang="qaa">Lingua A</li>' in content


def test_it_marks_right_to_left_languages(client, profile):
    from tests.factories import LanguageFactory

    rtl = LanguageFactory(code="qar", name="Testsprache RTL", native_name="لغة", is_rtl=True)
    profile.languages.add(rtl)
    profile.save()

    content = html(client.get("/directory/frauentreff/"))

    assert '<li class="tag" lang="qar" dir="rtl">لغة</li>' in content


def test_it_answers_404_for_drafts(client, profile):
    profile.live = False
    profile.save()

    assert client.get("/directory/frauentreff/").status_code == 404
    assert client.get("/en/directory/frauentreff/").status_code == 404


def test_it_answers_404_for_unknown_slugs(client, db):
    assert client.get("/directory/gibt-es-nicht/").status_code == 404


def test_it_describes_the_actor_as_schema_org_json_ld(client, profile):
    response = client.get("/directory/frauentreff/")

    (data,) = jsonld(response)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NGO"
    assert data["name"] == "Internationaler Frauentreff"
    assert data["url"] == "http://testserver/directory/frauentreff/"
    assert data["description"] == "Begegnung und Beratung für Frauen."
    assert data["email"] == "kontakt@frauentreff.example.org"
    assert data["knowsLanguage"] == ["qaa"]
    assert data["address"] == [
        {
            "@type": "PostalAddress",
            "streetAddress": "Nikolaistraße 5",
            "postalCode": "06712",
            "addressLocality": "Zeitz",
            "addressRegion": "Sachsen-Anhalt",
            "addressCountry": "DE",
        }
    ]
    offered = [offer["itemOffered"]["name"] for offer in data["makesOffer"]]
    assert offered == ["Nähcafé", "Sprachtandem"]


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        (ActorKind.ASSOCIATION, "NGO"),
        (ActorKind.MIGRANT_ORGANISATION, "NGO"),
        (ActorKind.VOLUNTEER_INITIATIVE, "Organization"),
        (ActorKind.PROJECT, "Organization"),
        (ActorKind.PUBLIC_SERVICE, "GovernmentOrganization"),
    ],
)
def test_it_picks_the_schema_org_type_by_kind(client, db, kind, schema_type):
    ActorFactory(slug="typ", kind=kind)

    (data,) = jsonld(client.get("/directory/typ/"))

    assert data["@type"] == schema_type


def test_it_leaves_out_an_address_without_locations(client, db):
    ActorFactory(slug="ohne-ort")

    (data,) = jsonld(client.get("/directory/ohne-ort/"))

    assert "address" not in data
    assert "makesOffer" not in data


HOSTILE_NAME = "</script><script>alert(1)</script>"


def test_it_keeps_data_inside_the_json_ld_script(client, db):
    actor = ActorFactory(
        slug="boese",
        name=f"Verein {HOSTILE_NAME} & Co",
        short_description=f"<!-- {HOSTILE_NAME}",
    )
    OfferFactory(actor=actor, name=HOSTILE_NAME)

    response = client.get("/directory/boese/")

    content = html(response)
    assert "<script>alert(1)" not in content
    # The page's own scripts are files; the JSON-LD is the one script written into the page,
    # and no hostile text closes one early.
    scripts = BeautifulSoup(content, "html.parser").find_all("script")
    (written,) = [script for script in scripts if not script.get("src")]
    assert written["type"] == "application/ld+json"
    assert content.count("</script>") == len(scripts)
    assert "<!--" not in content
    (data,) = jsonld(response)
    assert data["name"] == f"Verein {HOSTILE_NAME} & Co"
    assert data["description"] == f"<!-- {HOSTILE_NAME}"
    assert data["makesOffer"][0]["itemOffered"]["name"] == HOSTILE_NAME
    # and the visible page escapes it too
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in content


def test_it_sanitises_the_description_html(client, db):
    ActorFactory(
        slug="html",
        description=(
            "<p>Willkommen <em>alle</em></p>"
            "<script>alert('desc')</script>"
            '<img src="x" onerror="alert(2)">'
            '<a href="javascript:alert(3)" onclick="alert(4)">Link</a>'
            '<a href="https://example.org/">Partner</a>'
        ),
    )

    content = html(client.get("/directory/html/"))

    assert "<p>Willkommen <em>alle</em></p>" in content
    assert "alert('desc')" not in content
    assert "onerror" not in content
    assert "onclick" not in content
    assert "javascript:" not in content
    assert "<img" not in content
    assert '<a href="https://example.org/" rel="nofollow noopener">Partner</a>' in content


def test_it_puts_plain_text_offer_descriptions_into_json_ld(client, db):
    actor = ActorFactory(slug="kaffee")
    OfferFactory(actor=actor, name="Café", description="Kaffee & Kuchen für 1 € < 2 €")

    (data,) = jsonld(client.get("/directory/kaffee/"))

    assert data["makesOffer"][0]["itemOffered"]["description"] == "Kaffee & Kuchen für 1 € < 2 €"
