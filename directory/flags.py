"""Which actors are open now, have walk-in hours, or offer each yes/no feature: sets of actor ids
for the directory's cards and its yes/no facet counts, kept per process.

The conditions behind them (network.open_now: an exception closing the day, special hours,
weekly slots) are correlated subqueries nested three deep; building and compiling them was
about 10 ms of Python for the cards and as much again for the counts on every directory page,
while their answer changes only when a profile changes or the clock passes a slot's edge. So
each process keeps the sets under the page cache's `actors` token (every change of a profile,
place, hours or offer renews them on the next request, as it renews the cached pages) until the
next instant "open now" can flip (`open_now.next_change`), and the cards and counts are set
operations on them. Where the per-process parts are off (the tests), they are read on each call.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from network import open_now
from network.fields import OFFER
from network.models import Location, Offer
from network.page_cache import ACTORS
from portal import site_cache


@dataclass(frozen=True)
class Flags:
    moment: dt.datetime
    open_now: frozenset[int]
    walk_in: frozenset[int]
    # per offer field with a facet (network.fields.OFFER): actors with an offer that has it
    features: dict[str, frozenset[int]] = field(default_factory=dict)


def _read(moment: dt.datetime) -> Flags:
    opened = Location.objects.filter(open_now.open_locations(moment)).values_list(
        "actor_id", flat=True
    )
    walk_in = Location.objects.filter(open_now.walk_in_locations()).values_list(
        "actor_id", flat=True
    )
    names = [item.name for item in OFFER.facets()]
    features: dict[str, set[int]] = {name: set() for name in names}
    if names:
        any_feature = Q()
        for name in names:
            any_feature |= Q(**{name: True})
        for actor_id, *values in Offer.objects.filter(any_feature).values_list("actor_id", *names):
            for name, value in zip(names, values, strict=True):
                if value:
                    features[name].add(actor_id)
    return Flags(
        moment,
        frozenset(opened),
        frozenset(walk_in),
        {name: frozenset(ids) for name, ids in features.items()},
    )


def flags(moment: dt.datetime) -> Flags:
    """The sets as of `moment`: from this process's memory when they were read at or before it
    and still hold now (so at `moment` too), else read."""
    kept = site_cache.remembered(
        None,
        "directory-flags",
        None,
        [ACTORS],
        lambda: _read(moment),
        until=lambda found: open_now.next_change(found.moment),
    )
    if kept.moment == moment or kept.moment <= moment <= timezone.now():
        return kept
    return _read(moment)


def flags_for(filterset: object) -> Flags | None:
    """The sets for one request's filters, read once however many boxes and cards ask; None
    where nothing is kept per process (then the conditions go into the page's queries, fewer
    than reading the sets for one request)."""
    if not site_cache.enabled():
        return None
    found = getattr(filterset, "_directory_flags", None)
    if found is None:
        found = flags(timezone.now())
        filterset._directory_flags = found  # type: ignore[attr-defined]
    return found
