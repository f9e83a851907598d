"""Which paths people take through the wayfinder and where they stop, without knowing who.

Each page view adds one to a per-day counter of (step, answers so far). No session, cookie,
address, time of day or user is stored, so a count can never be traced to a person.

A visitor reloading a step (or a script fetching it thirty times) is counted once per
WAYFINDER_COUNT_WINDOW: the cache keeps, for that long only, a keyed hash of the client address,
the browser's user agent, the day, the step and the answers. The key is SECRET_KEY with the day
mixed in, so the hash neither reveals the address nor links one day's visits to the next, and it
never reaches the database. The figures thus show visits, not distinct people.
"""

from __future__ import annotations

import datetime
import time
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.crypto import salted_hmac

from network.models import AgencyUnit, Language
from referrals.models import ConcernCategory, WayfinderAudience, WayfinderStepCount
from referrals.wayfinder import NOT_IN_CONTACT

Step = WayfinderStepCount.Step
# The funnel after the first question, in the order a person meets it.
FUNNEL: tuple[str, ...] = (Step.FOR_WHOM, Step.LANGUAGE, Step.CONTACT, Step.RESULT, Step.REFERRAL)
TOP_PATHS = 50


def _seen_recently(visitor: str, today: datetime.date, step: str, path: str) -> bool:
    """Whether this visitor was counted for this step and path within the window (then marks)."""
    token = salted_hmac(
        f"referrals.wayfinder_stats.{today.isoformat()}",
        f"{visitor}\n{step}\n{path}",
        algorithm="sha256",
    ).hexdigest()
    key, window, now = f"wayfinder-seen:{token}", settings.WAYFINDER_COUNT_WINDOW, time.time()
    if cache.add(key, now + window, timeout=window):
        return False
    # The window's end is compared with the clock, as portal.ratelimit does, so that it closes at
    # the same moment on every cache backend.
    until = cache.get(key)
    if until is not None and now < until:
        return True
    cache.set(key, now + window, timeout=window)
    return False


def count_step(step: str, path: str, *, visitor: str) -> None:
    """One more view of `step` after the answers `path`, today, unless `visitor` (what tells one
    browser from another: address and user agent) was just counted for it."""
    today = timezone.localdate()
    if _seen_recently(visitor, today, step, path):
        return
    counts = WayfinderStepCount.objects.filter(date=today, step=step, path=path)
    if counts.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            WayfinderStepCount.objects.create(date=today, step=step, path=path, count=1)
    except IntegrityError:  # another request created today's row in between
        counts.update(count=F("count") + 1)


@dataclass(frozen=True)
class FunnelRow:
    """One concern's way through the steps: how many reached each, how many stopped there."""

    label: str
    reached: list[int]
    stopped: list[int]

    @property
    def cells(self) -> list[tuple[int, int]]:
        return list(zip(self.reached, self.stopped, strict=True))


@dataclass(frozen=True)
class PathRow:
    answers: list[str]
    results: int
    referrals: int


@dataclass(frozen=True)
class WayfinderReport:
    started: int
    chose_concern: int
    by_concern: list[FunnelRow]
    paths: list[PathRow]


def _stopped(reached: list[int]) -> list[int]:
    """How many did not go on from each step (the last step, the form, is where they go on)."""
    following = [*reached[1:], None]
    return [
        max(count - after, 0) if after is not None else 0
        for count, after in zip(reached, following, strict=True)
    ]


def _labels() -> dict[int, dict[str, str]]:
    return {
        0: dict(ConcernCategory.objects.values_list("slug", "name")),
        1: dict(WayfinderAudience.objects.values_list("slug", "label")),
        2: dict(Language.objects.values_list("code", "name")),
        3: {NOT_IN_CONTACT: "–", **dict(AgencyUnit.objects.values_list("slug", "name"))},
    }


def wayfinder_report(start: datetime.date, end: datetime.date) -> WayfinderReport:
    """The counts of the days from `start` to `end`, per concern and per full path."""
    rows = (
        WayfinderStepCount.objects.filter(date__range=(start, end))
        .values_list("step", "path")
        .annotate(total=Sum("count"))
        .order_by()
    )
    started = 0
    funnel: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    ends: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for step, path, total in rows:
        if step == Step.CONCERN:
            started += total
            continue
        funnel[path.split("/")[0]][step] += total
        if step in (Step.RESULT, Step.REFERRAL):
            ends[path][step] += total
    labels = _labels()
    by_concern = []
    for slug, steps in sorted(funnel.items(), key=lambda item: -item[1][Step.FOR_WHOM]):
        reached = [steps[step] for step in FUNNEL]
        by_concern.append(FunnelRow(labels[0].get(slug, slug), reached, _stopped(reached)))
    paths = [
        PathRow(
            [labels[position].get(value, value) for position, value in enumerate(path.split("/"))],
            counts[Step.RESULT],
            counts[Step.REFERRAL],
        )
        for path, counts in sorted(ends.items(), key=lambda item: -item[1][Step.RESULT])
    ][:TOP_PATHS]
    return WayfinderReport(
        started=started,
        chose_concern=sum(row.reached[0] for row in by_concern),
        by_concern=by_concern,
        paths=paths,
    )
