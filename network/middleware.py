"""Two-factor sign-in verified per session, and staff who must use it kept on its set-up page.

A session counts as verified only if it passed the code step itself (or set up the device): a
session signed in with the password alone before the person set up a device is ended at its next
request, so a session someone else opened earlier (another computer, a stolen cookie) does not
become trusted when the owner turns two-factor sign-in on. That also ends the person's other
sessions on enrolment, whichever server or session store they live in.

The requirement is checked per request rather than at sign-in, so that sessions begun before the
agency switched it on are caught too. A verified session is marked and costs nothing more; an
unmarked one costs one query per request to see whether a device has appeared meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

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
        if not request.user.is_authenticated:
            return None
        if request.session.get(two_factor.SESSION_VERIFIED) == request.user.pk:
            return None
        if two_factor.has_two_factor(request.user):
            return self._sign_in_again(request)
        if not settings.REQUIRE_STAFF_TWO_FACTOR or not two_factor.is_required_for(request.user):
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

    def _sign_in_again(self, request: HttpRequest) -> HttpResponse:
        """This session never gave a code: it ends; the person signs in with password and code."""
        logout(request)
        messages.info(
            request,
            _("Zu Ihrem Konto gehört jetzt ein Code aus Ihrer App. Bitte melden Sie sich neu an."),
        )
        target = reverse("accounts:login")
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
