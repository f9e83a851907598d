"""Which unit a concern goes to: one resolution for the wayfinder and the referral form.

A category's default unit is its rule; WayfinderRule rows make exceptions for particular answers
("already in contact with the job centre"), the most specific matching rule winning. Several
categories that land on different units, or a category without a unit, mean a person has to
sort it out, and that is the intake zone's work.

While a crisis situation is switched on, its category goes to the situation's unit in place of
the category's default unit, and is offered even if the category itself is switched off. This
is read here, when a concern is routed, and never written into the category: the staff's own
settings, edited during a crisis or not, are what applies once it is over.

A unit nobody works in (no active staff) reads no inbox: what would go there goes to the intake
zone instead, which can route it on by hand.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q, QuerySet

from network.models import AgencyUnit
from referrals.models import ConcernCategory, WayfinderAudience, WayfinderRule


def intake_unit() -> AgencyUnit:
    """The intake zone; the first one by name if administrators ever define two."""
    unit = AgencyUnit.objects.filter(is_intake=True).order_by("name", "pk").first()
    if unit is None:
        raise ImproperlyConfigured("No agency unit is marked as the intake zone.")
    return unit


def offered_categories() -> QuerySet[ConcernCategory]:
    """What the form and the wayfinder offer: active categories and those of an active crisis."""
    return ConcernCategory.objects.filter(
        Q(is_active=True) | Q(crisis_situations__is_active=True)
    ).distinct()


def _crisis_unit(category: ConcernCategory) -> tuple[bool, int | None]:
    """(True, the active situation's unit) when a crisis routes the category, else (False, None)."""
    units = list(
        category.crisis_situations.filter(is_active=True).values_list("routed_unit_id", flat=True)
    )
    return (True, units[0]) if units else (False, None)


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
    if rule:
        return rule.unit_id
    in_crisis, crisis_unit = _crisis_unit(category)
    return crisis_unit if in_crisis else category.default_unit_id


def resolve_unit(
    category: ConcernCategory,
    for_whom: WayfinderAudience | None = None,
    in_contact: AgencyUnit | None = None,
) -> AgencyUnit:
    """The unit responsible for these answers, which the wayfinder names to visit."""
    return _responsible([category], for_whom=for_whom, in_contact=in_contact)


def route(
    categories: Iterable[ConcernCategory],
    *,
    for_whom: WayfinderAudience | None = None,
    in_contact: AgencyUnit | None = None,
) -> AgencyUnit:
    """The inbox a referral goes to: the responsible unit's, if anybody works in it."""
    unit = _responsible(categories, for_whom=for_whom, in_contact=in_contact)
    if unit.is_intake or unit.staff.filter(is_active=True).exists():
        return unit
    return intake_unit()


def _responsible(
    categories: Iterable[ConcernCategory],
    *,
    for_whom: WayfinderAudience | None,
    in_contact: AgencyUnit | None,
) -> AgencyUnit:
    units = {_unit_for(category, for_whom, in_contact) for category in categories}
    if len(units) == 1 and None not in units:
        return AgencyUnit.objects.get(pk=units.pop())
    return intake_unit()
