"""The actors' locations as GeoJSON (RFC 7946): one Feature per location with coordinates.

Positions are [longitude, latitude] in WGS84 with at most 6 decimals (what the model stores, some
10 cm), no "crs" member (RFC 7946 dropped it); each Feature's id is its location's id. The
collection carries a bbox over its points when it has any, so that a map can frame them without
reading every feature first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from django.db.models import BooleanField, Case, Value, When

from network.models import Location
from network.open_now import open_locations
from portal.renderers import MarkupSafeJSONRenderer

MEDIA_TYPE = "application/geo+json"
DECIMALS = 6


class GeoJSONRenderer(MarkupSafeJSONRenderer):
    """The same JSON, named as GeoJSON (RFC 7946 section 12)."""

    media_type = MEDIA_TYPE
    format = "geojson"


def mapped_locations(actor_ids: Sequence[int], moment: dt.datetime) -> list[Location]:
    """The located places of these actors, in the actors' order, with their actor, municipality
    and whether they are open at `moment`: one query, whatever the number of actors."""
    order = {pk: index for index, pk in enumerate(actor_ids)}
    locations = (
        Location.objects.filter(actor_id__in=order, latitude__isnull=False, longitude__isnull=False)
        .select_related("actor", "municipality")
        .annotate(
            open_now=Case(
                When(open_locations(moment), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
    )
    return sorted(
        locations,
        key=lambda location: (order[location.actor_id], location.sort_order or 0, location.pk),
    )


def _coordinate(value: Decimal) -> float:
    return round(float(value), DECIMALS)


def feature(location: Location, url: Callable[[str], str]) -> dict[str, Any]:
    actor = location.actor
    return {
        "type": "Feature",
        "id": location.pk,
        "geometry": {
            "type": "Point",
            "coordinates": [_coordinate(location.longitude), _coordinate(location.latitude)],
        },
        "properties": {
            "name": actor.name,
            "slug": actor.slug,
            "url": url(actor.get_absolute_url()),
            "kind": actor.kind,
            "location_name": location.name,
            "street": location.street,
            "postcode": location.postcode,
            "town": location.town,
            "municipality": {
                "slug": location.municipality.slug,
                "name": location.municipality.name,
            },
            "open_now": bool(location.open_now),
        },
    }


def feature_collection(locations: Sequence[Location], url: Callable[[str], str]) -> dict:
    features = [feature(location, url) for location in locations]
    collection: dict[str, Any] = {"type": "FeatureCollection"}
    if features:
        longitudes = [item["geometry"]["coordinates"][0] for item in features]
        latitudes = [item["geometry"]["coordinates"][1] for item in features]
        collection["bbox"] = [min(longitudes), min(latitudes), max(longitudes), max(latitudes)]
    collection["features"] = features
    return collection


# The shape for the OpenAPI schema (and so for the schemathesis run over it).
_NUMBER = {"type": "number"}
_TEXT = {"type": "string"}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "A GeoJSON FeatureCollection (RFC 7946) of the actors' located places.",
    "properties": {
        "type": {"type": "string", "enum": ["FeatureCollection"]},
        "bbox": {
            "type": "array",
            "items": _NUMBER,
            "minItems": 4,
            "maxItems": 4,
            "description": "west, south, east, north; only when there are features",
        },
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "type": {"type": "string", "enum": ["Feature"]},
                    "id": {"type": "integer", "description": "the location's id"},
                    "geometry": {
                        "type": "object",
                        "properties": {
                            "type": {"type": "string", "enum": ["Point"]},
                            "coordinates": {
                                "type": "array",
                                "items": _NUMBER,
                                "minItems": 2,
                                "maxItems": 2,
                                "description": "[longitude, latitude], WGS84",
                            },
                        },
                        "required": ["type", "coordinates"],
                    },
                    "properties": {
                        "type": "object",
                        "properties": {
                            "name": _TEXT,
                            "slug": _TEXT,
                            "url": {"type": "string", "format": "uri"},
                            "kind": _TEXT,
                            "location_name": _TEXT,
                            "street": _TEXT,
                            "postcode": _TEXT,
                            "town": _TEXT,
                            "municipality": {
                                "type": "object",
                                "properties": {"slug": _TEXT, "name": _TEXT},
                                "required": ["slug", "name"],
                            },
                            "open_now": {"type": "boolean"},
                        },
                        "required": [
                            "name",
                            "slug",
                            "url",
                            "kind",
                            "location_name",
                            "street",
                            "postcode",
                            "town",
                            "municipality",
                            "open_now",
                        ],
                    },
                },
                "required": ["type", "id", "geometry", "properties"],
            },
        },
    },
    "required": ["type", "features"],
}
