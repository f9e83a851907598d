"""Needs shown inside other apps' pages; each tag does its own queries, so includers pass little.

- `{% actor_open_needs actor %}` on the actor's public profile,
- `{% needs_dashboard_panel user %}` on a member's dashboard (needs/_dashboard_panel.html),
- `{% needs_actor_panel actor %}` on an actor's member page (needs/_actor_panel.html).
"""

from __future__ import annotations

from typing import Any

from django import template

from needs.services import member_overview, needs_of_actor, open_needs_of
from network.models import Actor
from network.permissions import User, can_edit_actor

register = template.Library()


@register.inclusion_tag("needs/_profile_needs.html")
def actor_open_needs(actor: Actor) -> dict[str, Any]:
    return {"actor": actor, "needs": open_needs_of(actor)}


@register.inclusion_tag("needs/_dashboard_panel_body.html")
def needs_dashboard_panel(user: User) -> dict[str, Any]:
    return {"overview": member_overview(user)}


@register.inclusion_tag("needs/_actor_panel_body.html", takes_context=True)
def needs_actor_panel(context: template.Context, actor: Actor) -> dict[str, Any]:
    """The actor's needs for its members; nothing at all for anybody else."""
    user = context.get("user") or getattr(context.get("request"), "user", None)
    allowed = can_edit_actor(user, actor)
    return {"actor": actor, "allowed": allowed, "needs": needs_of_actor(actor) if allowed else []}
