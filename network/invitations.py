"""How people join an actor and how its owners (or agency staff) manage the members.

Accounts exist only through invitations: a person receives a link by mail, sets a password and is
a member from then on. The link carries a random token; only its hash is stored.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
from enum import StrEnum

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from network import audit
from network.models import Actor, Invitation, Membership
from network.permissions import User, can_manage_members, is_agency_staff, is_signed_in
from portal.mail import send_after_commit


class InvitationGone(Exception):
    """The link was used or has expired; the person needs a new invitation."""


class Acceptance(StrEnum):
    """What stands between a visitor of an invitation link and the membership."""

    REGISTER = "register"  # nobody has the address yet: set a password
    JOIN = "join"  # signed in as the invited person: just confirm
    SIGN_IN = "sign_in"  # an account has the address: sign in with it first
    WRONG_ACCOUNT = "wrong_account"  # signed in as somebody else: sign out first


class CannotAccept(Exception):
    def __init__(self, state: Acceptance) -> None:
        super().__init__(state)
        self.state = state


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def find_invitation(token: str, *, for_update: bool = False) -> Invitation:
    """The invitation behind a link: 404 when unknown, InvitationGone once used or expired."""
    invitations = Invitation.objects.select_related("actor")
    if for_update:
        invitations = invitations.select_for_update(of=("self",))
    try:
        invitation = invitations.get(token_hash=hash_token(token))
    except Invitation.DoesNotExist as exc:
        raise Http404("No such invitation.") from exc
    if not invitation.is_usable:
        raise InvitationGone
    return invitation


def open_invitations(actor: Actor) -> QuerySet[Invitation]:
    return actor.invitations.filter(
        accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).select_related("invited_by")


def _accounts_with_address(email: str) -> QuerySet[AbstractBaseUser]:
    # Invited accounts are named by their address, older ones may only carry it as email.
    return get_user_model().objects.filter(Q(email__iexact=email) | Q(username__iexact=email))


def acceptance_state(invitation: Invitation, user: User | None) -> Acceptance:
    if is_signed_in(user):
        if _accounts_with_address(invitation.email).filter(pk=user.pk).exists():
            return Acceptance.JOIN
        return Acceptance.WRONG_ACCOUNT
    if _accounts_with_address(invitation.email).exists():
        return Acceptance.SIGN_IN
    return Acceptance.REGISTER


def invite(*, acting_user: User, actor: Actor, email: str, role: str) -> Invitation:
    """Invite a person by mail; an open invitation of the same address is replaced."""
    if not can_manage_members(acting_user, actor):
        raise PermissionDenied
    if role not in Membership.Role.values:
        raise ValueError(f"unknown role {role!r}")
    email = email.strip().lower()
    with transaction.atomic():
        if actor.memberships.filter(
            Q(user__email__iexact=email) | Q(user__username__iexact=email)
        ).exists():
            raise ValidationError(
                _("%(email)s gehört bereits dazu. Die Rolle können Sie in der Liste ändern."),
                code="already_member",
                params={"email": email},
            )
        replaced = actor.invitations.filter(email__iexact=email, accepted_at__isnull=True)
        replaced_ids = [str(pk) for pk in replaced.values_list("pk", flat=True)]
        replaced.delete()
        token = secrets.token_urlsafe(32)
        invitation = Invitation.objects.create(
            email=email,
            actor=actor,
            role=role,
            token_hash=hash_token(token),
            invited_by=acting_user,
            expires_at=timezone.now() + datetime.timedelta(days=settings.INVITATION_VALID_DAYS),
        )
        audit.record(
            "invitation.created",
            user=acting_user,
            actor=actor,
            obj=invitation,
            email=email,
            role=role,
            replaced=replaced_ids,
        )
        _send_invitation(invitation, token=token, acting_user=acting_user)
    return invitation


def _send_invitation(invitation: Invitation, *, token: str, acting_user: User) -> None:
    send_after_commit(
        to=[invitation.email],
        subject=_("Einladung: %(actor)s im Integrationsnetzwerk Burgenlandkreis")
        % {"actor": invitation.actor.name},
        template="accounts/email/invitation.txt",
        context={
            "actor": invitation.actor,
            "role": invitation.get_role_display(),
            "inviter": acting_user.get_full_name(),
            "link": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("accounts:invitation", args=[token]),
            "expires_at": invitation.expires_at,
        },
    )


def accept_invitation(
    *,
    token: str,
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
    acting_user: User | None = None,
) -> tuple[AbstractBaseUser, Actor]:
    """Make the invited person a member, creating their account if the address has none.

    Raises Http404 or InvitationGone for a bad link, CannotAccept when the visitor has to sign
    in (or out) first; the password has passed the validators in the form already.
    """
    with transaction.atomic():
        invitation = find_invitation(token, for_update=True)
        actor = invitation.actor
        state = acceptance_state(invitation, acting_user)
        if state is Acceptance.REGISTER:
            if not password:
                raise ValueError("a new account needs a password")
            user = get_user_model().objects.create_user(
                username=invitation.email,
                email=invitation.email,
                password=password,
                first_name=first_name,
                last_name=last_name,
            )
            audit.record("account.created", user=user, actor=actor, obj=user)
        elif state is Acceptance.JOIN:
            user = acting_user
        else:
            raise CannotAccept(state)
        membership = _grant_role(invitation, user)
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        audit.record(
            "invitation.accepted", user=user, actor=actor, obj=invitation, role=membership.role
        )
    return user, actor


def _grant_role(invitation: Invitation, user: AbstractBaseUser) -> Membership:
    membership, created = Membership.objects.get_or_create(
        user=user, actor=invitation.actor, defaults={"role": invitation.role}
    )
    if created:
        audit.record(
            "membership.created",
            user=user,
            actor=invitation.actor,
            obj=membership,
            role=membership.role,
        )
    elif membership.role != invitation.role and not _is_last_owner(membership):
        previous, membership.role = membership.role, invitation.role
        membership.save(update_fields=["role"])
        audit.record(
            "membership.role_changed",
            user=user,
            actor=invitation.actor,
            obj=membership,
            previous=previous,
            role=membership.role,
        )
    return membership


def revoke_invitation(*, acting_user: User, invitation: Invitation) -> None:
    if not can_manage_members(acting_user, invitation.actor):
        raise PermissionDenied
    if invitation.accepted_at is not None:
        raise ValidationError(_("Diese Einladung wurde bereits angenommen."), code="accepted")
    with transaction.atomic():
        audit.record(
            "invitation.revoked",
            user=acting_user,
            actor=invitation.actor,
            obj=invitation,
            email=invitation.email,
        )
        invitation.delete()


def _is_last_owner(membership: Membership) -> bool:
    """Locks the actor's owners, so that two owners cannot remove each other at once."""
    if membership.role != Membership.Role.OWNER:
        return False
    owners = Membership.objects.select_for_update().filter(
        actor_id=membership.actor_id, role=Membership.Role.OWNER
    )
    return [owner.pk for owner in owners] == [membership.pk]


