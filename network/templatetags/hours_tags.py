"""Opening hours in templates: a location's schedule now, and times as door signs write them."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone

from network import hours
from network.models import Location
from portal import pagecache

register = template.Library()


@register.simple_tag(takes_context=True)
def location_schedule(context: template.Context, location: Location) -> hours.Schedule:
    """The location's state now, its week and its exceptions ahead (from prefetched rows); the
    page's cached copy ends when they change."""
    found = hours.schedule(location.opening_hours.all(), location.exceptions.all(), timezone.now())
    pagecache.expires_at(context.get("request"), found.changes_at)
    return found


@register.filter
def clock(value: dt.time | dt.datetime | None) -> str:
    return hours.clock(value) if value is not None else ""
