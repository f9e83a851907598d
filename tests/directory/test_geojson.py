"""/api/v1/actors/geojson/: the actors' places as a GeoJSON FeatureCollection (RFC 7946), with the
same filters as /api/v1/actors/, for the directory's map."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from geojson_pydantic import FeatureCollection

from network.models import ActorKind
from tests.factories import ActorFactory, LocationFactory, OpeningHoursFactory
from tests.query_counts import grow_network, rendering_queries

pytestmark = pytest.mark.django_db

URL = "/api/v1/actors/geojson/"
LIST_URL = "/api/v1/actors/"
MEDIA_TYPE = "application/geo+json"
GEOMETRY_TYPES = {
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
}


def _decimals(number: float) -> int:
    text = repr(number)
    return len(text.split(".")[1]) if "." in text else 0


def rfc7946_errors(document: object) -> list[str]:
    """What in `document` breaks RFC 7946: the validator's structure (geojson-pydantic) and the
    rules it leaves to us, written out: the type members, no "crs" (section 4), positions as
    [longitude, latitude] within WGS84's ranges (3.1.1, 4), a bbox of 2·n numbers with south
    below north and every position inside it (5), ids strings or numbers (3.2), properties an
    object or null (3.2); and ours: at most 6 decimals."""
    errors: list[str] = []
    try:
        FeatureCollection.model_validate(document)
    except ValueError as invalid:
        errors.append(f"geojson-pydantic: {invalid}")
    if not isinstance(document, dict):
        return [*errors, "not an object"]
    if document.get("type") != "FeatureCollection":
        errors.append("type is not FeatureCollection")
    if "crs" in document:
        errors.append('the collection has a "crs" member')
    features = document.get("features")
    if not isinstance(features, list):
        return [*errors, "features is not a list"]
    positions: list[list[float]] = []
    for number, item in enumerate(features):
        where = f"features/{number}"
        if not isinstance(item, dict) or item.get("type") != "Feature":
            errors.append(f"{where}: not a Feature")
            continue
        if "crs" in item:
            errors.append(f'{where}: has a "crs" member')
        if "id" in item and (
            isinstance(item["id"], bool) or not isinstance(item["id"], str | int | float)
        ):
            errors.append(f"{where}: id is neither a string nor a number")
        if not (item.get("properties") is None or isinstance(item.get("properties"), dict)):
            errors.append(f"{where}: properties is neither an object nor null")
        geometry = item.get("geometry")
        if geometry is None:
            continue
        if geometry.get("type") not in GEOMETRY_TYPES:
            errors.append(f"{where}: unknown geometry type {geometry.get('type')!r}")
        if geometry.get("type") != "Point":
            continue
        position = geometry.get("coordinates")
        if not (isinstance(position, list) and len(position) in (2, 3)):
            errors.append(f"{where}: a position is two or three numbers")
            continue
        longitude, latitude = position[0], position[1]
        if not -180 <= longitude <= 180:
            errors.append(f"{where}: longitude {longitude} out of range (or lat/lon swapped)")
        if not -90 <= latitude <= 90:
            errors.append(f"{where}: latitude {latitude} out of range (or lat/lon swapped)")
        if any(_decimals(value) > 6 for value in position):
            errors.append(f"{where}: more than 6 decimals in {position}")
        positions.append(position)
    if "bbox" in document:
        bbox = document["bbox"]
        if not (isinstance(bbox, list) and len(bbox) == 4):
            errors.append("bbox is not four numbers (2D)")
        else:
            west, south, east, north = bbox
            if south > north:
                errors.append("bbox: south above north")
            for longitude, latitude in positions:
                inside_longitude = (
                    west <= longitude <= east
                    if west <= east
                    else longitude >= west or longitude <= east  # across the antimeridian
                )
                if not (inside_longitude and south <= latitude <= north):
                    errors.append(f"bbox does not contain {[longitude, latitude]}")
    return errors


def geojson(client, params: dict | None = None) -> dict:
    response = client.get(URL, params or {})
    assert response.status_code == 200, response.content[:2000]
    assert response["Content-Type"] == MEDIA_TYPE
    document = json.loads(response.content)
    assert rfc7946_errors(document) == []
    return document


def actor_slugs(document: dict) -> list[str]:
    """Each actor once, in the order of its first place."""
    return list(dict.fromkeys(item["properties"]["slug"] for item in document["features"]))


@pytest.fixture
def network(terms):
    eins = ActorFactory(
        name="Akteur Eins",
        slug="akteur-eins",
        kind=ActorKind.ASSOCIATION,
        topics=[terms.topic_a],
        languages=[terms.language_a],
    )
    LocationFactory(
        actor=eins,
        municipality=terms.place_a,
        town="Weißenfels",
        latitude="51.198765",
        longitude="11.968123",
    )
    zwei = ActorFactory(
        name="Akteur Zwei",
        slug="akteur-zwei",
        kind=ActorKind.PROJECT,
        topics=[terms.topic_b],
        languages=[terms.language_b],
    )
    LocationFactory(actor=zwei, municipality=terms.place_b, latitude="51.04", longitude="12.14")
    drei = ActorFactory(
        name="Akteur Drei",
        slug="akteur-drei",
        kind=ActorKind.ASSOCIATION,
        topics=[terms.topic_a, terms.topic_b],
        languages=[terms.language_a, terms.language_b],
    )
    LocationFactory(actor=drei, municipality=terms.place_a, latitude="51.1", longitude="11.8")
    LocationFactory(actor=drei, municipality=terms.place_b, latitude="51.05", longitude="12.1")
    LocationFactory(actor=drei, municipality=terms.place_b, latitude=None, longitude=None)
    ActorFactory(name="Akteur Entwurf", slug="akteur-entwurf", live=False, topics=[terms.topic_a])
    LocationFactory(actor__slug="akteur-verborgen", actor__live=False)
    # An actor with no located place is in the list, not on the map.
    fuenf = ActorFactory(name="Akteur Fünf", slug="akteur-fuenf", kind=ActorKind.VOLUNTEER)
    LocationFactory(actor=fuenf, latitude=None, longitude=None)


def test_it_answers_a_feature_collection_valid_under_rfc_7946(client, network):
    document = geojson(client)

    assert document["type"] == "FeatureCollection"
    assert len(document["features"]) == 4
    assert document["bbox"] == [11.8, 51.04, 12.14, 51.198765]
    assert len({item["id"] for item in document["features"]}) == 4


def test_it_describes_each_place_with_its_actor(client, network, terms):
    document = geojson(client, {"kind": "association", "topic": "test-thema-alpha"})

    (place,) = [
        item for item in document["features"] if item["properties"]["slug"] == "akteur-eins"
    ]
    assert place["geometry"] == {"type": "Point", "coordinates": [11.968123, 51.198765]}
    assert place["properties"] == {
        "name": "Akteur Eins",
        "slug": "akteur-eins",
        "url": "http://testserver/directory/akteur-eins/",
        "kind": "association",
        "location_name": "",
        "street": "Marktplatz 1",
        "postcode": "06667",
        "town": "Weißenfels",
        "municipality": {"slug": "test-ort-alpha", "name": "Testort Alpha"},
        "open_now": False,
    }


def test_it_leaves_out_places_without_coordinates_and_unpublished_actors(client, network):
    document = geojson(client)

    assert actor_slugs(document) == ["akteur-drei", "akteur-eins", "akteur-zwei"]
    assert [item["properties"]["slug"] for item in document["features"]].count("akteur-drei") == 2


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"kind": "association"},
        {"kind": ["association", "volunteer"]},
        {"topic": "test-thema-alpha"},
        {"topic": ["test-thema-alpha", "test-thema-beta"]},
        {"language": "qab"},
        {"municipality": "test-ort-beta"},
        {"topic": "test-thema-beta", "language": "qaa"},
        {"q": "Akteur"},
        {"q": "Akteur", "sort": "-name"},
        {"sort": "-name"},
        {"page": "2", "page_size": "1"},
    ],
)
def test_it_shows_the_actors_the_list_finds_in_its_order(client, network, params):
    listed = client.get(LIST_URL, {**params, "page": "1", "page_size": "100"}).json()
    located = {"akteur-eins", "akteur-zwei", "akteur-drei"}

    expected = [item["slug"] for item in listed["results"] if item["slug"] in located]
    assert actor_slugs(geojson(client, params)) == expected


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "nonsense"},
        {"topic": "no-such-topic"},
        {"language": "zz"},
        {"open_now": "perhaps"},
        {"sort": "by-colour"},
    ],
)
def test_it_refuses_unknown_values_with_the_reason_like_the_list(client, network, params):
    refused = client.get(URL, params)
    listed = client.get(LIST_URL, params)

    assert refused.status_code == listed.status_code == 400
    assert refused["Content-Type"].startswith("application/json")
    assert refused.json() == listed.json()
    assert set(refused.json()) == set(params)


def test_it_says_which_places_are_open_now(client, db):
    berlin = ZoneInfo("Europe/Berlin")
    actor = ActorFactory(slug="offen")
    morning = LocationFactory(actor=actor, street="Morgenweg 1")
    OpeningHoursFactory(location=morning, weekday=0, opens=dt.time(8), closes=dt.time(12))
    evening = LocationFactory(actor=actor, street="Abendweg 2")
    OpeningHoursFactory(location=evening, weekday=0, opens=dt.time(17), closes=dt.time(20))

    with time_machine.travel(dt.datetime(2026, 3, 23, 10, tzinfo=berlin), tick=False):
        document = geojson(client)
    open_now = {
        item["properties"]["street"]: item["properties"]["open_now"]
        for item in document["features"]
    }
    assert open_now == {"Morgenweg 1": True, "Abendweg 2": False}

    with time_machine.travel(dt.datetime(2026, 3, 23, 10, tzinfo=berlin), tick=False):
        assert actor_slugs(geojson(client, {"open_now": "1"})) == ["offen"]


def test_it_rounds_to_six_decimals_and_keeps_longitude_first(client, db):
    LocationFactory(
        actor__slug="rund", latitude=Decimal("-33.868820"), longitude=Decimal("151.209296")
    )

    (place,) = geojson(client)["features"]
    assert place["geometry"]["coordinates"] == [151.209296, -33.86882]


def test_it_answers_an_empty_collection_without_bbox(client, db):
    document = geojson(client)

    assert document == {"type": "FeatureCollection", "features": []}


def test_it_answers_in_as_many_queries_for_three_times_the_network(db, terms):
    LocationFactory(actor__slug="erster", municipality=terms.place_a)
    grow_network(6)
    before = rendering_queries(f"{URL}?topic=test-thema-alpha&municipality=test-ort-alpha")
    everything = rendering_queries(URL)
    grow_network(12)

    assert rendering_queries(f"{URL}?topic=test-thema-alpha&municipality=test-ort-alpha") == before
    assert rendering_queries(URL) == everything


def test_it_answers_304_to_its_etag(client, network):
    first = client.get(URL, {"kind": "association"})
    again = client.get(URL, {"kind": "association"}, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert again.status_code == 304
    assert again.content == b""


def test_it_is_documented_in_the_openapi_schema(client, network):
    schema = client.get("/api/schema/?format=json").json()

    operation = schema["paths"][URL]["get"]
    assert MEDIA_TYPE in operation["responses"]["200"]["content"]
    assert "application/json" in operation["responses"]["400"]["content"]
    documented = {parameter["name"] for parameter in operation["parameters"]}
    listed = {parameter["name"] for parameter in schema["paths"][LIST_URL]["get"]["parameters"]}
    # The same filters, not paged.
    assert documented == listed - {"page", "page_size"}


def test_it_answers_plain_json_to_who_accepts_only_that(client, network):
    plain = client.get(URL, HTTP_ACCEPT="application/json")
    ignored = client.get(URL, {"format": "nonsense"})

    assert plain["Content-Type"] == "application/json"
    assert json.loads(plain.content) == geojson(client)
    assert ignored.status_code == 200
    assert ignored["Content-Type"] == MEDIA_TYPE


def test_the_validator_catches_what_rfc_7946_forbids():
    good = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": 1,
                "geometry": {"type": "Point", "coordinates": [11.9, 51.2]},
                "properties": {},
            }
        ],
    }
    assert rfc7946_errors(good) == []
    swapped = json.loads(json.dumps(good))
    swapped["features"][0]["geometry"]["coordinates"] = [11.9, 151.2]
    with_crs = {**good, "crs": {"type": "name", "properties": {"name": "EPSG:4326"}}}
    outside = {**good, "bbox": [12.0, 51.0, 13.0, 52.0]}
    precise = json.loads(json.dumps(good))
    precise["features"][0]["geometry"]["coordinates"] = [11.1234567, 51.2]
    for bad in (swapped, with_crs, outside, precise):
        assert rfc7946_errors(bad) != []
