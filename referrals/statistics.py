"""Counts and durations of referrals, from the skeleton that survives the retention purge.

Nothing here reads personal fields, so the figures are the same before and after anonymising.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q

from network.models import AgencyUnit
from referrals.models import ConcernCategory, Outcome, Referral, Status


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    share: int  # percent of the largest bar, for the chart


@dataclass(frozen=True)
class Statistics:
    total: int
    open: int
    closed: int
    by_category: list[Bar]
    by_unit: list[Bar]
    by_outcome: list[Bar]
    days_to_first_contact: float | None
    days_to_close: float | None


def _bars(rows: list[tuple[str, int]]) -> list[Bar]:
    largest = max((count for _label, count in rows), default=0) or 1
    return [Bar(label, count, round(100 * count / largest)) for label, count in rows]


def _average_days(field: str) -> float | None:
    duration = ExpressionWrapper(F(field) - F("created_at"), output_field=DurationField())
    average = Referral.objects.filter(**{f"{field}__isnull": False}).aggregate(
        average=Avg(duration)
    )["average"]
    if average is None:
        return None
    if not isinstance(average, datetime.timedelta):  # SQLite gives microseconds
        average = datetime.timedelta(microseconds=average)
    return round(average.total_seconds() / 86400, 1)


def referral_statistics() -> Statistics:
    totals = Referral.objects.aggregate(
        total=Count("pk"), closed=Count("pk", filter=Q(status=Status.CLOSED))
    )
    categories = ConcernCategory.objects.annotate(count=Count("referrals")).order_by(
        "-count", "ordering", "name"
    )
    units = AgencyUnit.objects.annotate(count=Count("referrals")).order_by("-count", "name")
    outcomes = dict(
        Referral.objects.filter(status=Status.CLOSED)
        .order_by()
        .values_list("outcome")
        .annotate(count=Count("pk"))
    )
    return Statistics(
        total=totals["total"],
        open=totals["total"] - totals["closed"],
        closed=totals["closed"],
        by_category=_bars([(category.name, category.count) for category in categories]),
        by_unit=_bars([(unit.name, unit.count) for unit in units]),
        by_outcome=_bars(
            [(str(label), outcomes.get(value, 0)) for value, label in Outcome.choices]
        ),
        days_to_first_contact=_average_days("first_contact_at"),
        days_to_close=_average_days("closed_at"),
    )
