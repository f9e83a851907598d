"""network.hours: the state of a place at an instant, across whole weeks, DST switches and
exceptions. Pure functions, no database.

Slots never run past midnight (the models enforce closes > opens); the DST switches happen at
night (2:00/3:00), when no slot runs, so a slot keeps its wall-clock times on switch days.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from network.hours import (
    Closure,
    Slot,
    clock,
    day_schedule,
    describe,
    opening_state,
    schedule,
    upcoming_exceptions,
    weekly_table,
)

BERLIN = ZoneInfo("Europe/Berlin")
UTC = dt.UTC
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)

WEEK = (
    Slot(MON, dt.time(8), dt.time(12)),
    Slot(TUE, dt.time(8), dt.time(12)),
    Slot(TUE, dt.time(13), dt.time(17, 30), by_appointment=True),
    Slot(THU, dt.time(8), dt.time(12)),
    Slot(FRI, dt.time(8), dt.time(11, 30)),
    Slot(SUN, dt.time(10), dt.time(12)),  # a Sunday slot, so that the DST Sundays matter
)

# Weeks from Monday to Sunday; the Sundays are the DST switches of 2026.
SPRING_WEEK = dt.date(2026, 3, 23)  # Sunday 29 March: 2:00 CET -> 3:00 CEST
AUTUMN_WEEK = dt.date(2026, 10, 19)  # Sunday 25 October: 3:00 CEST -> 2:00 CET


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


def expected_open(wall: dt.datetime, slots=WEEK) -> tuple[bool, bool]:
    """Open, and open without appointment, read straight off the slots."""
    running = [
        slot
        for slot in slots
        if slot.weekday == wall.weekday() and slot.opens <= wall.time() < slot.closes
    ]
    return bool(running), any(not slot.by_appointment for slot in running)


def hours_of_week(monday: dt.date):
    """Every full UTC hour and half hour from Monday 0:00 to Sunday 24:00 local time."""
    start = at(monday, 0).astimezone(UTC)
    end = at(monday + dt.timedelta(days=7), 0).astimezone(UTC)
    moment = start
    while moment < end:
        yield moment
        moment += dt.timedelta(minutes=30)


@pytest.mark.parametrize("monday", [SPRING_WEEK, AUTUMN_WEEK], ids=["march", "october"])
def test_it_knows_for_every_half_hour_of_a_dst_week_whether_it_is_open(monday):
    moments = list(hours_of_week(monday))
    # 23 hours on the spring Sunday, 25 on the autumn one.
    assert len(moments) == (7 * 24 - 1) * 2 if monday == SPRING_WEEK else (7 * 24 + 1) * 2
    for moment in moments:
        wall = moment.astimezone(BERLIN)
        state = opening_state(moment, WEEK)
        assert (state.open_now, state.no_appointment_now) == expected_open(wall), wall
        if state.open_now:
            assert state.closes_at > moment
            assert state.closes_at.astimezone(BERLIN).date() == wall.date()
        else:
            assert state.closes_at is None
            nxt = state.next_open.at.astimezone(BERLIN)
            assert nxt > wall
            assert any(slot.weekday == nxt.weekday() and slot.opens == nxt.time() for slot in WEEK)
            # Nothing opens in between: half an hour before the next opening it is still closed.
            just_before = state.next_open.at - dt.timedelta(minutes=30)
            if just_before > moment:
                assert not opening_state(just_before, WEEK).open_now


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (at(dt.date(2026, 3, 23), 7, 59), "Nächste offene Sprechstunde: heute, 8:00"),
        (at(dt.date(2026, 3, 23), 8), "Jetzt geöffnet, ohne Termin, bis 12:00"),
        (at(dt.date(2026, 3, 23), 11, 59), "Jetzt geöffnet, ohne Termin, bis 12:00"),
        (at(dt.date(2026, 3, 23), 12), "Nächste offene Sprechstunde: morgen, 8:00"),
        (
            at(dt.date(2026, 3, 24), 14),
            "Jetzt Sprechstunde nur mit Termin, bis 17:30. "
            "Nächste offene Sprechstunde: Donnerstag, 8:00",
        ),
        (at(dt.date(2026, 3, 25), 10), "Nächste offene Sprechstunde: morgen, 8:00"),
        (at(dt.date(2026, 3, 27), 11, 30), "Nächste offene Sprechstunde: Sonntag, 10:00"),
        (at(dt.date(2026, 3, 29), 10, 30), "Jetzt geöffnet, ohne Termin, bis 12:00"),
        (at(dt.date(2026, 3, 29), 13), "Nächste offene Sprechstunde: morgen, 8:00"),
    ],
)
def test_it_says_the_state_in_plain_words(moment, text):
    assert describe(opening_state(moment, WEEK)) == text


def test_it_keeps_wall_clock_times_across_the_spring_switch():
    saturday_evening = at(dt.date(2026, 3, 28), 20)
    state = opening_state(saturday_evening, WEEK)
    # Sunday 10:00 is summer time: 8:00 UTC, where a week earlier it was 9:00 UTC.
    assert state.next_open.at.astimezone(UTC) == dt.datetime(2026, 3, 29, 8, tzinfo=UTC)
    week_before = opening_state(at(dt.date(2026, 3, 21), 20), WEEK)
    assert week_before.next_open.at.astimezone(UTC) == dt.datetime(2026, 3, 22, 9, tzinfo=UTC)
    assert opening_state(dt.datetime(2026, 3, 29, 8, 30, tzinfo=UTC), WEEK).open_now
    assert not opening_state(dt.datetime(2026, 3, 29, 10, 30, tzinfo=UTC), WEEK).open_now


def test_it_keeps_wall_clock_times_across_the_autumn_switch():
    # Sunday 25 October 2026, 10:00 is winter time again: 9:00 UTC.
    assert opening_state(dt.datetime(2026, 10, 25, 9, 30, tzinfo=UTC), WEEK).open_now
    assert not opening_state(dt.datetime(2026, 10, 25, 8, 30, tzinfo=UTC), WEEK).open_now
    # The repeated hour 2:00-3:00 (both folds) is closed and points to 10:00 the same day.
    for utc_hour in (0, 1):
        state = opening_state(dt.datetime(2026, 10, 25, utc_hour, 30, tzinfo=UTC), WEEK)
        assert not state.open_now
        assert state.next_open.at.astimezone(UTC) == dt.datetime(2026, 10, 25, 9, tzinfo=UTC)


def test_it_closes_on_a_holiday_and_says_why():
    holiday = Closure(starts_on=dt.date(2026, 10, 3), reason="Tag der Deutschen Einheit")
    bridge = Closure(starts_on=dt.date(2026, 10, 2), reason="Brückentag")  # a Friday
    state = opening_state(at(dt.date(2026, 10, 2), 9), WEEK, [holiday, bridge])

    assert not state.open_now
    assert state.closed_by_exception
    assert state.reason == "Brückentag"
    assert describe(state) == (
        "Heute geschlossen: Brückentag. Nächste offene Sprechstunde: Sonntag, 10:00"
    )


def test_it_skips_a_temporary_closure_of_several_days():
    closure = Closure(starts_on=dt.date(2026, 3, 23), ends_on=dt.date(2026, 3, 29), reason="Umbau")
    monday = opening_state(at(dt.date(2026, 3, 23), 9), WEEK, [closure])
    thursday = opening_state(at(dt.date(2026, 3, 26), 9), WEEK, [closure])

    assert not monday.open_now and not thursday.open_now
    assert monday.next_open.at == at(dt.date(2026, 3, 30), 8)
    assert (
        describe(thursday) == "Heute geschlossen: Umbau. Nächste offene Sprechstunde: Montag, 8:00"
    )
    assert opening_state(at(dt.date(2026, 3, 30), 9), WEEK, [closure]).open_now


def test_it_names_the_date_when_the_next_opening_is_more_than_a_week_away():
    closure = Closure(starts_on=dt.date(2026, 3, 23), ends_on=dt.date(2026, 4, 5))
    state = opening_state(at(dt.date(2026, 3, 23), 9), WEEK, [closure])

    assert describe(state) == (
        "Heute geschlossen. Nächste offene Sprechstunde: Montag, 06.04.2026, 8:00"
    )


def test_special_hours_replace_the_weekly_slots_of_that_day():
    special = Closure(
        starts_on=dt.date(2026, 3, 25),  # a Wednesday, normally closed
        is_closed=False,
        opens=dt.time(15),
        closes=dt.time(19),
        reason="Tag der offenen Tür",
    )
    short_monday = Closure(
        starts_on=dt.date(2026, 3, 23), is_closed=False, opens=dt.time(8), closes=dt.time(10)
    )
    exceptions = [special, short_monday]

    assert opening_state(at(dt.date(2026, 3, 25), 16), WEEK, exceptions).no_appointment_now
    assert not opening_state(at(dt.date(2026, 3, 23), 11), WEEK, exceptions).open_now
    monday = opening_state(at(dt.date(2026, 3, 23), 9), WEEK, exceptions)
    assert describe(monday) == "Jetzt geöffnet, ohne Termin, bis 10:00"
    tuesday_evening = opening_state(at(dt.date(2026, 3, 24), 18), WEEK, exceptions)
    assert tuesday_evening.next_open.at == at(dt.date(2026, 3, 25), 15)


def test_a_closing_exception_wins_over_special_hours_on_the_same_day():
    day = dt.date(2026, 3, 23)
    special = Closure(starts_on=day, is_closed=False, opens=dt.time(8), closes=dt.time(20))
    closed = Closure(starts_on=day, reason="Stromausfall")

    schedule_of_day = day_schedule(day, WEEK, [special, closed])

    assert schedule_of_day.intervals == ()
    assert schedule_of_day.reason == "Stromausfall"


def test_touching_slots_run_on_until_the_last_one_closes():
    slots = [Slot(MON, dt.time(8), dt.time(12)), Slot(MON, dt.time(12), dt.time(15))]

    state = opening_state(at(dt.date(2026, 3, 23), 9), slots)

    assert describe(state) == "Jetzt geöffnet, ohne Termin, bis 15:00"


def test_walk_in_wins_when_an_appointment_slot_runs_at_the_same_time():
    slots = [
        Slot(MON, dt.time(8), dt.time(16), by_appointment=True),
        Slot(MON, dt.time(9), dt.time(11)),
    ]

    state = opening_state(at(dt.date(2026, 3, 23), 10), slots)

    assert state.status == "walk-in"
    assert describe(state) == "Jetzt geöffnet, ohne Termin, bis 11:00"


def test_it_names_the_next_appointment_when_there_is_no_walk_in_consultation():
    slots = [Slot(TUE, dt.time(13), dt.time(17), by_appointment=True)]

    state = opening_state(at(dt.date(2026, 3, 23), 9), slots)

    assert state.status == "closed"
    assert describe(state) == "Nächste Sprechstunde mit Termin: morgen, 13:00"


def test_it_says_when_there_are_no_hours_at_all():
    assert describe(opening_state(at(dt.date(2026, 3, 23), 9), [])) == (
        "Keine Sprechzeiten angegeben."
    )


def test_it_refuses_naive_datetimes():
    with pytest.raises(ValueError, match="aware"):
        opening_state(dt.datetime(2026, 3, 23, 9), WEEK)


def test_it_translates_weekday_names():
    with translation.override("en"):
        text = describe(opening_state(at(dt.date(2026, 3, 27), 11, 30), WEEK))
    assert "Sunday" in text or "Sonntag" in text  # English once the catalogue has it


def test_it_lists_exceptions_ahead_and_running_ones():
    past = Closure(starts_on=dt.date(2026, 3, 1))
    running = Closure(starts_on=dt.date(2026, 3, 20), ends_on=dt.date(2026, 3, 24))
    soon = Closure(starts_on=dt.date(2026, 4, 3), reason="Karfreitag")
    far = Closure(starts_on=dt.date(2026, 12, 25))

    ahead = upcoming_exceptions([far, soon, past, running], at(dt.date(2026, 3, 23), 9))

    assert ahead == [running, soon]


def test_the_week_table_starts_on_monday_and_groups_slots_by_day():
    table = weekly_table(reversed(WEEK))

    assert [day for day, _slots in table] == [
        "Montag",
        "Dienstag",
        "Donnerstag",
        "Freitag",
        "Sonntag",
    ]
    assert [slot.opens for slot in table[1][1]] == [dt.time(8), dt.time(13)]


def test_schedule_bundles_state_week_and_exceptions():
    result = schedule(WEEK, [Closure(starts_on=dt.date(2026, 3, 24))], at(dt.date(2026, 3, 23), 9))

    assert result.state.open_now
    assert len(result.week) == 5
    assert len(result.upcoming) == 1


def test_clock_writes_hours_without_leading_zero():
    assert clock(dt.time(8, 0)) == "8:00"
    assert clock(dt.time(17, 30)) == "17:30"
