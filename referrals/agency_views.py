"""The agency's inbox under /agency/: thin views over referrals.services.

Only agency staff come in (403 for other signed-in people); a referral is fetched through the
staff member's units (404 for another unit's). Every page showing the person's data logs the view.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from referrals.forms import (
    AssignForm,
    CloseForm,
    ForwardForm,
    InboxFilterForm,
    NoteForm,
    StartForm,
)
from referrals.inbox import filter_inbox, inbox_counts
from referrals.models import Referral, ReferralAccess, Status
from referrals.permissions import (
    assignable_staff,
    can_see_statistics,
    can_use_inbox,
    get_staff_referral,
    staff_units,
)
from referrals.services import (
    TransitionNotAllowed,
    add_note,
    assign_referral,
    close_referral,
    export_person_data,
    forward_referral,
    next_step,
    record_access,
    start_referral,
)
from referrals.statistics import referral_statistics

View = Callable[..., HttpResponse]


def agency_staff_only(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not can_use_inbox(request.user):
            raise PermissionDenied("The inbox is for agency staff.")
        return view(request, *args, **kwargs)

    return wrapped


@agency_staff_only
@require_safe
def inbox(request: HttpRequest) -> HttpResponse:
    units = staff_units(request.user)
    form = InboxFilterForm(request.GET, units=units)
    valid = form.is_valid()
    referrals = filter_inbox(request.user, form.chosen()) if valid else Referral.objects.none()
    return render(
        request,
        "referrals/agency/inbox.html",
        {
            "form": form,
            "referrals": referrals,
            "counts": inbox_counts(request.user),
            "has_units": units.exists(),
        },
        status=200 if valid else 400,
    )


def _forms(referral: Referral, request: HttpRequest, **bound: object) -> dict[str, object]:
    colleagues = assignable_staff().prefetch_related("agency_units")
    return {
        "assign_form": bound.get("assign_form")
        or AssignForm(colleagues=colleagues, initial={"unit": referral.unit}),
        "forward_form": bound.get("forward_form") or ForwardForm(current=referral.unit),
        "start_form": bound.get("start_form") or StartForm(),
        "close_form": bound.get("close_form") or CloseForm(),
        "note_form": bound.get("note_form") or NoteForm(),
    }


def _detail_page(request: HttpRequest, referral: Referral, **bound: object) -> HttpResponse:
    record_access(referral=referral, channel=ReferralAccess.Channel.PAGE, acting_user=request.user)
    primary = next_step(referral)
    context = {
        "referral": referral,
        "primary": primary,
        # A form sent back with errors stays in view, also behind "Weitere Aktionen".
        "more_open": any(name != f"{primary}_form" for name in bound),
        "events": referral.events.select_related("by", "from_unit", "to_unit", "assignee"),
        "accesses": referral.accesses.select_related("user")[:20],
        "is_open": referral.status != Status.CLOSED,
        "plan_count": referral.plan_steps.count(),
        **_forms(referral, request, **bound),
    }
    return render(request, "referrals/agency/detail.html", context, status=400 if bound else 200)


def _load(request: HttpRequest, reference: str) -> Referral:
    return get_staff_referral(
        request.user,
        reference,
        queryset=Referral.objects.select_related(
            "unit", "assignee", "language", "referring_actor", "outcome_partner"
        ).prefetch_related("categories"),
    )


@agency_staff_only
@require_safe
def detail(request: HttpRequest, reference: str) -> HttpResponse:
    return _detail_page(request, _load(request, reference))


Step = Callable[[dict[str, Any]], tuple[Referral, str]]


def _step(
    request: HttpRequest, referral: Referral, form: forms.Form, form_name: str, act: Step
) -> HttpResponse:
    """One lifecycle step: the form's errors beside it on the detail page, or the service's
    outcome as a message; staff land on the referral, or on the inbox once it left their units."""
    if not form.is_valid():
        return _detail_page(request, referral, **{form_name: form})
    try:
        referral, message = act(form.cleaned_data)
    except TransitionNotAllowed as error:
        messages.error(request, str(error))
        return redirect("agency:detail", reference=referral.reference)
    messages.success(request, message)
    if referral.unit.staff.filter(pk=request.user.pk).exists():
        return redirect("agency:detail", reference=referral.reference)
    return redirect("agency:inbox")


@agency_staff_only
@require_POST
def assign(request: HttpRequest, reference: str) -> HttpResponse:
    referral = _load(request, reference)

    def act(data: dict[str, Any]) -> tuple[Referral, str]:
        done = assign_referral(
            referral=referral,
            unit=data["unit"],
            assignee=data["assignee"],
            note=data["note"],
            acting_user=request.user,
        )
        message = _("%(reference)s ist %(unit)s zugewiesen.") % {
            "reference": done.reference,
            "unit": done.unit.name,
        }
        return done, message

    form = AssignForm(request.POST, colleagues=assignable_staff())
    return _step(request, referral, form, "assign_form", act)


@agency_staff_only
@require_POST
def forward(request: HttpRequest, reference: str) -> HttpResponse:
    referral = _load(request, reference)

    def act(data: dict[str, Any]) -> tuple[Referral, str]:
        done = forward_referral(
            referral=referral, unit=data["unit"], note=data["note"], acting_user=request.user
        )
        message = _("%(reference)s ist an %(unit)s weitergeleitet.") % {
            "reference": done.reference,
            "unit": done.unit.name,
        }
        return done, message

    form = ForwardForm(request.POST, current=referral.unit)
    return _step(request, referral, form, "forward_form", act)


@agency_staff_only
@require_POST
def start(request: HttpRequest, reference: str) -> HttpResponse:
    referral = _load(request, reference)

    def act(data: dict[str, Any]) -> tuple[Referral, str]:
        done = start_referral(referral=referral, note=data["note"], acting_user=request.user)
        return done, _("%(reference)s ist in Bearbeitung.") % {"reference": done.reference}

    return _step(request, referral, StartForm(request.POST), "start_form", act)


@agency_staff_only
@require_POST
def close(request: HttpRequest, reference: str) -> HttpResponse:
    referral = _load(request, reference)

    def act(data: dict[str, Any]) -> tuple[Referral, str]:
        done = close_referral(
            referral=referral,
            outcome=data["outcome"],
            partner=data["partner"],
            note=data["note"],
            acting_user=request.user,
        )
        message = _("%(reference)s ist abgeschlossen: %(outcome)s.") % {
            "reference": done.reference,
            "outcome": done.get_outcome_display(),
        }
        return done, message

    return _step(request, referral, CloseForm(request.POST), "close_form", act)


@agency_staff_only
@require_POST
def note(request: HttpRequest, reference: str) -> HttpResponse:
    referral = _load(request, reference)

    def act(data: dict[str, Any]) -> tuple[Referral, str]:
        add_note(referral=referral, note=data["note"], acting_user=request.user)
        return referral, _("Die Notiz ist gespeichert.")

    return _step(request, referral, NoteForm(request.POST), "note_form", act)


@agency_staff_only
@require_safe
def export(request: HttpRequest, reference: str) -> JsonResponse:
    referral = _load(request, reference)
    data = export_person_data(referral=referral, acting_user=request.user)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{referral.reference}.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_safe
def statistics(request: HttpRequest) -> HttpResponse:
    if not can_see_statistics(request.user):
        raise PermissionDenied("Statistics are for agency staff.")
    return render(
        request, "referrals/agency/statistics.html", {"statistics": referral_statistics()}
    )
