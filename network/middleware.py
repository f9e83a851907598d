"""Keeps staff who must use two-factor sign-in on its set-up page until they have done it.

Checked per request rather than at sign-in, so that sessions begun before the agency switched the
requirement on are caught too. Once a session is known to be fine it is marked, and the check
costs nothing more.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from network import two_factor

# What someone still setting up may reach: the set-up page, signing out, language and scripts.
ALLOWED_VIEWS = frozenset(
    {
        "accounts:two_factor",
        "accounts:logout",
        "javascript-catalog",
        "set_language",
        "choose_language",
    }
)


class TwoFactorRequirementMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: object, view_args: object, view_kwargs: object
    ) -> HttpResponse | None:
        if not settings.REQUIRE_STAFF_TWO_FACTOR or not request.user.is_authenticated:
            return None
        if request.session.get(two_factor.SESSION_VERIFIED) == request.user.pk:
            return None
        if two_factor.has_two_factor(request.user):
            request.session[two_factor.SESSION_VERIFIED] = request.user.pk
            return None
        if not two_factor.is_required_for(request.user):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in ALLOWED_VIEWS:
            return None
        if request.path_info.startswith(settings.MEDIA_URL):
            return None
        target = reverse("accounts:two_factor")
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