def _refuse_leaving_without_owner(acting_user: User, membership: Membership) -> None:
    """Somebody must stay in charge of an actor; agency staff may step in for a departed owner."""
    if not is_agency_staff(acting_user) and _is_last_owner(membership):
        raise ValidationError(
            _(
                "%(name)s ist die einzige verantwortliche Person. Bitte machen Sie zuerst "
                "jemand anderen zur verantwortlichen Person."
            ),
            code="last_owner",
            params={"name": member_name(membership)},
        )


def member_name(membership: Membership) -> str:
    return membership.user.get_full_name() or membership.user.email or membership.user.username


def remove_member(*, acting_user: User, membership: Membership) -> None:
    actor = membership.actor
    if not can_manage_members(acting_user, actor):
        raise PermissionDenied
    with transaction.atomic():
        _refuse_leaving_without_owner(acting_user, membership)
        audit.record(
            "membership.removed",
            user=acting_user,
            actor=actor,
            obj=membership,
            member=membership.user_id,
            role=membership.role,
        )
        membership.delete()


def change_role(*, acting_user: User, membership: Membership, role: str) -> Membership:
    actor = membership.actor
    if not can_manage_members(acting_user, actor):
        raise PermissionDenied
    if role not in Membership.Role.values:
        raise ValueError(f"unknown role {role!r}")
    if role == membership.role:
        return membership
    with transaction.atomic():
        _refuse_leaving_without_owner(acting_user, membership)
        previous, membership.role = membership.role, role
        membership.save(update_fields=["role"])
        audit.record(
            "membership.role_changed",
            user=acting_user,
            actor=actor,
            obj=membership,
            member=membership.user_id,
            previous=previous,
            role=role,
        )
    return membership
