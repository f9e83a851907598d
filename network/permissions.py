"""Who may see and change what in the network. Every app asks here, never decides itself.

Roles: the public; members of an actor (owner: manages members; editor: keeps the profile, needs
and events; coordinator: an editor who posts needs and answers helpers); agency staff (members of
one or more agency units, the intake zone among them); administrators (superusers).
Protected objects are fetched through their owner: an actor the user may edit, then its needs.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import BaseBackend
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.http import Http404
from wagtail.permission_policies.base import BasePermissionPolicy

from network.models import Actor, Membership

User = AbstractBaseUser | AnonymousUser

EDITING_ROLES = frozenset(
    {Membership.Role.OWNER, Membership.Role.EDITOR, Membership.Role.COORDINATOR}
)


def is_signed_in(user: User | None) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def is_admin(user: User | None) -> bool:
    return is_signed_in(user) and user.is_superuser


def is_agency_staff(user: User | None) -> bool:
    """Staff of an agency unit (or an administrator): review profiles, invite people."""
    if not is_signed_in(user):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_agency_staff", None)
    if cached is None:
        cached = user.agency_units.exists()
        user._is_agency_staff = cached
    return cached


def is_intake_staff(user: User | None) -> bool:
    """Staff of the intake zone (or an administrator): who looks after the whole network."""
    if not is_signed_in(user):
        return False
    return user.is_superuser or user.agency_units.filter(is_intake=True).exists()


def role_at(user: User | None, actor: Actor) -> str | None:
    if not is_signed_in(user):
        return None
    membership = Membership.objects.filter(user=user, actor=actor).only("role").first()
    return membership.role if membership else None


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


def editable_actors(user: User | None) -> QuerySet[Actor]:
    """Actors whose profile, needs and events the user keeps: their memberships; staff: all."""
    if not is_signed_in(user):
        return Actor.objects.none()
    if is_agency_staff(user):
        return Actor.objects.all()
    return Actor.objects.filter(
        memberships__user=user, memberships__role__in=EDITING_ROLES
    ).distinct()


def member_actors(user: User | None) -> QuerySet[Actor]:
    """The actors a person belongs to (their own dashboard, not everything staff can edit)."""
    if not is_signed_in(user):
        return Actor.objects.none()
    return Actor.objects.filter(memberships__user=user).distinct()


def get_editable_actor_for_user(user: User | None, slug: str) -> Actor:
    """An actor the user may edit, or 404: others' drafts are not even confirmed to exist."""
    try:
        return editable_actors(user).get(slug=slug)
    except Actor.DoesNotExist as exc:
        raise Http404("No such actor.") from exc


def can_edit_actor(user: User | None, actor: Actor) -> bool:
    return editable_actors(user).filter(pk=actor.pk).exists()


def can_manage_members(user: User | None, actor: Actor) -> bool:
    """Owners manage their actor's members; agency staff manage everyone's."""
    return is_agency_staff(user) or role_at(user, actor) == Membership.Role.OWNER


def can_review_profiles(user: User | None) -> bool:
    return is_agency_staff(user)


class AgencyStaffPolicy(BasePermissionPolicy):
    """Wagtail admin rights for agency staff alone, limited to the given actions."""

    def __init__(self, model: type, *, actions: frozenset[str]):
        super().__init__(model)
        self.actions = actions

    def user_has_permission(self, user, action: str) -> bool:
        return action in self.actions and is_agency_staff(user)

    def users_with_any_permission(self, actions) -> QuerySet:
        users = get_user_model().objects.filter(is_active=True)
        if not self.actions.intersection(actions):
            return users.none()
        return (
            users.filter(is_superuser=True) | users.filter(agency_units__isnull=False)
        ).distinct()


class AgencyStaffBackend(BaseBackend):
    """Django permissions agency staff hold because they are staff (AUTHENTICATION_BACKENDS).

    Wagtail lets people into its admin by `has_perm("wagtailadmin.access_admin")`, which Django
    answers from groups and user permissions. Rather than a group kept in step with unit
    membership by a data migration and signals, this backend answers from `is_agency_staff`
    itself: a group is a second record an administrator can change on its own (add an outsider,
    drop a colleague) until the two disagree, and it needs rows a fresh install may lack. So the
    rights follow the unit membership at once, on a database with migrations only. What staff may
    do inside the admin is decided per model by `AgencyStaffPolicy` and the apps' own checks.
    """

    STAFF_PERMISSIONS = frozenset({"wagtailadmin.access_admin"})

    def get_user_permissions(self, user_obj: User, obj: object = None) -> set[str]:
        if obj is not None or not is_agency_staff(user_obj):
            return set()
        return set(self.STAFF_PERMISSIONS)
