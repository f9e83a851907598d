"""The member list of an actor: its owners and agency staff invite, re-role and remove people."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from network.forms.accounts import InvitationChoiceForm, InviteForm, MembershipForm, RoleForm
from network.invitations import (
    change_role,
    invite,
    member_name,
    open_invitations,
    remove_member,
    revoke_invitation,
)
from network.models import Actor, Membership
from network.permissions import can_manage_members, get_editable_actor_for_user


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def members(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_editable_actor_for_user(request.user, slug)
    if not can_manage_members(request.user, actor):
        raise PermissionDenied
    invite_form = InviteForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "invite":
            invite_form = InviteForm(request.POST)
            if invite_form.is_valid() and _invite(request, actor, invite_form):
                return _after_change(request, actor)
        elif action in ACTIONS:
            ACTIONS[action](request, actor)
            return _after_change(request, actor)
        else:
            return HttpResponseBadRequest()
    return render(
        request,
        "network/members.html",
        {
            "actor": actor,
            "memberships": actor.memberships.select_related("user").order_by(
                "user__last_name", "user__first_name", "user__email"
            ),
            "invitations": open_invitations(actor),
            "invite_form": invite_form,
            "roles": Membership.Role.choices,
        },
    )


def _invite(request: HttpRequest, actor: Actor, form: InviteForm) -> bool:
    try:
        invitation = invite(acting_user=request.user, actor=actor, **form.cleaned_data)
    except ValidationError as error:
        form.add_error("email", error)
        return False
    messages.success(
        request, _("Die Einladung an %(email)s ist verschickt.") % {"email": invitation.email}
    )
    return True


def _revoke(request: HttpRequest, actor: Actor) -> None:
    form = InvitationChoiceForm(request.POST, invitations=open_invitations(actor))
    if not form.is_valid():
        messages.error(request, _("Diese Einladung ist nicht mehr offen."))
        return
    invitation = form.cleaned_data["invitation"]
    try:
        revoke_invitation(acting_user=request.user, invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return
    messages.success(
        request,
        _("Die Einladung an %(email)s ist zurückgezogen.") % {"email": invitation.email},
    )


def _remove(request: HttpRequest, actor: Actor) -> None:
    form = MembershipForm(request.POST, actor=actor)
    if not form.is_valid():
        messages.error(request, _("Diese Person gehört nicht mehr dazu."))
        return
    membership = form.cleaned_data["membership"]
    try:
        remove_member(acting_user=request.user, membership=membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return
    messages.success(
        request, _("%(name)s gehört nicht mehr dazu.") % {"name": member_name(membership)}
    )


def _change_role(request: HttpRequest, actor: Actor) -> None:
    form = RoleForm(request.POST, actor=actor)
    if not form.is_valid():
        messages.error(request, _("Die Rolle konnte nicht geändert werden."))
        return
    membership = form.cleaned_data["membership"]
    try:
        change_role(acting_user=request.user, membership=membership, role=form.cleaned_data["role"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return
    messages.success(
        request,
        _("%(name)s hat jetzt die Rolle „%(role)s“.")
        % {"name": member_name(membership), "role": membership.get_role_display()},
    )


ACTIONS = {"revoke": _revoke, "remove": _remove, "role": _change_role}


def _after_change(request: HttpRequest, actor: Actor) -> HttpResponse:
    """Back to the list, unless people just gave up managing it themselves."""
    if can_manage_members(request.user, actor):
        return redirect("my:members", slug=actor.slug)
    return redirect(settings.LOGIN_REDIRECT_URL)
