"""What every line of the calendar writes, without the per-call work of Django's general tools.

A calendar page writes forty lines, each with two times, a link and the rhythm of its series.
`|time:"H:i"` looks up the format and parses it per call, `get_absolute_url` resolves the URL
patterns per call and `get_frequency_display` builds the choices' dictionary per call; these
give the same text from what is known once per process and language.
"""

from __future__ import annotations

import datetime
import functools

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

from events.models import Event

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
    return _event_url(
        settings.ROOT_URLCONF, get_urlconf(), get_script_prefix(), get_language(), event.slug
    )


@functools.lru_cache(maxsize=4096)
def _event_url(root: str, urlconf: str | None, prefix: str, language: str | None, slug: str) -> str:
    return reverse("events:detail", kwargs={"slug": slug})


@register.filter
def frequency_label(event: Event) -> str:
    """`event.get_frequency_display` in the visitor's language."""
    return _frequency_labels(get_language()).get(event.frequency, event.frequency)


@functools.lru_cache(maxsize=64)
def _frequency_labels(language: str | None) -> dict[str, str]:
    return {value: str(label) for value, label in Event._meta.get_field("frequency").flatchoices}
