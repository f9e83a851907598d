"""The agency's inbox under /agency/: thin views over referrals.services.

Only agency staff come in (403 for other signed-in people); a referral is fetched through the
staff member's units (404 for another unit's). Every page showing the person's data logs the view.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

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
    context = {
        "referral": referral,
        "events": referral.events.select_related("by", "from_unit", "to_unit", "assignee"),
        "accesses": referral.accesses.select_related("user")[:20],
        "is_open": referral.status != Status.CLOSED,
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


def _done(request: HttpRequest, referral: Referral, message: str) -> HttpResponse:
    messages.success(request, message)
    if referral.unit.staff.filter(pk=request.user.pk).exists():
        return redirect("agency:detail", reference=referral.reference)
    return redirect("agency:inbox")


def _refused(request: HttpRequest, referral: Referral, error: TransitionNotAllowed) -> HttpResponse:
    messages.error(request, str(error))
    return redirect("agency:detail", reference=referral.reference)


@agency_staff_only
@require_POST
def assign(request: HttpRequest, reference: str) -> HttpResponse:
    referral = _load(request, reference)
    form = AssignForm(request.POST, colleagues=assignable_staff())
    if not form.is_valid():
        return _detail_page(request, referral, assign_form=form)
    try:
        referral = assign_referral(
            referral=referral,
            unit=form.cleaned_data["unit"],
            assignee=form.cleaned_data["assignee"],
            note=form.cleaned_data["note"],
            acting_user=request.user,
        )
    except TransitionNotAllowed as error:
        return _refused(request, referral, error)
    return _done(
        request,
        referral,
        _("%(reference)s ist %(unit)s zugewiesen.")
        % {"reference": referral.reference, "unit": referral.unit.name},
    )


@agency_staff_only
@require_POST
def forward(request: HttpRequest, reference: str) -> HttpResponse:
    referral = _load(request, reference)
    form = ForwardForm(request.POST, current=referral.unit)
    if not form.is_valid():
        return _detail_page(request, referral, forward_form=form)
    try:
        referral = forward_referral(
            referral=referral,
            unit=form.cleaned_data["unit"],
            note=form.cleaned_data["note"],
            acting_user=request.user,
        )
    except TransitionNotAllowed as error:
        return _refused(request, referral, error)
    return _done(
        request,
        referral,
        _("%(reference)s ist an %(unit)s weitergeleitet.")
        % {"reference": referral.reference, "unit": referral.unit.name},
    )


@agency_staff_only
@require_POST
def start(request: HttpRequest, reference: str) -> HttpResponse:
    referral = _load(request, reference)
    form = StartForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, referral, start_form=form)
    try:
        referral = start_referral(
            referral=referral, note=form.cleaned_data["note"], acting_user=request.user
        )
    except TransitionNotAllowed as error:
        return _refused(request, referral, error)
    return _done(
        request, referral, _("%(reference)s ist in Bearbeitung.") % {"reference": reference}
    )


@agency_staff_only
@require_POST
def close(request: HttpRequest, reference: str) -> HttpResponse:
    referral = _load(request, reference)
    form = CloseForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, referral, close_form=form)
    try:
        referral = close_referral(
            referral=referral,
            outcome=form.cleaned_data["outcome"],
            partner=form.cleaned_data["partner"],
            note=form.cleaned_data["note"],
            acting_user=request.user,
        )
    except TransitionNotAllowed as error:
        return _refused(request, referral, error)
    return _done(
        request,
        referral,
        _("%(reference)s ist abgeschlossen: %(outcome)s.")
        % {"reference": reference, "outcome": referral.get_outcome_display()},
    )


@agency_staff_only
@require_POST
def note(request: HttpRequest, reference: str) -> HttpResponse:
    referral = _load(request, reference)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, referral, note_form=form)
    add_note(referral=referral, note=form.cleaned_data["note"], acting_user=request.user)
    return _done(request, referral, _("Die Notiz ist gespeichert."))


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
