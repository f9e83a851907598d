"""The iCal builder with hostile titles, descriptions and places: RFC 5545 lines that parse
back to the text that went in (line breaks as LF, the way iCalendar spells them)."""

from __future__ import annotations

import datetime

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from events.ical import build_calendar
from portal.html import html_to_text
from tests.events.factories import EventFactory
from tests.fuzz.strategies import PROFILE, hostile_text

STAMP = datetime.datetime(2026, 11, 30, 12, tzinfo=datetime.UTC)
URL = "https://portal.example/events/fuzz/"
# What iCalendar text is hard on: its own separators, escapes and line breaks, and long lines.
SPECIAL = st.sampled_from(["\r\n", "\n", "\r", ",", ";", "\\", ":", '"', "\\n", "\t", "ä" * 80])
fields = st.lists(st.one_of(st.text(), SPECIAL, hostile_text), max_size=8).map("".join)


def unfolded_lines(ics: bytes) -> list[bytes]:
    """RFC 5545 3.1: CRLF ends each line, at most 75 octets, a continuation starts with a space."""
    assert ics.endswith(b"\r\n")
    physical = ics[:-2].split(b"\r\n")
    for line in physical:
        assert len(line) <= 75, line
        assert b"\r" not in line and b"\n" not in line, line
    logical: list[bytes] = []
    for line in physical:
        if line[:1] in (b" ", b"\t"):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return logical


def normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.fixture
def event(db):
    return EventFactory(title="Sprachcafé", slug="fuzz")


@PROFILE
@given(title=fields, description=fields, venue=fields, note=fields)
def test_it_writes_well_formed_lines_that_read_back_as_written(
    event, title, description, venue, note
):
    event.title, event.description, event.venue, event.status_note = (
        title,
        description,
        venue,
        note,
    )
    ics = build_calendar([event], name=title, url_of=lambda _event: URL, stamp=STAMP)
    for line in unfolded_lines(ics):
        name = line.split(b":", 1)[0].split(b";", 1)[0]
        assert name and name.replace(b"-", b"").isalnum(), line
        assert b":" in line, line
    calendar = icalendar.Calendar.from_ical(ics)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == normalised(title)
    assert str(vevent["LOCATION"]) == normalised(event.place)
    described = str(vevent["DESCRIPTION"])
    assert described.endswith(URL)
    if note:
        assert described.startswith(normalised(note))
    assert normalised(html_to_text(description)) in described
    assert str(calendar["X-WR-CALNAME"]) == " ".join(title.split())
