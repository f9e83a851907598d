"""The members' event pages under /my/actors/<actor>/events/: thin views over events.services.

Everything is fetched through the actor the user keeps (404 otherwise), events through it.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from events.forms import EventForm
from events.models import Event
from events.permissions import get_member_event, publishes_without_review
from events.review import open_event_change, version_to_edit
from events.services import events_of_actor, submit_event, withdraw_event
from network.models import Actor
from network.permissions import get_editable_actor_for_user


@login_required
@require_safe
def event_list(request: HttpRequest, actor_slug: str) -> HttpResponse:
    actor = get_editable_actor_for_user(request.user, actor_slug)
    return render(
        request,
        "events/my/event_list.html",
        {
            "actor": actor,
            "events": events_of_actor(actor),
            "without_review": publishes_without_review(request.user, actor),
        },
    )


def _form_page(
    request: HttpRequest, actor: Actor, event: Event | None, instance: Event
) -> HttpResponse:
    if request.method == "POST":
        form = EventForm(request.POST, request.FILES, actor=actor, instance=instance)
        if form.is_valid():
            submission = submit_event(
                event=form.save(commit=False), image=form.uploaded_image, acting_user=request.user
            )
            if submission.published:
                text = _("„%(title)s“ ist veröffentlicht.")
            else:
                text = _(
                    "„%(title)s“ ist gespeichert. Die Migrationsagentur prüft die Angaben; bis "
                    "zur Freigabe bleibt die bisher veröffentlichte Fassung sichtbar."
                )
            messages.success(request, text % {"title": submission.event.title})
            return redirect("my_events:list", actor_slug=actor.slug)
    else:
        form = EventForm(actor=actor, instance=instance)
    return render(
        request,
        "events/my/event_form.html",
        {
            "actor": actor,
            "event": event,
            "form": form,
            "change": open_event_change(event) if event is not None else None,
            "without_review": publishes_without_review(request.user, actor),
        },
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def event_create(request: HttpRequest, actor_slug: str) -> HttpResponse:
    actor = get_editable_actor_for_user(request.user, actor_slug)
    return _form_page(request, actor, None, Event(actor=actor))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def event_edit(request: HttpRequest, actor_slug: str, pk: int) -> HttpResponse:
    actor, event = get_member_event(request.user, actor_slug, pk)
    return _form_page(request, actor, event, version_to_edit(event))


@login_required
@require_POST
def event_withdraw(request: HttpRequest, actor_slug: str, pk: int) -> HttpResponse:
    actor, event = get_member_event(request.user, actor_slug, pk)
    withdraw_event(event=event, acting_user=request.user)
    messages.success(request, _("„%(title)s“ ist nicht mehr öffentlich.") % {"title": event.title})
    return redirect("my_events:list", actor_slug=actor.slug)
