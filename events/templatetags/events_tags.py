"""Events shown inside other apps' pages; each tag does its own queries, so includers pass little.

- `{% upcoming_events %}` on the home page (events/_upcoming.html),
- `{% actor_upcoming_events actor %}` on an actor's public profile (events/_actor_events.html),
- `{% events_dashboard_panel user %}` on a member's dashboard,
- `{% events_actor_panel actor %}` on an actor's member page.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template import Context
from django.utils import timezone

from events.page_cache import shown_until
from events.permissions import visible_events
from events.services import events_of_actor, upcoming, with_relations
from network.models import Actor
from network.permissions import User, can_edit_actor, member_actors

register = template.Library()


@register.inclusion_tag("events/_upcoming_body.html", takes_context=True)
def upcoming_events(context: Context, limit: int = 5) -> dict[str, Any]:
    now = timezone.now()
    found = upcoming(with_relations(visible_events()), now=now, limit=limit, key="public")
    shown_until(context.get("request"), found, now)
    return {"occurrences": found}


@register.inclusion_tag("events/_actor_events_body.html", takes_context=True)
def actor_upcoming_events(context: Context, actor: Actor, limit: int = 5) -> dict[str, Any]:
    now = timezone.now()
    events = with_relations(visible_events().filter(actor=actor))
    found = upcoming(events, now=now, days=366, limit=limit, key=("actor", actor.pk))
    shown_until(context.get("request"), found, now)
    return {"actor": actor, "occurrences": found}


@register.inclusion_tag("events/_dashboard_panel_body.html")
def events_dashboard_panel(user: User) -> dict[str, Any]:
    actors = list(member_actors(user).order_by("name"))
    return {
        "rows": [
            (actor, events_of_actor(actor)[:5]) for actor in actors if can_edit_actor(user, actor)
        ]
    }


@register.inclusion_tag("events/_actor_panel_body.html", takes_context=True)
def events_actor_panel(context: template.Context, actor: Actor) -> dict[str, Any]:
    """The actor's events for its members; nothing at all for anybody else."""
    user = context.get("user") or getattr(context.get("request"), "user", None)
    allowed = can_edit_actor(user, actor)
    return {
        "actor": actor,
        "allowed": allowed,
        "events": events_of_actor(actor)[:8] if allowed else [],
    }
