"""What the directory's maps need from the settings, for data attributes (no inline script)."""

from __future__ import annotations

import json

from django import template
from django.conf import settings

from network.models import ActorKind

register = template.Library()


@register.simple_tag
def map_config() -> dict[str, str]:
    """The tile address and its attribution (settings.MAP_TILE_URL, MAP_ATTRIBUTION), and the
    actor kinds' names in the visitor's language as JSON, for the popups."""
    return {
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_ATTRIBUTION,
        "kinds": json.dumps({value: str(label) for value, label in ActorKind.choices}),
    }


@register.simple_tag
def map_places(locations) -> list[dict[str, str]]:
    """A profile's places that have coordinates: latitude and longitude as written (never in the
    locale's number format), and the label of the marker."""
    places = []
    for location in locations:
        if location.latitude is None or location.longitude is None:
            continue
        address = location.address
        places.append(
            {
                "lat": str(location.latitude),
                "lon": str(location.longitude),
                "label": f"{location.name}, {address}" if location.name else address,
            }
        )
    return places
