"""The public referral form: thin views over referrals.services.

The confirmation page finds the reference in the session, never in the URL, so that nothing
about the person ends up in logs, histories or referrer headers. It also says which unit the
concern went to (from the session too), so that nobody waits on the intake zone for a concern
that already is with a unit, or the other way round.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from network.models import AgencyUnit
from portal import ratelimit
from portal.transactions import Busy, busy_form
from referrals import conf
from referrals.forms import ReferralForm
from referrals.permissions import referring_actors
from referrals.services import submit_referral

# Submissions per client address (settings.RATE_LIMITS): an advice centre sends several.
SUBMISSIONS = ratelimit.Limit("referral")
SESSION_KEY = "referral_reference"
UNIT_SESSION_KEY = "referral_unit"


def _prefill(request: HttpRequest) -> dict[str, object]:
    """?category=<slug>&language=<code>: where the wayfinder sends people."""
    initial: dict[str, object] = {}
    if request.GET.getlist("category"):
        initial["categories"] = request.GET.getlist("category")
    for name in ("language", "for_whom", "in_contact"):
        if request.GET.get(name):
            initial[name] = request.GET[name][:100]
    return initial


@require_http_methods(["GET", "HEAD", "POST"])
def referral_form(request: HttpRequest) -> HttpResponse:
    actors = referring_actors(request.user)
    if request.method != "POST":
        form = ReferralForm(initial=_prefill(request), actors=actors)
        return render(request, "referrals/referral_form.html", _context(form))
    form = ReferralForm(request.POST, actors=actors)
    try:
        SUBMISSIONS.check(request)
        if form.caught_in_trap:
            SUBMISSIONS.hit(request)
            request.session.pop(SESSION_KEY, None)
            request.session.pop(UNIT_SESSION_KEY, None)
            return redirect("referrals:thanks")
        if not form.is_valid():
            return render(request, "referrals/referral_form.html", _context(form))
        SUBMISSIONS.hit(request)
    except ratelimit.RateLimited as limited:
        return ratelimit.refuse_form(
            request, "referrals/referral_form.html", _context(form), form, limited
        )
    try:
        referral = submit_referral(
            person=form.person(),
            referring_actor=form.cleaned_data.get("referring_actor"),
            acting_user=request.user,
            for_whom=form.cleaned_data["for_whom"],
            in_contact=form.cleaned_data["in_contact"],
        )
    except Busy as busy:
        return busy_form(request, "referrals/referral_form.html", _context(form), form, busy)
    request.session[SESSION_KEY] = referral.reference
    request.session[UNIT_SESSION_KEY] = referral.unit_id
    return redirect("referrals:thanks")


def _context(form: ReferralForm) -> dict[str, object]:
    return {"form": form, "retention_days": conf.retention_days()}


@require_safe
def referral_thanks(request: HttpRequest) -> HttpResponse:
    unit_id = request.session.get(UNIT_SESSION_KEY)
    unit = AgencyUnit.objects.filter(pk=unit_id).first() if unit_id else None
    return render(
        request,
        "referrals/referral_thanks.html",
        {"reference": request.session.get(SESSION_KEY), "unit": unit},
    )
