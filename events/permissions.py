"""Who may see and keep events; built on network.permissions, decided nowhere else.

The public sees the approved version of events whose actor is published. The members who keep
an actor's profile (and agency staff) keep its events; events are fetched through that actor.
Events of trusted actors, and events that staff enter, are published without review.
"""

from __future__ import annotations

from django.http import Http404

from events.models import Event, EventQuerySet
from network.models import Actor
from network.permissions import (
    User,
    get_actor_for_user,
    get_editable_actor_for_user,
    is_agency_staff,
    visible_actors,
)


def visible_events(user: User | None = None) -> EventQuerySet:
    return Event.objects.published().filter(actor__in=visible_actors(user))


def get_public_event(user: User | None, slug: str) -> Event:
    """An event's public page, or 404 for drafts and events of unpublished actors."""
    try:
        return (
            visible_events(user).select_related("actor", "location", "municipality").get(slug=slug)
        )
    except Event.DoesNotExist as exc:
        raise Http404("No such event.") from exc


def get_public_actor(user: User | None, slug: str) -> Actor:
    return get_actor_for_user(user, slug)


def get_member_event(user: User | None, actor_slug: str, pk: int) -> tuple[Actor, Event]:
    """An event of an actor the user keeps, fetched through the actor; 404 for anything else."""
    actor = get_editable_actor_for_user(user, actor_slug)
    try:
        return actor, actor.events.get(pk=pk)
    except Event.DoesNotExist as exc:
        raise Http404("No such event.") from exc


def publishes_without_review(user: User | None, actor: Actor) -> bool:
    return actor.is_trusted or is_agency_staff(user)
