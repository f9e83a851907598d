"""Sorting the directory by distance from a municipality or a shared location (issue 20)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.models import Municipality
from tests.directory.helpers import actor_names, html, page_names
from tests.factories import ActorFactory, LocationFactory
from tests.html import select

pytestmark = pytest.mark.django_db

API = "/api/v1/actors/"


def place(slug: str) -> Municipality:
    return Municipality.objects.get(slug=slug)


def located(name: str, *slugs: str):
    """An actor with a place at the centre of each named municipality."""
    actor = ActorFactory(name=name)
    for slug in slugs:
        municipality = place(slug)
        LocationFactory(
            actor=actor,
            municipality=municipality,
            latitude=municipality.latitude,
            longitude=municipality.longitude,
        )
    return actor


@pytest.fixture
def spread():
    """Actors across the district, one with two places, one online only (no place)."""
    located("Anna in Zeitz", "zeitz")
    located("Berta in Weißenfels", "weissenfels")
    located("Clara in Naumburg", "naumburg-saale")
    located("Dora in Zeitz und Naumburg", "naumburg-saale", "zeitz")
    ActorFactory(name="Ella online", works_online=True)


def test_it_sorts_by_distance_from_a_chosen_municipality(client, spread):
    from_zeitz = page_names(client, near="zeitz", sort="distance")
    from_naumburg = page_names(client, near="naumburg-saale", sort="distance")

    assert set(from_zeitz[:2]) == {"Anna in Zeitz", "Dora in Zeitz und Naumburg"}
    assert from_zeitz[2:] == ["Berta in Weißenfels", "Clara in Naumburg", "Ella online"]
    assert set(from_naumburg[:2]) == {"Clara in Naumburg", "Dora in Zeitz und Naumburg"}
    assert from_naumburg[-1] == "Ella online"


def test_it_sorts_by_distance_when_a_place_is_chosen_and_no_order(client, spread):
    assert page_names(client, near="weissenfels")[0] == "Berta in Weißenfels"
    assert page_names(client, near="weissenfels", sort="name")[0] == "Anna in Zeitz"


def test_it_sorts_by_distance_from_a_shared_location(client, spread):
    # A point a little north of Zeitz's centre.
    names = page_names(client, lat="51.06", lon="12.14", sort="distance")

    assert set(names[:2]) == {"Anna in Zeitz", "Dora in Zeitz und Naumburg"}
    assert names[-1] == "Ella online"


def test_it_lets_the_distance_button_outrank_the_sort_list(client, spread):
    """The page's form sends the button's "distance" before the list's own choice."""
    response = client.get("/directory/?near=weissenfels&sort=distance&sort=name")

    assert actor_names(response)[0] == "Berta in Weißenfels"


def test_it_keeps_the_default_order_when_there_is_nothing_to_measure_from(client, spread):
    assert page_names(client, sort="distance") == page_names(client, sort="name")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("near=atlantis", "near"),
        ("near=%3Cscript%3E", "near"),
        ("lat=abc&lon=12", "lat"),
        ("lat=91&lon=12", "lat"),
        ("lat=51&lon=-181", "lon"),
        ("lat=&lon=nan", "lon"),
    ],
)
def test_it_refuses_an_invalid_place_on_the_page_and_in_the_api(client, spread, query, field):
    page = client.get(f"/directory/?{query}")
    api = client.get(f"{API}?{query}")

    assert page.status_code == 400
    assert "Diese Auswahl ist ungültig" in html(page)
    assert api.status_code == 400
    assert field in api.json()


def test_it_prefers_the_municipality_and_needs_both_coordinates(client, spread):
    """Any mix of valid values is answered (the API's schema allows each alone)."""
    both = page_names(client, near="weissenfels", lat="51.06", lon="12.14")
    half = client.get(API, {"lat": "51.06"})

    assert both[0] == "Berta in Weißenfels"
    assert half.status_code == 200
    assert page_names(client, lat="51.06") == page_names(client, sort="name")


def test_it_sorts_the_api_by_distance_too(client, spread):
    data = client.get(API, {"near": "naumburg-saale", "sort": "distance"}).json()

    names = [item["name"] for item in data["results"]]
    assert set(names[:2]) == {"Clara in Naumburg", "Dora in Zeitz und Naumburg"}
    assert names[-1] == "Ella online"


def test_it_measures_in_the_same_number_of_queries(client, spread):
    def queries(**params) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/directory/", params).status_code == 200
        return len(captured)

    by_name = queries(sort="name")
    for number in range(6):
        located(f"Weitere {number}", "zeitz", "weissenfels")

    assert queries(near="zeitz", sort="distance") <= by_name + 2  # the municipality's lookup
    assert queries(near="zeitz", sort="distance") == queries(near="weissenfels", sort="distance")


def test_it_offers_the_municipalities_and_keeps_the_choice(client, spread):
    page = html(client.get("/directory/", {"near": "zeitz", "sort": "distance"}))

    options = {option["value"]: option for option in select(page, "select#id_near option")}
    assert {"zeitz", "weissenfels", "naumburg-saale"} <= set(options)
    assert options["zeitz"].has_attr("selected")
    (button,) = select(page, 'button[name="sort"][value="distance"]')
    assert button.get_text(strip=True) == "Nach Entfernung sortieren"
    assert select(page, "button[data-near-locate][hidden]")  # shown only by the script
    assert select(page, 'select#id_sort option[value="distance"][selected]')


def test_it_keeps_a_shared_location_in_the_form_with_a_way_out(client, spread):
    page = html(client.get("/directory/", {"lat": "51.06", "lon": "12.14", "kind": "association"}))

    kept = {field["name"]: field["value"] for field in select(page, "input[data-near-point]")}
    assert kept == {"lat": "51.06", "lon": "12.14"}
    (way_out,) = [
        link["href"] for link in select(page, ".near__point a") if "lat" not in link["href"]
    ]
    assert "lon" not in way_out and "kind=association" in way_out


def distances(response) -> dict[str, str]:
    """Each card's name and the distance it states ("" where it states none)."""
    return {
        card.select_one("h3 a").get_text(strip=True): " ".join(
            tag.get_text(" ", strip=True) for tag in card.select(".actor-card__distance")
        )
        for card in select(response, "li.actor-card")
    }


def test_it_states_each_cards_distance_in_the_visitors_language(client, spread):
    zeitz = place("zeitz")
    # 0.0288° north of Zeitz's centre: 3.2 km from Anna's place there.
    point = {"lat": f"{zeitz.latitude + Decimal('0.0288')}", "lon": f"{zeitz.longitude}"}

    german = distances(client.get("/directory/", {**point, "sort": "distance"}))
    english = distances(client.get("/en/directory/", {**point, "sort": "distance"}))

    assert german["Anna in Zeitz"] == "etwa 3,2 km entfernt"
    assert english["Anna in Zeitz"] == "about 3.2 km away"
    assert german["Ella online"] == english["Ella online"] == ""


def test_it_states_distances_only_when_sorted_by_distance(client, spread):
    by_distance = distances(client.get("/directory/", {"near": "zeitz"}))
    by_name = distances(client.get("/directory/", {"near": "zeitz", "sort": "name"}))

    # Anna's place is at Zeitz's centre: the nearest step shown, never "0,0 km".
    assert by_distance["Anna in Zeitz"] == "etwa 0,1 km entfernt"
    assert set(by_name.values()) == {""}
