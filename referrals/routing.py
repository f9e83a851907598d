"""Which unit a new referral goes to: the categories' rules, or the intake zone.

One unit for all chosen categories routes there; several units or a category without a rule
mean a person has to sort it out, and that is the intake zone's work.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ImproperlyConfigured

from network.models import AgencyUnit
from referrals.models import ConcernCategory


def intake_unit() -> AgencyUnit:
    """The intake zone; the first one by name if administrators ever define two."""
    unit = AgencyUnit.objects.filter(is_intake=True).order_by("name", "pk").first()
    if unit is None:
        raise ImproperlyConfigured("No agency unit is marked as the intake zone.")
    return unit


def route(categories: Iterable[ConcernCategory]) -> AgencyUnit:
    units = {category.default_unit_id for category in categories}
    if len(units) == 1 and None not in units:
        return AgencyUnit.objects.get(pk=units.pop())
    return intake_unit()
