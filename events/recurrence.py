"""Occurrences of events in a window of time, computed the way calendar programs compute them.

python-dateutil expands the event's RRULE from a DTSTART carrying the Berlin time zone, so each
occurrence keeps its wall-clock time across daylight-saving changes. Cancelled single dates
(EXDATE in the feed) are kept here, marked, so that pages can say "fällt aus"; the API and feeds
leave them out. Moved dates (RECURRENCE-ID) appear at their new time.
"""

from __future__ import annotations

import datetime
import heapq
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dateutil.rrule import rrule, rrulestr

from events.models import BERLIN, Event, EventException, EventStatus, ExceptionKind


@dataclass(frozen=True)
class Occurrence:
    event: Event
    start: datetime.datetime  # aware, Europe/Berlin
    end: datetime.datetime
    original_start: datetime.datetime | None = None  # set when this date was moved
    exception: EventException | None = None

    @property
    def is_cancelled(self) -> bool:
        """The whole event is off, or this one date is."""
        return self.event.is_cancelled or (
            self.exception is not None and self.exception.kind == ExceptionKind.CANCELLED
        )

    @property
    def is_moved(self) -> bool:
        return self.original_start is not None or self.event.status == EventStatus.MOVED

    @property
    def status(self) -> str:
        if self.is_cancelled:
            return EventStatus.CANCELLED
        return EventStatus.MOVED if self.is_moved else EventStatus.SCHEDULED

    @property
    def note(self) -> str:
        return self.exception.note if self.exception is not None else ""

    @property
    def is_all_day(self) -> bool:
        return self.event.is_all_day

    @property
    def day(self) -> datetime.date:
        return self.start.date()


def aware(naive: datetime.datetime) -> datetime.datetime:
    return naive.replace(tzinfo=BERLIN)


def first_start(event: Event) -> datetime.datetime:
    return aware(event.local_start())


def rule_of(event: Event) -> rrule:
    return rrulestr(event.rrule(), dtstart=first_start(event))


def original_start(event: Event, exception: EventException) -> datetime.datetime:
    """The start the exception replaces: its date at the series' time of day."""
    return aware(datetime.datetime.combine(exception.original_date, event.local_start().time()))


def moved_span(
    event: Event, exception: EventException
) -> tuple[datetime.datetime, datetime.datetime]:
    start_time = exception.new_start_time or event.local_start().time()
    start = aware(datetime.datetime.combine(exception.new_date, start_time))
    if exception.new_end_time is not None and exception.new_end_time > start_time:
        end = aware(datetime.datetime.combine(exception.new_date, exception.new_end_time))
    else:
        end = start + event.duration()
    return start, end


def _overlaps(start: datetime.datetime, end: datetime.datetime, since, until) -> bool:
    return end > since and start < until


def iter_occurrences(
    event: Event,
    since: datetime.datetime,
    until: datetime.datetime,
    *,
    exceptions: Iterable[EventException] | None = None,
    include_cancelled_dates: bool = True,
) -> Iterator[Occurrence]:
    """The event's occurrences overlapping [since, until), in order of their start, computed
    one at a time: whoever needs the first few stops the rule there."""
    length = event.duration()
    if not event.is_recurring:
        start = first_start(event)
        end = start + length
        if _overlaps(start, end, since, until):
            yield Occurrence(event, start, end)
        return
    by_date = {
        exception.original_date: exception
        for exception in (exceptions if exceptions is not None else event.exceptions.all())
    }
    rule = rule_of(event)
    moved: list[Occurrence] = []
    for exception in by_date.values():
        if exception.kind != ExceptionKind.MOVED or exception.new_date is None:
            continue
        original = original_start(event, exception)
        if not rule.between(original, original, inc=True):
            continue  # not a date of the series (any more): nothing to move
        start, end = moved_span(event, exception)
        if _overlaps(start, end, since, until):
            moved.append(Occurrence(event, start, end, original, exception))
    moved.sort(key=_start)
    yield from heapq.merge(
        _series(event, rule, by_date, since, until, include_cancelled_dates), moved, key=_start
    )


def _start(occurrence: Occurrence) -> datetime.datetime:
    return occurrence.start


def _series(
    event: Event,
    rule: rrule,
    by_date: dict[datetime.date, EventException],
    since: datetime.datetime,
    until: datetime.datetime,
    include_cancelled_dates: bool,
) -> Iterator[Occurrence]:
    length = event.duration()
    for start in rule.xafter(since - length, inc=True):
        if start >= until:
            return
        exception = by_date.get(start.date())
        if exception is not None and exception.kind == ExceptionKind.MOVED:
            continue
        if exception is not None and not include_cancelled_dates:
            continue
        end = start + length
        if _overlaps(start, end, since, until):
            yield Occurrence(event, start, end, exception=exception)


def occurrences(
    event: Event,
    since: datetime.datetime,
    until: datetime.datetime,
    *,
    exceptions: Iterable[EventException] | None = None,
    include_cancelled_dates: bool = True,
) -> list[Occurrence]:
    """The event's occurrences overlapping [since, until), in order of their start."""
    return list(
        iter_occurrences(
            event,
            since,
            until,
            exceptions=exceptions,
            include_cancelled_dates=include_cancelled_dates,
        )
    )


def first_occurrences(
    events: Iterable[Event],
    since: datetime.datetime,
    until: datetime.datetime,
    *,
    limit: int,
    exceptions_of: dict[int, list[EventException]],
) -> list[Occurrence]:
    """The first `limit` occurrences of all the events together, in order of start and title.

    Each event's rule is merged lazily with the others' and stops at the limit, so "upcoming
    events" cost one step per event and per date shown, not every date of every series.
    """
    streams = (
        iter_occurrences(event, since, until, exceptions=exceptions_of.get(event.pk, []))
        for event in events
    )
    merged = heapq.merge(
        *streams, key=lambda occurrence: (occurrence.start, occurrence.event.title)
    )
    return list(itertools.islice(merged, limit))


def first_occurrence(event: Event) -> Occurrence:
    start = first_start(event)
    return Occurrence(event, start, start + event.duration())


def next_occurrences(event: Event, now: datetime.datetime, *, limit: int = 10) -> list[Occurrence]:
    """The next dates of one event, for its page: up to two years ahead."""
    upcoming = iter_occurrences(event, now, now + datetime.timedelta(days=731))
    return list(itertools.islice(upcoming, limit))


def is_real_exception(event: Event, exception: EventException) -> bool:
    """Whether the exception's original date is a date of the series at all."""
    if not event.is_recurring:
        return False
    original = original_start(event, exception)
    return bool(rule_of(event).between(original, original, inc=True))
