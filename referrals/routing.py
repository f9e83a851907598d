"""Which unit a concern goes to: one resolution for the wayfinder and the referral form.

A category's default unit is its rule; WayfinderRule rows make exceptions for particular answers
("already in contact with the job centre"), the most specific matching rule winning. Several
categories that land on different units, or a category without a unit, mean a person has to
sort it out, and that is the intake zone's work.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ImproperlyConfigured

from network.models import AgencyUnit
from referrals.models import ConcernCategory, WayfinderAudience, WayfinderRule


def intake_unit() -> AgencyUnit:
    """The intake zone; the first one by name if administrators ever define two."""
    unit = AgencyUnit.objects.filter(is_intake=True).order_by("name", "pk").first()
    if unit is None:
        raise ImproperlyConfigured("No agency unit is marked as the intake zone.")
    return unit


def _matching_rule(
    category: ConcernCategory,
    for_whom: WayfinderAudience | None,
    in_contact: AgencyUnit | None,
) -> WayfinderRule | None:
    rules = [
        rule
        for rule in WayfinderRule.objects.filter(is_active=True).select_related("unit")
        if rule.category_id in (None, category.pk)
        and rule.audience_id in (None, getattr(for_whom, "pk", None))
        and rule.contact_unit_id in (None, getattr(in_contact, "pk", None))
    ]
    return max(rules, key=lambda rule: (rule.specificity, -rule.pk), default=None)


def _unit_for(
    category: ConcernCategory,
    for_whom: WayfinderAudience | None,
    in_contact: AgencyUnit | None,
) -> int | None:
    """The unit's id for one category, or None when the intake zone has to decide."""
    rule = _matching_rule(category, for_whom, in_contact)
    return rule.unit_id if rule else category.default_unit_id


def resolve_unit(
    category: ConcernCategory,
    for_whom: WayfinderAudience | None = None,
    in_contact: AgencyUnit | None = None,
) -> AgencyUnit:
    """The unit the wayfinder names for these answers, and where the referral form sends them."""
    return route([category], for_whom=for_whom, in_contact=in_contact)


def route(
    categories: Iterable[ConcernCategory],
    *,
    for_whom: WayfinderAudience | None = None,
    in_contact: AgencyUnit | None = None,
) -> AgencyUnit:
    units = {_unit_for(category, for_whom, in_contact) for category in categories}
    if len(units) == 1 and None not in units:
        return AgencyUnit.objects.get(pk=units.pop())
    return intake_unit()
