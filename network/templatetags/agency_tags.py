"""The agency in other pages: where the house is, how to reach it and its consultation hours.

The hours are the intake zone's (Eingangszone), the first door of the house: those of its unit
page in the default language (network.pages: the German page's hours count for every language),
else those of the first location of its directory profile.

- `{% agency_today as agency %}` on the home page: address, contact, today's hours and the state
  now; the page's cached copy ends when the state or the day changes (pagecache.expires_at).
- `{% agency_contact as agency %}` in every footer: address, contact and the week, which read the
  same all day and change only when someone edits them (kinds `pages` and `agency`; a change to
  an agency unit's profile counts as `agency`, network/page_cache.py).

Both ask the database a fixed handful of times, once per request (the home page shows the
footer too, and the second tag reuses what the first found), and none while the process keeps
the answer under those kinds' tokens (portal/site_cache.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django import template
from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language

from network import hours
from network.models import AgencyPage, AgencyUnit, AgencyUnitPage, Location
from network.page_cache import AGENCY
from portal import pagecache, site_cache

register = template.Library()

_FOUND = "_agency_found"


@dataclass
class Agency:
    """What the pages show of the agency; empty strings where nothing is known."""

    address: str = ""
    phone: str = ""
    email: str = ""
    # The intake zone's page in the visitor's language, else its profile.
    url: str | None = None
    slots: list[hours.WeeklySlot] = field(default_factory=list)
    exceptions: list[hours.DatedException] = field(default_factory=list)

    @property
    def has_hours(self) -> bool:
        return bool(self.slots)

    @property
    def week(self) -> list[tuple[str, list[hours.WeeklySlot]]]:
        return hours.weekly_table(self.slots)


@dataclass(frozen=True)
class AgencyToday:
    """The agency with its day: today's intervals (after exceptions) and the state now."""

    agency: Agency
    today: hours.Day
    state: hours.OpeningState

    def __getattr__(self, name: str) -> object:
        # address, phone, email, url, week, has_hours: the agency's.
        if name.startswith("_") or name == "agency":
            raise AttributeError(name)
        return getattr(self.agency, name)


def _intake_page() -> AgencyUnitPage | None:
    """The intake zone's live unit page in the default language, with its hours."""
    return (
        AgencyUnitPage.objects.live()
        .filter(unit__is_intake=True, locale__language_code=settings.LANGUAGE_CODE)
        .select_related("unit__actor")
        .prefetch_related("consultation_hours", "exceptions")
        .order_by("unit__name", "path")
        .first()
    )


def _from_page(page: AgencyUnitPage) -> Agency:
    house = AgencyPage.objects.filter(path=page.path[: -page.steplen]).only("address").first()
    actor = page.unit.actor if page.unit and page.unit.actor_id else None
    return Agency(
        address=house.address if house else "",
        phone=actor.phone if actor else "",
        email=page.unit.email if page.unit else "",
        url=page.localized.url,
        slots=list(page.consultation_hours.all()),
        exceptions=list(page.exceptions.all()),
    )


def _from_profile() -> Agency:
    """Without a unit page: the intake zone's profile and its first location."""
    unit = (
        AgencyUnit.objects.filter(is_intake=True)
        .select_related("actor")
        .prefetch_related(
            Prefetch(
                "actor__locations",
                queryset=Location.objects.prefetch_related("opening_hours", "exceptions"),
            )
        )
        .order_by("name")
        .first()
    )
    if unit is None:
        return Agency()
    actor = unit.actor
    location = actor.locations.all()[0] if actor and actor.locations.all() else None
    return Agency(
        address=location.address if location else "",
        phone=actor.phone if actor else "",
        email=unit.email or (actor.email if actor else ""),
        url=actor.get_absolute_url() if actor else None,
        slots=list(location.opening_hours.all()) if location else [],
        exceptions=list(location.exceptions.all()) if location else [],
    )


def _look_up() -> Agency:
    page = _intake_page()
    return _from_page(page) if page is not None else _from_profile()


def find_agency(request: HttpRequest | None) -> Agency:
    """The agency's details, looked up once per request, and kept per process and language
    while the pages and the agency's units and profiles stay as they are (site_cache): every
    page's footer shows them."""
    found = getattr(request, _FOUND, None)
    if found is None:
        found = site_cache.remembered(
            request, "agency", get_language(), (pagecache.PAGES, AGENCY), _look_up
        )
        if request is not None:
            setattr(request, _FOUND, found)
    return found


def agency_at(agency: Agency, moment: dt.datetime) -> tuple[AgencyToday, dt.datetime]:
    """The agency's day at `moment`, and the instant it next reads differently."""
    today = hours.local(moment).date()
    day = hours.day_schedule(today, agency.slots, agency.exceptions)
    state = hours.opening_state(moment, agency.slots, agency.exceptions)
    return AgencyToday(agency, day, state), hours.next_change(
        moment, agency.slots, agency.exceptions
    )


@register.simple_tag(takes_context=True)
def agency_today(context: template.Context) -> AgencyToday:
    """The agency with today's hours and its state now; the cached page ends when they change."""
    request = context.get("request")
    found, changes_at = agency_at(find_agency(request), timezone.now())
    pagecache.expires_at(request, changes_at)
    return found


@register.simple_tag(takes_context=True)
def agency_contact(context: template.Context) -> Agency:
    """The agency's address, contact and week (nothing in it depends on the clock)."""
    return find_agency(context.get("request"))
