"""Who sees which referral; built on network.permissions, decided nowhere else.

- Staff see the referrals of the units they belong to, nothing else: the intake zone's staff see
  what is still in the intake zone, a unit's staff what is with their unit. A referral is fetched
  through those units, so another unit's reference gives 404, whether typed or guessed.
- Administrators keep the categories and see the statistics; without a unit they see no
  personal data.
- A referring partner sees, for the actors it belongs to, status and outcome of what it sent.
- The person's plan is composed by whoever sees the referral, and by the intake desk for the
  walk-ins it entered itself (they stand at its desk while the referral goes on to a unit).
- The person reaches status and plan only with reference and status code (referrals.status).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import Http404
from rest_framework.permissions import BasePermission

from network.models import Actor, AgencyUnit
from network.permissions import User, is_agency_staff, is_signed_in, member_actors
from referrals.models import Referral


def staff_units(user: User | None) -> QuerySet[AgencyUnit]:
    """The units whose inbox the user works in."""
    if not is_signed_in(user):
        return AgencyUnit.objects.none()
    return AgencyUnit.objects.filter(staff=user)


def can_use_inbox(user: User | None) -> bool:
    return is_agency_staff(user)


def can_see_statistics(user: User | None) -> bool:
    """Counts and durations without personal data: all staff and administrators."""
    return is_agency_staff(user)


def inbox_referrals(user: User | None) -> QuerySet[Referral]:
    return Referral.objects.filter(unit__in=staff_units(user))


def get_staff_referral(
    user: User | None, reference: str, *, queryset: QuerySet[Referral] | None = None
) -> Referral:
    """A referral of one of the user's units, or 404: others' referrals are not confirmed."""
    referrals = queryset if queryset is not None else Referral.objects.all()
    try:
        return referrals.filter(unit__in=staff_units(user)).get(reference=reference)
    except Referral.DoesNotExist as exc:
        raise Http404("No such referral.") from exc


def plan_referrals(user: User | None) -> QuerySet[Referral]:
    """Whose plan the user may compose: their units' referrals, and for the intake desk also the
    walk-ins it entered itself, after they went on to a unit (the person is still at the desk)."""
    referrals = Referral.objects.filter(unit__in=staff_units(user))
    if staff_units(user).filter(is_intake=True).exists():
        referrals = referrals | Referral.objects.filter(submitted_by=user)
    return referrals


def get_plan_referral(user: User | None, reference: str) -> Referral:
    """A referral whose plan the user may compose, or 404 like every other referral."""
    try:
        return (
            plan_referrals(user)
            .select_related("unit", "language")
            .distinct()
            .get(reference=reference)
        )
    except Referral.DoesNotExist as exc:
        raise Http404("No such referral.") from exc


def assignable_staff() -> QuerySet:
    """People a referral can be assigned to: active staff of any unit (checked per unit later)."""
    return (
        get_user_model()
        .objects.filter(is_active=True, agency_units__isnull=False)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def referring_actors(user: User | None) -> QuerySet[Actor]:
    """Actors a signed-in person can send a referral for: the ones they belong to."""
    return member_actors(user).order_by("name")


def sent_referrals(user: User | None) -> QuerySet[Referral]:
    """What the user's actors referred, for the partner's status list."""
    return Referral.objects.filter(referring_actor__in=member_actors(user))


class IsAgencyStaff(BasePermission):
    """The staff API's gate; per-referral scoping is get_staff_referral's and inbox_referrals'."""

    message = "Referrals are for agency staff."

    def has_permission(self, request: Any, view: Any) -> bool:
        return can_use_inbox(request.user)


def can_see_wayfinder_statistics(user: User | None) -> bool:
    """The wayfinder's path counts hold nothing personal; agency staff use them to improve it."""
    return is_agency_staff(user)
