"""Filtering the inbox, the same for the page and the API: the user's referrals, narrowed.

The values come cleaned from a form (page) or a serializer (API); both reject unknown values with
a reason, so a bad parameter is a 400, never a silently ignored filter.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import AgencyUnit
from network.permissions import User
from referrals import conf
from referrals.models import ConcernCategory, Referral, Status, Urgency
from referrals.permissions import inbox_referrals


class Age:
    TODAY = "today"
    WEEK = "week"
    OLDER = "older"
    OVERDUE = "overdue"
    CHOICES = [
        (TODAY, _("seit heute")),
        (WEEK, _("in den letzten 7 Tagen")),
        (OLDER, _("älter als 7 Tage")),
        (OVERDUE, _("überfällig")),
    ]


@dataclass(frozen=True)
class InboxFilter:
    status: str = ""
    unit: AgencyUnit | None = None
    category: ConcernCategory | None = None
    urgency: str = ""
    age: str = ""
    show_closed: bool = False


def overdue_condition(now: datetime.datetime) -> Q:
    normal = now - datetime.timedelta(days=conf.overdue_days())
    urgent = now - datetime.timedelta(days=conf.urgent_overdue_days())
    return ~Q(status=Status.CLOSED) & (
        Q(urgency=Urgency.URGENT, created_at__lt=urgent)
        | (~Q(urgency=Urgency.URGENT) & Q(created_at__lt=normal))
    )


def filter_inbox(user: User | None, chosen: InboxFilter) -> QuerySet[Referral]:
    """The user's referrals with the filters applied; closed ones only when asked for."""
    referrals = inbox_referrals(user)
    now = timezone.now()
    if chosen.status:
        referrals = referrals.filter(status=chosen.status)
    elif not chosen.show_closed:
        referrals = referrals.exclude(status=Status.CLOSED)
    if chosen.unit:
        referrals = referrals.filter(unit=chosen.unit)
    if chosen.category:
        referrals = referrals.filter(categories=chosen.category)
    if chosen.urgency:
        referrals = referrals.filter(urgency=chosen.urgency)
    week_ago = now - datetime.timedelta(days=7)
    if chosen.age == Age.TODAY:
        referrals = referrals.filter(created_at__date=timezone.localdate())
    elif chosen.age == Age.WEEK:
        referrals = referrals.filter(created_at__gte=week_ago)
    elif chosen.age == Age.OLDER:
        referrals = referrals.filter(created_at__lt=week_ago)
    elif chosen.age == Age.OVERDUE:
        referrals = referrals.filter(overdue_condition(now))
    return (
        referrals.select_related("unit", "assignee", "referring_actor")
        .prefetch_related("categories")
        .distinct()
        .order_by("-created_at", "-pk")
    )


def inbox_counts(user: User | None) -> list[tuple[AgencyUnit, int, int]]:
    """Per unit of the user: open referrals and how many of them are overdue."""
    now = timezone.now()
    rows = []
    for unit in AgencyUnit.objects.filter(staff=user).order_by("name"):
        open_referrals = Referral.objects.filter(unit=unit).exclude(status=Status.CLOSED)
        rows.append(
            (unit, open_referrals.count(), open_referrals.filter(overdue_condition(now)).count())
        )
    return rows
