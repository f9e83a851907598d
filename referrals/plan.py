"""The person's plan (Laufzettel) as the person reads it, and the suggestions staff start from.

Staff keep a step's address, room and what to bring as they typed them, in German. For the
person the plan is read in their language: the unit's name, the way in the house and, as long as
staff left it as suggested, what to bring come from the unit's page in that language; hours from
the German page (they are kept once, `schedule_sources`) or the actor's first location, with
weekday names in the person's language.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass

import segno
from django.utils import timezone
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.safestring import SafeString, mark_safe
from wagtail.rich_text import expand_db_html

from network import hours
from network.models import Actor, AgencyUnit
from network.pages import AgencyUnitPage, schedule_sources
from portal.translations import translated
from referrals.models import PlanStep


@dataclass(frozen=True)
class Suggestion:
    """What a new step for a place is prefilled with."""

    address: str
    room: str
    what_to_bring: str


@dataclass(frozen=True)
class StepView:
    """A step in the person's language, ready for the page, the print and the mail."""

    name: str
    address: str
    room: str
    directions: str
    appointment_at: datetime.datetime | None
    schedule: hours.Schedule | None
    what_to_bring_html: SafeString
    what_to_bring_text: str
    note: str


def _plain_lines(html: str) -> str:
    """Rich text as plain lines: one per list item or paragraph."""
    text = html.replace("</li>", "\n").replace("</p>", "\n").replace("<br/>", "\n")
    lines = (" ".join(line.split()) for line in strip_tags(text).splitlines())
    return "\n".join(line for line in lines if line)


def _unit_page(unit: AgencyUnit, language: str | None = None) -> AgencyUnitPage | None:
    german = unit.live_page()
    if german is None or language is None:
        return german
    return (
        AgencyUnitPage.objects.live()
        .filter(translation_key=german.translation_key, locale__language_code=language)
        .first()
        or german
    )


def _house_address(page: AgencyUnitPage) -> str:
    parent = page.get_parent().specific
    return getattr(parent, "address", "") or ""


def _room(page: AgencyUnitPage) -> str:
    return ", ".join(part for part in (page.floor, page.room) if part)


def suggest(place: AgencyUnit | Actor) -> Suggestion:
    """Address, room and what to bring from the unit's German page or the actor's profile."""
    if isinstance(place, AgencyUnit):
        page = _unit_page(place)
        if page is None:
            return Suggestion(address="", room="", what_to_bring="")
        return Suggestion(
            address=_house_address(page),
            room=_room(page),
            what_to_bring=_plain_lines(page.what_to_bring),
        )
    location = place.locations.first()
    return Suggestion(address=location.address if location else "", room="", what_to_bring="")


def _bring_list(text: str) -> SafeString:
    """Staff's lines as a list, escaped; nothing for an empty text."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return SafeString("")
    return format_html(
        "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((line,) for line in lines))
    )


def step_view(step: PlanStep, language: str, moment: datetime.datetime) -> StepView:
    """One step in `language`; call it inside translation.override(language)."""
    if step.unit_id:
        german = _unit_page(step.unit)
        page = _unit_page(step.unit, language)
        name = page.title if page is not None else step.unit.name
        directions = page.directions if page is not None else ""
        schedule = (
            schedule_sources([german])[german.translation_key].schedule_at(moment)
            if german is not None
            else None
        )
        suggested = _plain_lines(german.what_to_bring) if german is not None else ""
        if page is not None and step.what_to_bring.strip() == suggested and page.what_to_bring:
            # Unchanged suggestion: the page's own text in the person's language (Wagtail's
            # rich text, cleaned by its editor's feature list).
            bring_html = mark_safe(expand_db_html(page.what_to_bring))  # noqa: S308  # nosec B308 B703
            bring_text = _plain_lines(page.what_to_bring)
        else:
            bring_text = step.what_to_bring
            bring_html = _bring_list(bring_text)
    else:
        actor = step.actor
        name = str(translated(actor, "name", language))
        directions = ""
        location = actor.locations.prefetch_related("opening_hours", "exceptions").first()
        schedule = (
            hours.schedule(location.opening_hours.all(), location.exceptions.all(), moment)
            if location is not None
            else None
        )
        bring_text = step.what_to_bring
        bring_html = _bring_list(bring_text)
    return StepView(
        name=name,
        address=step.address,
        room=step.room,
        directions=directions,
        appointment_at=step.appointment_at,
        schedule=schedule if step.appointment_at is None else None,
        what_to_bring_html=bring_html,
        what_to_bring_text=bring_text,
        note=step.note,
    )


def plan_views(steps: list[PlanStep], language: str) -> list[StepView]:
    moment = timezone.now()
    return [step_view(step, language, moment) for step in steps]


def qr_svg(url: str) -> SafeString:
    """The online copy's address as an inline SVG QR code (segno: no dependencies, no images)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=3, border=2, xmldecl=False, svgns=True, title=""
    )
    return mark_safe(buffer.getvalue().decode())  # noqa: S308  # nosec B308 B703
