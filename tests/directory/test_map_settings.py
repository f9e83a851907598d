"""The maps' settings reach the pages as data attributes, and the CSP lets images come from the
tile host of MAP_TILE_URL and from no other."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.factories import ActorFactory, LocationFactory

pytestmark = pytest.mark.django_db


def img_sources(response) -> list[str]:
    directives = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {words[0]: words[1:] for words in directives if words}["img-src"]


@pytest.mark.parametrize(
    ("tiles", "expected"),
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", ["https://tile.openstreetmap.org"]),
        (
            "https://{s}.tiles.example.org:8443/osm/{z}/{x}/{y}.png",
            ["https://*.tiles.example.org:8443"],
        ),
        ("/static/tiles/{z}/{x}/{y}.png", []),
        ("data:image/png;base64,AAAA", []),
        ('https://evil.example.org"; script-src *', []),
    ],
)
def test_it_lets_images_come_from_the_tile_host_only(client, settings, tiles, expected):
    settings.MAP_TILE_URL = tiles

    response = client.get("/directory/")

    assert img_sources(response) == ["'self'", "data:", *expected]


def test_the_directory_page_carries_the_map_settings_and_hides_the_map(client, settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_ATTRIBUTION = '&copy; <a href="https://example.org">Beispiel</a>'

    soup = BeautifulSoup(client.get("/directory/?topic=x").content, "html.parser")

    section = soup.select_one('[data-map="directory"]')
    assert section.has_attr("hidden")
    assert section["data-tiles"] == "https://tiles.example.org/{z}/{x}/{y}.png"
    assert section["data-attribution"] == '&copy; <a href="https://example.org">Beispiel</a>'
    assert section["data-geojson"] == "/api/v1/actors/geojson/"
    assert section["data-profile-url"] == "/directory/__slug__/"


def test_a_profile_carries_its_places_for_the_small_map(client):
    actor = ActorFactory(slug="zwei-orte")
    LocationFactory(actor=actor, latitude="51.123456", longitude="11.654321", street="Am Markt 3")
    LocationFactory(actor=actor, latitude=None, longitude=None)

    soup = BeautifulSoup(client.get("/directory/zwei-orte/").content, "html.parser")

    (small_map,) = soup.select('[data-map="locations"]')
    assert small_map.has_attr("hidden")
    places = small_map.select("[data-lat][data-lon]")
    assert [(place["data-lat"], place["data-lon"]) for place in places] == [
        ("51.123456", "11.654321")
    ]
    assert "Am Markt 3" in places[0]["data-label"]


def test_a_profile_without_coordinates_has_no_map(client):
    LocationFactory(actor__slug="ohne-karte", latitude=None, longitude=None)

    soup = BeautifulSoup(client.get("/directory/ohne-karte/").content, "html.parser")

    assert soup.select('[data-map="locations"]') == []
