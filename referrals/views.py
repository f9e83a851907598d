"""The public referral form: thin views over referrals.services.

The confirmation page finds the reference in the session, never in the URL, so that nothing
about the person ends up in logs, histories or referrer headers. It also says which unit the
concern went to (from the session too), so that nobody waits on the intake zone for a concern
that already is with a unit, or the other way round.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_safe

from network.models import AgencyUnit
from portal import ratelimit
from portal.transactions import Busy, busy_form
from referrals import conf
from referrals.forms import ReferralForm, StatusForm
from referrals.permissions import referring_actors
from referrals.plan import plan_views
from referrals.services import submit_referral
from referrals.status import look_up

# Submissions per client address (settings.RATE_LIMITS): an advice centre sends several.
SUBMISSIONS = ratelimit.Limit("referral")
# Look-ups per client address (settings.RATE_LIMITS): every try counts, right or wrong.
LOOK_UPS = ratelimit.Limit("referral-status")
SESSION_KEY = "referral_reference"
UNIT_SESSION_KEY = "referral_unit"
CODE_SESSION_KEY = "referral_code"


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
            for key in (SESSION_KEY, UNIT_SESSION_KEY, CODE_SESSION_KEY):
                request.session.pop(key, None)
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
    request.session[CODE_SESSION_KEY] = referral.status_code
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
        {
            "reference": request.session.get(SESSION_KEY),
            "code": request.session.get(CODE_SESSION_KEY),
            "unit": unit,
        },
    )


def _look_up(request: HttpRequest, template: str) -> HttpResponse:
    """The form, or with both values (POST, or GET from the printed plan's QR code) the answer.

    Every try counts against the limit; a wrong reference and a wrong code get the same message.
    """
    data = request.POST if request.method == "POST" else request.GET
    asked = "reference" in data and "code" in data
    form = StatusForm(data if asked else None, initial={"reference": data.get("reference", "")})
    context: dict[str, object] = {"form": form, "found": None}
    if not asked:
        return render(request, template, context)
    try:
        LOOK_UPS.hit(request)
    except ratelimit.RateLimited as limited:
        return ratelimit.refuse_form(request, template, context, form, limited)
    if not form.is_valid():
        return render(request, template, context, status=400)
    found = look_up(form.cleaned_data["reference"], form.cleaned_data["code"])
    if found is None:
        form.add_error(
            None,
            gettext(
                "Zu dieser Vorgangsnummer und diesem Code können wir nichts anzeigen. Bitte "
                "prüfen Sie beide Angaben, oder fragen Sie in der Eingangszone der "
                "Migrationsagentur."
            ),
        )
        return render(request, template, context)
    context["found"] = found
    context["steps"] = plan_views(found.steps, translation.get_language())
    return render(request, template, context)


@require_http_methods(["GET", "HEAD", "POST"])
def status(request: HttpRequest) -> HttpResponse:
    """The person's status in plain words: received, with a unit, in progress, closed."""
    return _look_up(request, "referrals/status.html")


@require_http_methods(["GET", "HEAD", "POST"])
def plan(request: HttpRequest) -> HttpResponse:
    """The online copy of the person's plan: the plan, nothing else."""
    return _look_up(request, "referrals/plan_online.html")
