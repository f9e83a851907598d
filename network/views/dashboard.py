"""/my/: a member's actors at a glance, and each actor's own page with its review state."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from network.permissions import (
    can_manage_members,
    can_review_profiles,
    get_editable_actor_for_user,
    is_intake_staff,
    member_actors,
)
from network.profiles import (
    confirm_profile,
    pending_changes,
    profile_status,
    profile_statuses,
    recent_changes,
)
from network.reports import open_reports


@login_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    context: dict[str, object] = {"statuses": profile_statuses(member_actors(request.user))}
    if can_review_profiles(request.user):
        context["pending_count"] = pending_changes().count()
    if is_intake_staff(request.user):
        context["report_count"] = open_reports().count()
    return render(request, "network/dashboard.html", context)


@login_required
@require_safe
def actor_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_editable_actor_for_user(request.user, slug)
    return render(
        request,
        "network/actor_dashboard.html",
        {
            "actor": actor,
            "status": profile_status(actor),
            "changes": recent_changes(actor),
            "can_manage_members": can_manage_members(request.user, actor),
        },
    )


@login_required
@require_POST
def actor_confirm(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_editable_actor_for_user(request.user, slug)
    confirm_profile(actor=actor, acting_user=request.user)
    messages.success(request, _("Danke! Die veröffentlichten Angaben gelten als bestätigt."))
    return redirect("my:actor", slug=actor.slug)
