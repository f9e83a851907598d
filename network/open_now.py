"""Which locations are open at an instant, as a SQL condition, for the directory's filters.

The rule is network.hours' rule written as a query, so that the filter stays one query (and can
be reused inside facet counts) for any number of actors: an exception closing the day wins,
exceptions with special hours replace the day's weekly slots, otherwise the weekly slots count.
Times are compared in the wall time of Europe/Berlin, as the slots are written.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Q

from network.hours import local
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
