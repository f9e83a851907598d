"""The person's plan (Laufzettel) for staff under /agency/referrals/<reference>/plan/.

Thin views over referrals.services; the referral comes through referrals.permissions (404 for
a referral that is not the user's units', or the intake desk's own walk-in).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from referrals.agency_views import agency_staff_only
from referrals.forms import PlanLanguageForm, PlanPlaceForm, PlanStepForm
from referrals.models import PlanStep, Referral
from referrals.permissions import get_plan_referral
from referrals.plan import plan_views, qr_svg, suggest
from referrals.services import (
    NoAddress,
    add_plan_step,
    change_plan_step,
    issue_status_code,
    mail_plan,
    remove_plan_step,
    set_plan_language,
)


def _steps(referral: Referral) -> list[PlanStep]:
    return list(referral.plan_steps.select_related("unit", "actor"))


def _preview(referral: Referral, steps: list[PlanStep]) -> SafeString:
    """The plan as the person will read it, in their language, beside the German forms."""
    language = referral.person_language
    with translation.override(language):
        return render_to_string(
            "referrals/plan/_preview.html",
            {"steps": plan_views(steps, language), "language": language},
        )


def _step_form(request: HttpRequest) -> PlanStepForm | None:
    """A new step's form, prefilled from the place chosen with ?unit= or ?actor=."""
    place = PlanPlaceForm(request.GET)
    if not ("unit" in request.GET or "actor" in request.GET) or not place.is_valid():
        return None
    chosen = place.cleaned_data["unit"] or place.cleaned_data["actor"]
    suggestion = suggest(chosen)
    return PlanStepForm(
        initial={
            "unit": place.cleaned_data["unit"],
            "actor": place.cleaned_data["actor"],
            "address": suggestion.address,
            "room": suggestion.room,
            "what_to_bring": suggestion.what_to_bring,
        }
    )


def _page(
    request: HttpRequest,
    referral: Referral,
    *,
    new_form: PlanStepForm | None = None,
    edit: tuple[int, PlanStepForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    steps = _steps(referral)
    edit_id = edit[0] if edit else _int(request.GET.get("edit"))
    edit_form = edit[1] if edit else None
    if edit_form is None and edit_id is not None:
        step = next((step for step in steps if step.pk == edit_id), None)
        if step is not None:
            edit_form = PlanStepForm(
                initial={
                    field: getattr(step, field)
                    for field in PlanStepForm.base_fields
                    if hasattr(step, field)
                }
            )
    place_form = PlanPlaceForm(request.GET if "unit" in request.GET else None)
    return render(
        request,
        "referrals/agency/plan.html",
        {
            "referral": referral,
            "steps": steps,
            "place_form": place_form,
            "new_form": new_form or _step_form(request),
            "edit_id": edit_id,
            "edit_form": edit_form,
            "language_form": PlanLanguageForm(initial={"language": referral.person_language}),
            "preview": _preview(referral, steps),
        },
        status=status,
    )


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@agency_staff_only
@require_http_methods(["GET", "HEAD", "POST"])
def plan(request: HttpRequest, reference: str) -> HttpResponse:
    referral = get_plan_referral(request.user, reference)
    if request.method != "POST":
        return _page(request, referral)
    form = PlanStepForm(request.POST)
    if not form.is_valid():
        return _page(request, referral, new_form=form, status=400)
    add_plan_step(referral=referral, data=form.step_data(), acting_user=request.user)
    messages.success(request, _("Der Schritt steht auf dem Laufzettel."))
    return redirect("agency:plan", reference=referral.reference)


def _own_step(referral: Referral, step_id: int) -> PlanStep:
    try:
        return referral.plan_steps.select_related("unit", "actor", "referral").get(pk=step_id)
    except PlanStep.DoesNotExist as exc:
        raise Http404("No such step.") from exc


@agency_staff_only
@require_POST
def change_step(request: HttpRequest, reference: str, step_id: int) -> HttpResponse:
    referral = get_plan_referral(request.user, reference)
    step = _own_step(referral, step_id)
    form = PlanStepForm(request.POST)
    if not form.is_valid():
        return _page(request, referral, edit=(step.pk, form), status=400)
    change_plan_step(step=step, data=form.step_data(), acting_user=request.user)
    messages.success(request, _("Der Schritt ist geändert."))
    return redirect("agency:plan", reference=referral.reference)


@agency_staff_only
@require_POST
def remove_step(request: HttpRequest, reference: str, step_id: int) -> HttpResponse:
    referral = get_plan_referral(request.user, reference)
    remove_plan_step(step=_own_step(referral, step_id), acting_user=request.user)
    messages.success(request, _("Der Schritt ist entfernt."))
    return redirect("agency:plan", reference=referral.reference)


@agency_staff_only
@require_POST
def language(request: HttpRequest, reference: str) -> HttpResponse:
    referral = get_plan_referral(request.user, reference)
    form = PlanLanguageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Diese Sprache bietet das Portal nicht an."))
        return redirect("agency:plan", reference=referral.reference)
    set_plan_language(
        referral=referral, language=form.cleaned_data["language"], acting_user=request.user
    )
    messages.success(request, _("Die Sprache des Laufzettels ist geändert."))
    return redirect("agency:plan", reference=referral.reference)


@agency_staff_only
@require_POST
def mail(request: HttpRequest, reference: str) -> HttpResponse:
    referral = get_plan_referral(request.user, reference)
    try:
        mail_plan(referral=referral, acting_user=request.user)
    except NoAddress as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Der Laufzettel geht per E-Mail an die Person."))
    return redirect("agency:plan", reference=referral.reference)


@agency_staff_only
@require_http_methods(["GET", "HEAD", "POST"])
def print_plan(request: HttpRequest, reference: str) -> HttpResponse:
    """One A4 page in the person's language with a QR code to the online copy.

    POST issues a new status code and prints it (and puts it into the QR code): for a person
    without the confirmation at hand. The old code stops working.
    """
    referral = get_plan_referral(request.user, reference)
    code = (
        issue_status_code(referral=referral, acting_user=request.user)
        if request.method == "POST"
        else None
    )
    language = referral.person_language
    back_url = reverse("agency:plan", kwargs={"reference": referral.reference})
    with translation.override(language):
        query = f"?reference={referral.reference}" + (f"&code={code}" if code else "")
        online = request.build_absolute_uri(reverse("referrals:plan") + query)
        return render(
            request,
            "referrals/plan/print.html",
            {
                "referral": referral,
                "steps": plan_views(_steps(referral), language),
                "code": code,
                "online_url": online,
                "qr": qr_svg(online),
                "language": language,
                "back_url": back_url,
            },
        )
