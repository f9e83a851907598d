"""Whether a place is open: weekly consultation slots, dated exceptions, and plain words for it.

Pure functions over anything shaped like a slot or an exception (the Django models are, and so
are the small dataclasses below for tests), so the unit pages, the profiles and the directory's
filter compute the same answer.

Everything is computed in the wall time of Europe/Berlin, because that is what a door sign
says: a slot "Monday 8:00-12:00" means 8:00 on the clock in Weißenfels whether it is summer or
winter time, and only turning a local date and time into an instant needs the zone's offset.

Assumptions:
- A slot lies within one day (closes after it opens, the models enforce it); nothing runs
  overnight. Consultations in the network end before midnight, and the DST switches at 2:00
  and 3:00 at night then never cut through a slot.
- Exceptions win over the weekly slots for every day they cover: an exception closing the day
  wins over everything, and exceptions with special hours replace that day's weekly slots.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo

from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy

LOCAL_ZONE = ZoneInfo("Europe/Berlin")
HORIZON_DAYS = 90  # how far ahead a next opening is looked for (covers long closures)
UPCOMING_DAYS = 42  # how far ahead exceptions are announced

WEEKDAY_NAMES = (
    gettext_lazy("Montag"),
    gettext_lazy("Dienstag"),
    gettext_lazy("Mittwoch"),
    gettext_lazy("Donnerstag"),
    gettext_lazy("Freitag"),
    gettext_lazy("Samstag"),
    gettext_lazy("Sonntag"),
)


class WeeklySlot(Protocol):
    weekday: int  # 0 = Monday, as datetime.date.weekday()
    opens: dt.time
    closes: dt.time
    by_appointment: bool


class DatedException(Protocol):
    starts_on: dt.date
    ends_on: dt.date | None  # None: the start day only
    is_closed: bool
    opens: dt.time | None
    closes: dt.time | None
    by_appointment: bool
    reason: str


@dataclass(frozen=True)
class Slot:
    weekday: int
    opens: dt.time
    closes: dt.time
    by_appointment: bool = False


@dataclass(frozen=True)
class Closure:
    """An exception: closed all day (is_closed) or open at special hours on the days it covers."""

    starts_on: dt.date
    ends_on: dt.date | None = None
    is_closed: bool = True
    opens: dt.time | None = None
    closes: dt.time | None = None
    by_appointment: bool = False
    reason: str = ""


@dataclass(frozen=True)
class Interval:
    opens: dt.time
    closes: dt.time
    by_appointment: bool


@dataclass(frozen=True)
class Day:
    """The consultation times of one date once exceptions are applied."""

    date: dt.date
    intervals: tuple[Interval, ...]
    closed_by_exception: bool = False
    reason: str = ""


@dataclass(frozen=True)
class NextOpening:
    at: dt.datetime
    by_appointment: bool

    @property
    def walk_in(self) -> bool:
        return not self.by_appointment


@dataclass(frozen=True)
class OpeningState:
    """The state at one instant; `closes_at` belongs to the consultation running now."""

    moment: dt.datetime
    has_hours: bool
    open_now: bool = False
    no_appointment_now: bool = False
    closes_at: dt.datetime | None = None
    next_open: NextOpening | None = None
    next_walk_in: NextOpening | None = None
    closed_by_exception: bool = False
    reason: str = ""

    @property
    def status(self) -> str:
        """A stable keyword for styling: walk-in, appointment or closed."""
        if self.no_appointment_now:
            return "walk-in"
        return "appointment" if self.open_now else "closed"

    @property
    def text(self) -> str:
        return describe(self)


def local(moment: dt.datetime) -> dt.datetime:
    """The wall time in Weißenfels; refuses naive datetimes, which would silently mean UTC."""
    if moment.tzinfo is None:
        raise ValueError("opening hours need an aware datetime")
    return moment.astimezone(LOCAL_ZONE)


def covers(exception: DatedException, day: dt.date) -> bool:
    return exception.starts_on <= day <= (exception.ends_on or exception.starts_on)


def day_schedule(
    day: dt.date, slots: Iterable[WeeklySlot], exceptions: Iterable[DatedException]
) -> Day:
    """The intervals of one date: the weekly slots unless an exception covers the date."""
    covering = [exception for exception in exceptions if covers(exception, day)]
    closing = [exception for exception in covering if exception.is_closed]
    if closing:
        reasons = [exception.reason for exception in closing if exception.reason]
        return Day(day, (), closed_by_exception=True, reason="; ".join(reasons))
    special = [
        Interval(exception.opens, exception.closes, exception.by_appointment)
        for exception in covering
        if exception.opens is not None
        and exception.closes is not None
        and exception.closes > exception.opens
    ]
    if special:
        reasons = [exception.reason for exception in covering if exception.reason]
        return Day(day, tuple(sorted(special, key=_start)), reason="; ".join(reasons))
    weekly = [
        Interval(slot.opens, slot.closes, slot.by_appointment)
        for slot in slots
        if slot.weekday == day.weekday() and slot.closes > slot.opens
    ]
    return Day(day, tuple(sorted(weekly, key=_start)))


def _start(interval: Interval) -> tuple[dt.time, bool]:
    return (interval.opens, interval.by_appointment)


def _end_of_run(intervals: Sequence[Interval], now: dt.time, *, by_appointment: bool) -> dt.time:
    """When the consultation of this kind running at `now` ends, joining slots that touch.

    The intervals come sorted by start, so one pass follows a chain of touching slots.
    """
    end = now
    for interval in intervals:
        if interval.by_appointment == by_appointment and interval.opens <= end < interval.closes:
            end = interval.closes
    return end


def opening_state(
    moment: dt.datetime,
    slots: Iterable[WeeklySlot],
    exceptions: Iterable[DatedException] = (),
) -> OpeningState:
    """Open now (with or without appointment), until when, and else when next."""
    slots = list(slots)
    exceptions = list(exceptions)
    wall = local(moment)
    today, now = wall.date(), wall.time().replace(tzinfo=None, fold=0)
    if not slots and not exceptions:
        return OpeningState(moment=moment, has_hours=False)
    schedule = day_schedule(today, slots, exceptions)
    running = [interval for interval in schedule.intervals if interval.opens <= now]
    running = [interval for interval in running if now < interval.closes]
    walk_in = any(not interval.by_appointment for interval in running)
    closes_at = None
    if running:
        end = _end_of_run(schedule.intervals, now, by_appointment=not walk_in)
        closes_at = dt.datetime.combine(today, end, tzinfo=LOCAL_ZONE)
    next_open, next_walk_in = _next_openings(today, now, slots, exceptions, schedule)
    return OpeningState(
        moment=moment,
        has_hours=True,
        open_now=bool(running),
        no_appointment_now=walk_in,
        closes_at=closes_at,
        next_open=next_open,
        next_walk_in=next_walk_in,
        closed_by_exception=schedule.closed_by_exception,
        reason=schedule.reason if schedule.closed_by_exception else "",
    )


def _next_openings(
    today: dt.date,
    now: dt.time,
    slots: Sequence[WeeklySlot],
    exceptions: Sequence[DatedException],
    schedule: Day,
) -> tuple[NextOpening | None, NextOpening | None]:
    """The next start of any consultation after now, and the next one without appointment."""
    first: NextOpening | None = None
    for offset in range(HORIZON_DAYS + 1):
        day = today + dt.timedelta(days=offset)
        intervals = (schedule if offset == 0 else day_schedule(day, slots, exceptions)).intervals
        for interval in intervals:
            if offset == 0 and interval.opens <= now:
                continue
            opening = NextOpening(
                at=dt.datetime.combine(day, interval.opens, tzinfo=LOCAL_ZONE),
                by_appointment=interval.by_appointment,
            )
            first = first or opening
            if opening.walk_in:
                return first, opening
    return first, None


def upcoming_exceptions(
    exceptions: Iterable[DatedException], moment: dt.datetime, *, days: int = UPCOMING_DAYS
) -> list[DatedException]:
    """Exceptions running now or starting within `days`, soonest first, to announce them."""
    today = local(moment).date()
    until = today + dt.timedelta(days=days)
    return sorted(
        (
            exception
            for exception in exceptions
            if (exception.ends_on or exception.starts_on) >= today and exception.starts_on <= until
        ),
        key=lambda exception: exception.starts_on,
    )


def weekly_table(slots: Iterable[WeeklySlot]) -> list[tuple[str, list[WeeklySlot]]]:
    """The week from Monday, one row per day with slots, the slots of a day by time."""
    by_day: dict[int, list[WeeklySlot]] = {}
    for slot in sorted(slots, key=lambda slot: (slot.weekday, slot.opens)):
        by_day.setdefault(slot.weekday, []).append(slot)
    return [(str(WEEKDAY_NAMES[weekday]), by_day[weekday]) for weekday in sorted(by_day)]


def clock(value: dt.time | dt.datetime) -> str:
    """8:00, 15:30: hours without a leading zero, as door signs write them."""
    return f"{value.hour}:{value.minute:02d}"


def when(opening: dt.datetime, moment: dt.datetime) -> str:
    """'heute, 13:00', 'morgen, 8:00', 'Dienstag, 8:00', or with the date beyond a week."""
    wall, today = local(opening), local(moment).date()
    days = (wall.date() - today).days
    time = clock(wall)
    if days == 0:
        return gettext("heute, %(time)s") % {"time": time}
    if days == 1:
        return gettext("morgen, %(time)s") % {"time": time}
    weekday = str(WEEKDAY_NAMES[wall.weekday()])
    if days < 7:
        return gettext("%(weekday)s, %(time)s") % {"weekday": weekday, "time": time}
    return gettext("%(weekday)s, %(date)s, %(time)s") % {
        "weekday": weekday,
        "date": date_format(wall.date(), "SHORT_DATE_FORMAT"),
        "time": time,
    }


def describe(state: OpeningState) -> str:
    """The state in one or two plain sentences, in the active language."""
    if not state.has_hours:
        return gettext("Keine Sprechzeiten angegeben.")
    if state.no_appointment_now and state.closes_at:
        return gettext("Jetzt geöffnet, ohne Termin, bis %(time)s") % {
            "time": clock(local(state.closes_at))
        }
    parts: list[str] = []
    if state.open_now and state.closes_at:
        parts.append(
            gettext("Jetzt Sprechstunde nur mit Termin, bis %(time)s.")
            % {"time": clock(local(state.closes_at))}
        )
    elif state.closed_by_exception:
        parts.append(
            gettext("Heute geschlossen: %(reason)s.") % {"reason": state.reason}
            if state.reason
            else gettext("Heute geschlossen.")
        )
    if state.next_walk_in:
        parts.append(
            gettext("Nächste offene Sprechstunde: %(when)s")
            % {"when": when(state.next_walk_in.at, state.moment)}
        )
    elif state.next_open:
        parts.append(
            gettext("Nächste Sprechstunde mit Termin: %(when)s")
            % {"when": when(state.next_open.at, state.moment)}
        )
    elif not parts:
        parts.append(gettext("Derzeit keine Sprechzeiten."))
    return " ".join(parts)


@dataclass(frozen=True)
class Schedule:
    """What a page shows of a place's hours: the state, the week and the exceptions ahead."""

    state: OpeningState
    week: list[tuple[str, list[WeeklySlot]]]
    upcoming: list[DatedException]
    # The next instant any of this can read differently (cached pages end there).
    changes_at: dt.datetime | None = None


def next_change(
    moment: dt.datetime, slots: Iterable[WeeklySlot], exceptions: Iterable[DatedException] = ()
) -> dt.datetime:
    """The next start or end of a consultation today, else the next local midnight: until then
    the state, the "today"/"tomorrow" wording and the exceptions ahead stay as they are."""
    wall = local(moment)
    today, now = wall.date(), wall.time().replace(tzinfo=None, fold=0)
    ahead = [
        edge
        for interval in day_schedule(today, slots, exceptions).intervals
        for edge in (interval.opens, interval.closes)
        if edge > now
    ]
    if ahead:
        return dt.datetime.combine(today, min(ahead), tzinfo=LOCAL_ZONE)
    return dt.datetime.combine(today + dt.timedelta(days=1), dt.time(), tzinfo=LOCAL_ZONE)


def schedule(
    slots: Iterable[WeeklySlot], exceptions: Iterable[DatedException], moment: dt.datetime
) -> Schedule:
    slots, exceptions = list(slots), list(exceptions)
    return Schedule(
        state=opening_state(moment, slots, exceptions),
        week=weekly_table(slots),
        upcoming=upcoming_exceptions(exceptions, moment),
        changes_at=next_change(moment, slots, exceptions),
    )
