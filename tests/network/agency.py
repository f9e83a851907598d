"""Builders for the agency's pages in tests: the house under the home page and a unit page
with the week of the demo (walk-in Mon/Tue/Thu 8-12, Tue 13-17:30 by appointment, Fri 8-11:30)."""

from __future__ import annotations

import datetime as dt

from wagtail.models import Locale

from network.models import (
    AgencyPage,
    AgencyUnit,
    AgencyUnitPage,
    ConsultationHours,
    UnitOpeningException,
)
from portal.models import HomePage

WEEK = (
    (0, dt.time(8), dt.time(12), False),
    (1, dt.time(8), dt.time(12), False),
    (1, dt.time(13), dt.time(17, 30), True),
    (3, dt.time(8), dt.time(12), False),
    (4, dt.time(8), dt.time(11, 30), False),
)


def agency_page() -> AgencyPage:
    existing = AgencyPage.objects.filter(slug="migrationsagentur").first()
    if existing:
        return existing
    home = HomePage.objects.filter(depth=2, locale=Locale.get_default()).first()
    page = AgencyPage(
        title="Die Migrationsagentur",
        slug="migrationsagentur",
        intro="Ein Haus für alle Anliegen.",
        address="Promenade 31, 06667 Weißenfels",
        body="<p>Zuerst in die Eingangszone: Es gibt keine falschen Wege.</p>",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def unit_page(
    unit: AgencyUnit, *, title: str = "", exceptions: list[dict] | None = None, **fields
) -> AgencyUnitPage:
    page = AgencyUnitPage(
        title=title or unit.name,
        slug=unit.slug,
        unit=unit,
        summary="<p>Wir helfen beim Aufenthalt.</p>",
        floor="1. Obergeschoss",
        room="1.10",
        what_to_bring="<ul><li>Pass</li></ul>",
        **fields,
    )
    page.consultation_hours = [
        ConsultationHours(
            weekday=weekday,
            opens=opens,
            closes=closes,
            by_appointment=booked,
            booking_phone="03443 030-10" if booked else "",
            booking_url="https://termine.example/ab/" if booked else "",
        )
        for weekday, opens, closes, booked in WEEK
    ]
    page.exceptions = [UnitOpeningException(**data) for data in exceptions or []]
    agency_page().add_child(instance=page)
    page.save_revision().publish()
    return page
