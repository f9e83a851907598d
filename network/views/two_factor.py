"""Two-factor sign-in: the code step after the password, and the page to set it up or off.

Between password and code nobody is signed in: the session only remembers, for a few minutes,
whose password was right and where they were going.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from network import two_factor
from network.forms.two_factor import (
    ConfirmDeviceForm,
    DisableForm,
    RenewRecoveryCodesForm,
    SignInCodeForm,
)
from portal.security_log import log_event, sign_in_refs, user_ref

PENDING = "two_factor_pending"


def begin_second_step(request: HttpRequest, user: AbstractBaseUser, *, next_url: str) -> None:
    """Remembers whose password was right; the code step signs them in."""
    request.session[PENDING] = {
        "user": user.pk,
        "backend": getattr(user, "backend", settings.AUTHENTICATION_BACKENDS[0]),
        "until": time.time() + settings.TWO_FACTOR_PENDING_SECONDS,
        "next": next_url,
    }


def _pending(request: HttpRequest) -> tuple[AbstractBaseUser, dict] | None:
    pending = request.session.get(PENDING)
    if not isinstance(pending, dict) or pending.get("until", 0) < time.time():
        request.session.pop(PENDING, None)
        return None
    user = get_user_model().objects.filter(pk=pending.get("user"), is_active=True).first()
    return (user, pending) if user is not None else None


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@sensitive_post_parameters("code")
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def sign_in_code(request: HttpRequest) -> HttpResponse:
    found = _pending(request)
    if found is None:
        messages.info(request, _("Bitte melden Sie sich zuerst mit Ihrem Passwort an."))
        return redirect("accounts:login")
    user, pending = found
    form = SignInCodeForm(request.POST or None, user=user, request=request)
    if request.method == "POST" and form.is_valid():
        del request.session[PENDING]
        login(request, user, backend=pending["backend"])
        request.session[two_factor.SESSION_VERIFIED] = user.pk
        log_event(
            "sign-in.succeeded", factor=form.factor, **sign_in_refs(request, user.get_username())
        )
        if form.factor == "recovery":
            messages.warning(
                request,
                _(
                    "Sie haben sich mit einem Wiederherstellungscode angemeldet. "
                    "Übrig sind noch %(count)s."
                )
                % {"count": two_factor.remaining_recovery_codes(user)},
            )
        return redirect(_safe_next(request, pending.get("next")))
    return render(
        request,
        "accounts/login_code.html",
        {"form": form},
        status=429 if form.is_rate_limited else 200,
    )


@login_required
@sensitive_post_parameters("code", "disable-password", "disable-code", "renew-code")
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    if two_factor.has_two_factor(request.user):
        return _manage(request)
    return _enrol(request)


def _enrol(request: HttpRequest) -> HttpResponse:
    user = request.user
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    device = two_factor.start_enrolment(acting_user=user)
    form = ConfirmDeviceForm(request.POST or None, user=user, request=request)
    if request.method == "POST" and form.is_valid():
        try:
            codes = two_factor.confirm_enrolment(code=form.cleaned_data["code"], acting_user=user)
        except two_factor.WrongCode:
            form.refuse_code()
        else:
            request.session[two_factor.SESSION_VERIFIED] = user.pk
            log_event("two-factor.enabled", user=user_ref(user))
            return render(
                request,
                "accounts/two_factor_recovery_codes.html",
                {"codes": codes, "next": next_url, "just_enabled": True},
            )
    uri = two_factor.enrolment_uri(device)
    secret = two_factor.enrolment_secret(device)
    context = {
        "form": form,
        "uri": uri,
        # segno draws only rectangles from the URI it encodes: there is no text to escape.
        "qr_svg": mark_safe(two_factor.qr_svg(uri)),  # noqa: S308  # nosec B308 B703
        "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        "required": two_factor.is_required_for(user),
        "next": next_url,
    }
    return render(
        request,
        "accounts/two_factor_enrol.html",
        context,
        status=429 if form.is_rate_limited else 200,
    )


def _manage(request: HttpRequest) -> HttpResponse:
    user = request.user
    posted = request.POST if request.method == "POST" else None
    action = posted.get("action") if posted else None
    disable_form = DisableForm(
        posted if action == "disable" else None, user=user, request=request, prefix="disable"
    )
    renew_form = RenewRecoveryCodesForm(
        posted if action == "renew" else None, user=user, request=request, prefix="renew"
    )
    if action == "disable" and disable_form.is_valid():
        two_factor.disable_two_factor(user=user, acting_user=user)
        request.session.pop(two_factor.SESSION_VERIFIED, None)
        log_event("two-factor.disabled", user=user_ref(user))
        messages.success(request, _("Die Zwei-Faktor-Anmeldung ist ausgeschaltet."))
        return redirect("accounts:two_factor")
    if action == "renew" and renew_form.is_valid():
        codes = two_factor.renew_recovery_codes(acting_user=user)
        log_event("two-factor.recovery-codes-renewed", user=user_ref(user))
        return render(
            request,
            "accounts/two_factor_recovery_codes.html",
            {"codes": codes, "next": resolve_url("accounts:two_factor"), "just_enabled": False},
        )
    limited = disable_form.is_rate_limited or renew_form.is_rate_limited
    return render(
        request,
        "accounts/two_factor_manage.html",
        {
            "disable_form": disable_form,
            "renew_form": renew_form,
            "remaining": two_factor.remaining_recovery_codes(user),
            "required": two_factor.is_required_for(user),
        },
        status=429 if limited else 200,
    )
