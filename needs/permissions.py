"""Who may see, post and answer needs; built on network.permissions, decided nowhere else.

The public sees open needs of published actors until their end date. Every member of an actor
(and agency staff) keeps its needs. Helpers' replies carry their names, e-mails, phones and
messages, given for that one need: the actor's members read them, and of the agency only the
intake zone (which looks after the network) and administrators; other units have no need to.
They are answered by the actor's volunteer coordinators; an actor without one has its owners and
editors answer, the same people who then receive the mail about a new reply.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import Http404

from needs.models import HelpOffer, Need, NeedQuerySet
from network.models import Actor, Membership
from network.permissions import (
    User,
    get_editable_actor_for_user,
    is_intake_staff,
    is_signed_in,
    member_actors,
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


def get_need_with_replies(user: User | None, actor_slug: str, pk: int) -> tuple[Actor, Need]:
    """A need whose helpers' replies the user may read, or 404 (as for a need they cannot keep)."""
    actor, need = get_member_need(user, actor_slug, pk)
    if not can_read_helpers(user, actor):
        raise Http404("No such need.")
    return actor, need


def reply_handlers(actor: Actor) -> QuerySet:
    """The people who answer helpers: coordinators, or else owners and editors."""
    members = get_user_model().objects.filter(is_active=True, memberships__actor=actor)
    coordinators = members.filter(memberships__role=Membership.Role.COORDINATOR)
    if coordinators.exists():
        return coordinators.distinct()
    return members.filter(
        memberships__role__in=[Membership.Role.OWNER, Membership.Role.EDITOR]
    ).distinct()


def readable_help_offers(user: User | None) -> QuerySet[HelpOffer]:
    """Replies a user may read: of the actors they belong to; the intake zone and admins: all."""
    if is_intake_staff(user):
        return HelpOffer.objects.all()
    return HelpOffer.objects.filter(need__actor__in=member_actors(user))


def can_read_helpers(user: User | None, actor: Actor) -> bool:
    return is_intake_staff(user) or role_at(user, actor) is not None


def can_answer_helpers(user: User | None, actor: Actor) -> bool:
    if is_intake_staff(user):
        return True
    if not is_signed_in(user) or role_at(user, actor) is None:
        return False
    return reply_handlers(actor).filter(pk=user.pk).exists()
