"""Thin views: the public landing page, and the staff's confirmation page and switches.

Anonymous visitors of a staff page are sent to sign in; other signed-in people get 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from crisis.models import Situation, TemporaryOffer
from crisis.permissions import can_switch_situations, get_situation_for_user
from crisis.services import SwitchRefused, activate_situation, deactivate_situation
from portal.translations import prefetch_translations

View = Callable[..., HttpResponse]


def switching_staff_only(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not can_switch_situations(request.user):
            raise PermissionDenied("Only agency staff switch crisis situations.")
        return view(request, *args, **kwargs)

    return wrapped


@require_safe
def landing(request: HttpRequest, slug: str) -> HttpResponse:
    situation = get_situation_for_user(request.user, slug)
    steps = list(situation.steps.all())
    offers = list(
        TemporaryOffer.objects.filter(
            situation=situation,
            starts_on__lte=timezone.localdate(),
            ends_on__gte=timezone.localdate(),
        ).select_related("provider", "situation")
    )
    unit = situation.routed_unit
    prefetch_translations([situation, *steps, *offers, situation.concern_category, unit])
    return render(
        request,
        "crisis/landing.html",
        {
            "situation": situation,
            "steps": steps,
            "offers": offers,
            "category": situation.concern_category,
            "unit": unit,
            "unit_url": unit.get_absolute_url() if unit else None,
            "can_switch": can_switch_situations(request.user),
        },
    )


@switching_staff_only
@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    situations = Situation.objects.select_related("concern_category", "routed_unit")
    return render(request, "crisis/overview.html", {"situations": situations})


def _staff_situation(slug: str) -> Situation:
    return get_object_or_404(
        Situation.objects.select_related("concern_category", "routed_unit"), slug=slug
    )


@switching_staff_only
@require_safe
def switch(request: HttpRequest, slug: str) -> HttpResponse:
    situation = _staff_situation(slug)
    return render(
        request,
        "crisis/switch.html",
        {
            "situation": situation,
            "steps": situation.steps.count(),
            "offers": situation.temporary_offers.order_by("starts_on"),
            "log": situation.log_entries.select_related("user")[:50],
        },
    )


def _switch(
    request: HttpRequest, slug: str, service: Callable[..., object], done: str
) -> HttpResponse:
    """Both switches: call the service, say what happened, back to the confirmation page."""
    situation = _staff_situation(slug)
    try:
        service(situation=situation, acting_user=request.user)
    except SwitchRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, done % {"title": situation.title})
    return redirect("crisis:switch", slug=situation.slug)


@switching_staff_only
@require_POST
def activate(request: HttpRequest, slug: str) -> HttpResponse:
    return _switch(request, slug, activate_situation, _("„%(title)s“ ist eingeschaltet."))


@switching_staff_only
@require_POST
def deactivate(request: HttpRequest, slug: str) -> HttpResponse:
    return _switch(request, slug, deactivate_situation, _("„%(title)s“ ist ausgeschaltet."))
