"""The consultation hours in the Migrationsagentur's house: one table, read by every place that
states them (the units' pages, the units' directory profiles, the Leichte Sprache page), so that
no two pages of the demo give different hours for the same door.
"""

from __future__ import annotations

from demo.network.specs import FRI, MON, THU, TUE, WED, Slot

HOUSE_HOURS: tuple[Slot, ...] = (
    (MON, "8:00", "12:00", False),
    (TUE, "8:00", "12:00", False),
    (TUE, "13:00", "17:30", True),
    (THU, "8:00", "12:00", False),
    (FRI, "8:00", "11:30", False),
)

# The intake zone is open whenever the house is, and longer; nobody needs an appointment there.
INTAKE_HOURS: tuple[Slot, ...] = (
    (MON, "8:00", "12:00", False),
    (TUE, "8:00", "12:00", False),
    (TUE, "13:00", "17:30", False),
    (WED, "8:00", "12:00", False),
    (THU, "8:00", "12:00", False),
    (THU, "13:00", "16:00", False),
    (FRI, "8:00", "11:30", False),
)

UNIT_HOURS: dict[str, tuple[Slot, ...]] = {
    "eingangszone": INTAKE_HOURS,
    "unterbringung": (
        (TUE, "8:00", "12:00", False),
        (WED, "9:00", "15:00", True),
        (THU, "8:00", "12:00", False),
    ),
    "integrationsberatung": (
        (MON, "9:00", "12:00", False),
        (TUE, "13:00", "16:00", True),
        (WED, "9:00", "12:00", False),
        (THU, "13:00", "16:00", True),
    ),
    "agentur-fuer-arbeit": (
        (TUE, "8:00", "12:00", True),
        (WED, "8:00", "12:00", False),
        (THU, "8:00", "12:00", True),
    ),
    "ehrenamtskoordination": ((WED, "14:00", "18:00", False), (THU, "9:00", "12:00", True)),
}


def unit_hours(unit: str) -> tuple[Slot, ...]:
    """A unit's weekly hours in the house (the house's own where the unit keeps no others)."""
    return UNIT_HOURS.get(unit, HOUSE_HOURS)


EASY_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


def _easy_time(text: str) -> str:
    """ "8:00" → "8 Uhr", "17:30" → "17:30 Uhr": whole hours without minutes, as Leichte
    Sprache writes them."""
    hours, minutes = text.split(":")
    return f"{int(hours)} Uhr" if minutes == "00" else f"{int(hours)}:{minutes} Uhr"


def easy_read_hours(slots: tuple[Slot, ...]) -> str:
    """The hours as a Leichte Sprache list: one line per slot, a second one that day "auch"."""
    lines, seen = [], set()
    for weekday, opens, closes, _booked in slots:
        also = " auch" if weekday in seen else ""
        seen.add(weekday)
        lines.append(
            f"<li>{EASY_WEEKDAYS[weekday]}{also} von {_easy_time(opens)} "
            f"bis {_easy_time(closes)}</li>"
        )
    return "<ul>" + "".join(lines) + "</ul>"
