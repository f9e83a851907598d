"""What every line of the calendar writes, without the per-call work of Django's general tools.

A calendar page writes forty lines, each with two times, a link and the rhythm of its series.
`|time:"H:i"` looks up the format and parses it per call, `get_absolute_url` resolves the URL
patterns per call and `get_frequency_display` builds the choices' dictionary per call; these
give the same text from what is known once per process and language.
"""

from __future__ import annotations

import datetime

from django import template

from events.models import Event
from portal import memos

register = template.Library()


@register.filter(expects_localtime=True)
def clock(value: datetime.datetime | datetime.time | None) -> str:
    """`|time:"H:i"`: hours and minutes on the portal's clock."""
    if value in (None, ""):
        return ""
    return f"{value.hour:02d}:{value.minute:02d}"


@register.filter
def event_url(event: Event) -> str:
    """`event.get_absolute_url`, resolved once per event, language and URL configuration."""
    return memos.reversed_url("events:detail", slug=event.slug)


@register.filter
def frequency_label(event: Event) -> str:
    """`event.get_frequency_display` in the visitor's language."""
    return memos.choice_label(event, "frequency")
