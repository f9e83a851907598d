"""Who may see, post and answer needs; built on network.permissions, decided nowhere else.

The public sees open needs of published actors until their end date. Every member of an actor
(and agency staff) keeps its needs and reads the replies. Helpers' replies are answered by the
actor's volunteer coordinators; an actor without one has its owners and editors answer, the same
people who then receive the mail about a new reply.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import Http404

from needs.models import Need, NeedQuerySet
from network.models import Actor, Membership
from network.permissions import (
    User,
    get_editable_actor_for_user,
    is_agency_staff,
    is_signed_in,
    role_at,
    visible_actors,
)


def visible_needs(
    user: User | None = None, *, queryset: NeedQuerySet | None = None
) -> NeedQuerySet:
    """Needs anybody may find on the board and in the API."""
    needs = queryset if queryset is not None else Need.objects.all()
    return needs.public().filter(actor__in=visible_actors(user))


def get_public_need(user: User | None, pk: int, *, queryset: NeedQuerySet | None = None) -> Need:
    """A need on the board, or 404: filled, expired and unpublished ones are not shown."""
    try:
        return visible_needs(user, queryset=queryset).get(pk=pk)
    except Need.DoesNotExist as exc:
        raise Http404("No such need.") from exc


def get_member_need(user: User | None, actor_slug: str, pk: int) -> tuple[Actor, Need]:
    """A need of an actor the user keeps, fetched through the actor; 404 for anything else."""
    actor = get_editable_actor_for_user(user, actor_slug)
    try:
        return actor, actor.needs.get(pk=pk)
    except Need.DoesNotExist as exc:
        raise Http404("No such need.") from exc


def reply_handlers(actor: Actor) -> QuerySet:
    """The people who answer helpers: coordinators, or else owners and editors."""
    members = get_user_model().objects.filter(is_active=True, memberships__actor=actor)
    coordinators = members.filter(memberships__role=Membership.Role.COORDINATOR)
    if coordinators.exists():
        return coordinators.distinct()
    return members.filter(
        memberships__role__in=[Membership.Role.OWNER, Membership.Role.EDITOR]
    ).distinct()


def can_answer_helpers(user: User | None, actor: Actor) -> bool:
    if is_agency_staff(user):
        return True
    if not is_signed_in(user) or role_at(user, actor) is None:
        return False
    return reply_handlers(actor).filter(pk=user.pk).exists()
