"""Opening hours in templates: a location's schedule now, and times as door signs write them."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone

from network import hours
from network.models import Location

register = template.Library()


@register.simple_tag
def location_schedule(location: Location) -> hours.Schedule:
    """The location's state now, its week and its exceptions ahead (from prefetched rows)."""
    return hours.schedule(location.opening_hours.all(), location.exceptions.all(), timezone.now())


@register.filter
def clock(value: dt.time | dt.datetime | None) -> str:
    return hours.clock(value) if value is not None else ""
