"""`{% crisis_banners %}` for base.html and `{% temporary_offers %}` for directory, calendar and
wayfinder: both read the active situations once per request (crisis.public)."""

from __future__ import annotations

from typing import Any

from django import template

from crisis import public
from crisis.permissions import can_switch_situations

register = template.Library()


@register.inclusion_tag("crisis/_banner_body.html", takes_context=True)
def crisis_banners(context: template.Context) -> dict[str, Any]:
    return {"banners": public.banners(context.get("request"))}


@register.inclusion_tag("crisis/_temporary_offers_body.html", takes_context=True)
def temporary_offers(context: template.Context, heading_level: int = 2) -> dict[str, Any]:
    """The temporary offers the public sees today; nothing at all while no situation is on."""
    return {
        "offers": public.current_offers(context.get("request")),
        "heading_level": heading_level,
        "sub_level": heading_level + 1,
        "show_situation": True,
    }


@register.filter
def switches_situations(user: object) -> bool:
    """Whether the staff workspace offers `user` the crisis switch (crisis.permissions): unit
    staff would only meet a 403 behind the link."""
    return can_switch_situations(user)
