"""Which locations are open at an instant, as a SQL condition, for the directory's filters.

The rule is network.hours' rule written as a query, so that the filter stays one query (and can
be reused inside facet counts) for any number of actors: an exception closing the day wins,
exceptions with special hours replace the day's weekly slots, otherwise the weekly slots count.
Times are compared in the wall time of Europe/Berlin, as the slots are written.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, Min, OuterRef, Q

from network.hours import LOCAL_ZONE, local
from network.models import LocationOpeningException, OpeningHours


def _exceptions_today(day: dt.date):
    covering = Q(starts_on__lte=day) & (
        Q(ends_on__gte=day) | Q(ends_on__isnull=True, starts_on=day)
    )
    return LocationOpeningException.objects.filter(covering, location=OuterRef("pk"))


def open_locations(moment: dt.datetime, *, walk_in: bool = False) -> Q:
    """A condition on Location: open at `moment`; with walk_in, open without appointment."""
    wall = local(moment)
    day, now = wall.date(), wall.time().replace(tzinfo=None, fold=0)
    running = Q(opens__lte=now, closes__gt=now)
    if walk_in:
        running &= Q(by_appointment=False)
    today = _exceptions_today(day)
    weekly = OpeningHours.objects.filter(running, location=OuterRef("pk"), weekday=day.weekday())
    return ~Exists(today.filter(is_closed=True)) & (
        Exists(today.filter(running, is_closed=False))
        | (~Exists(today.filter(is_closed=False)) & Exists(weekly))
    )


def walk_in_locations() -> Q:
    """A condition on Location: it has weekly consultations without appointment."""
    return Exists(OpeningHours.objects.filter(location=OuterRef("pk"), by_appointment=False))


def next_change(moment: dt.datetime) -> dt.datetime:
    """The next instant any location's "open now" can flip: the next start or end today of a
    weekly slot or of an exception's special hours, else the next local midnight (when the
    weekday and the exceptions that count change). Two aggregate queries for any number of
    locations."""
    wall = local(moment)
    day, now = wall.date(), wall.time().replace(tzinfo=None, fold=0)
    covering = Q(starts_on__lte=day) & (
        Q(ends_on__gte=day) | Q(ends_on__isnull=True, starts_on=day)
    )
    edges = [
        *OpeningHours.objects.filter(weekday=day.weekday())
        .aggregate(
            opens=Min("opens", filter=Q(opens__gt=now)),
            closes=Min("closes", filter=Q(closes__gt=now)),
        )
        .values(),
        *LocationOpeningException.objects.filter(covering, is_closed=False)
        .aggregate(
            opens=Min("opens", filter=Q(opens__gt=now)),
            closes=Min("closes", filter=Q(closes__gt=now)),
        )
        .values(),
    ]
    ahead = [edge for edge in edges if edge is not None]
    if ahead:
        return dt.datetime.combine(day, min(ahead), tzinfo=LOCAL_ZONE)
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=LOCAL_ZONE)
