"""Who may see and change what in the network. Every app asks here, never decides itself."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from network.models import Actor

User = AbstractBaseUser | AnonymousUser


def visible_actors(
    user: User | None = None, *, queryset: QuerySet[Actor] | None = None
) -> QuerySet[Actor]:
    """Actors a user may find in the public directory: the published ones."""
    return (queryset if queryset is not None else Actor.objects.all()).published()


def get_actor_for_user(
    user: User | None, slug: str, *, queryset: QuerySet[Actor] | None = None
) -> Actor:
    """The actor's public profile, or 404 when it is not visible to this user."""
    try:
        return visible_actors(user, queryset=queryset).get(slug=slug)
    except Actor.DoesNotExist as exc:
        raise Http404("No such actor.") from exc


def is_agency_staff(user: User | None) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return user.is_superuser or user.agency_units.exists()
