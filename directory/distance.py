"""Distances from a point (a municipality's centre, or where the visitor is) to actors' places.

Computed in SQL with plain arithmetic, so that it runs alike on SQLite and PostgreSQL: the
equirectangular approximation, which over a district of 50 km is off by well under a percent.
The query orders by the squared distance in degrees (no square root needed to sort); the
kilometres are taken from it in Python for the rows a page shows, where each card of a list
sorted by distance says how far its actor is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_decimal
from django.db.models import ExpressionWrapper, F, FloatField, OuterRef, Subquery, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext

from network.models import Location, Municipality
from portal.localisation import babel_locale

KM_PER_DEGREE = 111.195  # a degree of latitude (the mean earth radius times pi / 180)


@dataclass(frozen=True)
class Origin:
    """Where distances are measured from."""

    latitude: float
    longitude: float
    label: str = ""

    @classmethod
    def of(cls, municipality: Municipality) -> Origin | None:
        if municipality.latitude is None or municipality.longitude is None:
            return None
        return cls(float(municipality.latitude), float(municipality.longitude), municipality.name)

    @classmethod
    def at(cls, latitude: Decimal | float, longitude: Decimal | float) -> Origin:
        return cls(float(latitude), float(longitude))


def squared_degrees(origin: Origin, prefix: str = "") -> ExpressionWrapper:
    """(Δlatitude)² + (Δlongitude · cos latitude)² of the row's coordinates, in degrees²."""
    scale = math.cos(math.radians(origin.latitude))
    north = Cast(F(f"{prefix}latitude"), FloatField()) - Value(origin.latitude)
    east = (Cast(F(f"{prefix}longitude"), FloatField()) - Value(origin.longitude)) * Value(scale)
    return ExpressionWrapper(north * north + east * east, output_field=FloatField())


def nearest_location(origin: Origin) -> Subquery:
    """Per actor (as the outer query's row): the squared distance of its nearest located place,
    NULL when none of its places has coordinates."""
    places = (
        Location.objects.filter(
            actor=OuterRef("pk"), latitude__isnull=False, longitude__isnull=False
        )
        .annotate(squared=squared_degrees(origin))
        .order_by("squared")
        .values("squared")[:1]
    )
    return Subquery(places, output_field=FloatField())


def kilometres(squared: float | None) -> float | None:
    """The distance in km from the squared degrees the query computed."""
    return None if squared is None else math.sqrt(squared) * KM_PER_DEGREE


def distance_text(km: float) -> str:
    """ "etwa 3,2 km entfernt" with the number as the visitor's language writes it (CLDR), in
    the wayfinder's words; a place at the very point is "etwa 0,1 km" away, not 0."""
    number = format_decimal(max(km, 0.1), format="0.0", locale=babel_locale())
    return gettext("etwa %(km)s km entfernt") % {"km": number}


def within(km: float) -> float:
    """The squared degrees of a distance in km, to compare with in SQL."""
    return (km / KM_PER_DEGREE) ** 2
