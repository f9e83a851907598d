"""/my/referrals/: what a partner's actors referred, with status and outcome and nothing more."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from referrals.permissions import sent_referrals


@login_required
@require_safe
def referral_list(request: HttpRequest) -> HttpResponse:
    referrals = sent_referrals(request.user).select_related(
        "referring_actor", "unit", "outcome_partner"
    )
    return render(request, "referrals/my/referral_list.html", {"referrals": referrals})
