"""The shape of a demo actor before it becomes rows: texts and vocabulary keys, no randomness.

Curated actors and archetypes are written as specs so that the content reads as one piece of
prose per actor; the generator adds what should vary (addresses, hours, contacts, dates).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# How an actor's opening hours look; the generator turns each style into weekly slots.
OFFICE = "office"
COUNSELLING = "counselling"
WEEKLY = "weekly"
TWICE = "twice"
WEEKEND = "weekend"
APPOINTMENT = "appointment"
NO_HOURS = "none"

# Weekly hours written out where the actor's texts name the days ("jeden Mittwoch", "dienstags ab
# 9:30 Uhr"): weekday (0 = Monday), opens, closes ("9:30"), by appointment. They replace the
# style's hours, so what the texts say and what the hours say cannot drift apart.
Slot = tuple[int, str, str, bool]
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


@dataclass(frozen=True)
class OfferSpec:
    name: str
    description: str
    topics: tuple[str, ...]
    target_groups: tuple[str, ...]
    languages: tuple[str, ...] = ()
    is_free: bool = True
    cost_note: str = ""
    eligibility: str = ""
    how_to_access: str = ""
    availability: str | None = None


@dataclass(frozen=True)
class ActorSpec:
    name: str
    kind: str
    municipality: str
    short_description: str
    description: str
    topics: tuple[str, ...]
    target_groups: tuple[str, ...]
    languages: tuple[str, ...]
    offers: tuple[OfferSpec, ...]
    hours: str = OFFICE
    slots: tuple[Slot, ...] = ()
    slug: str = ""
    town: str = ""
    street: str = ""
    house_number: str = ""
    location_name: str = ""
    branches: tuple[tuple[str, str], ...] = field(default=())
    works_online: bool = False
    has_website: bool = True
    email: str = ""
    website: str = ""
    phone: str = ""
    wheelchair_accessible: bool | None = None
    live: bool = True
    agency_unit: str = ""
    contacts: tuple[tuple[str, str], ...] = field(default=())
