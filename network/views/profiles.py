"""Members edit their actor's profile or propose a new one; staff review it before it is public."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from network.forms.profiles import ActorForm
from network.models import Actor
from network.permissions import get_editable_actor_for_user
from network.profiles import ProfileStatus, profile_status, submit_change
from portal.transactions import Busy, busy_form

PREVIEW = "preview"  # the name of the form's preview button


def _edit(request: HttpRequest, status: ProfileStatus | None) -> HttpResponse:
    instance = status.version_to_edit() if status is not None else Actor()
    if request.method != "POST":
        form = ActorForm(instance=instance)
    else:
        form = ActorForm(request.POST, request.FILES, instance=instance)
        if form.is_valid() and PREVIEW in request.POST:
            # The proposed version assembled in memory, shown as the public will see it; nothing
            # is stored until the person submits it for review.
            context = {"form": form, "status": status, "preview": form.save(commit=False)}
            return render(request, "network/actor_form.html", context)
        if form.is_valid():
            try:
                change = submit_change(
                    actor=form.save(commit=False), logo=form.uploaded_logo, acting_user=request.user
                )
            except Busy as busy:
                context = {"form": form, "status": status}
                return busy_form(request, "network/actor_form.html", context, form, busy)
            messages.success(
                request,
                _(
                    "Gespeichert. Die Migrationsagentur prüft Ihre Angaben; bis zur Freigabe "
                    "bleibt die bisher veröffentlichte Fassung sichtbar."
                ),
            )
            return redirect("my:actor", slug=change.actor.slug)
    return render(request, "network/actor_form.html", {"form": form, "status": status})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def actor_edit(request: HttpRequest, slug: str) -> HttpResponse:
    return _edit(request, profile_status(get_editable_actor_for_user(request.user, slug)))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def actor_new(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)
