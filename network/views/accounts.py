"""Sign-in and joining an actor by invitation; password reset is Django's, with our templates."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from network import two_factor
from network.forms.accounts import InvitationForm, SignInForm
from network.invitations import (
    Acceptance,
    CannotAccept,
    InvitationGone,
    accept_invitation,
    acceptance_state,
    find_invitation,
)
from network.views.two_factor import begin_second_step
from portal.security_log import log_event, sign_in_refs


class SignInView(auth_views.LoginView):
    """Answers 429 while sign-ins are refused, so that scripts and monitoring can tell.

    With two-factor sign-in on, a right password leads to the code step, not into the portal.
    """

    form_class = SignInForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: SignInForm) -> HttpResponse:
        user = form.get_user()
        refs = sign_in_refs(self.request, user.get_username())
        if two_factor.has_two_factor(user):
            begin_second_step(self.request, user, next_url=self.get_success_url())
            log_event("sign-in.password-accepted", next_step="code", **refs)
            return redirect("accounts:login_code")
        response = super().form_valid(form)
        log_event("sign-in.succeeded", factor="password", **refs)
        return response

    def form_invalid(self, form: SignInForm) -> HttpResponse:
        response = super().form_invalid(form)
        if form.is_rate_limited:
            response.status_code = 429
            response.headers["Retry-After"] = str(settings.LOGIN_FAILURE_WINDOW)
        return response


@sensitive_post_parameters("password1", "password2")
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    try:
        pending = find_invitation(token)
        state = acceptance_state(pending, request.user)
        form = None
        if state is Acceptance.REGISTER:
            form = InvitationForm(request.POST or None, email=pending.email)
        accepting = state in (Acceptance.REGISTER, Acceptance.JOIN)
        if request.method == "POST" and accepting and (form is None or form.is_valid()):
            details = {}
            if form is not None:
                details = {
                    "password": form.cleaned_data["password1"],
                    "first_name": form.cleaned_data["first_name"],
                    "last_name": form.cleaned_data["last_name"],
                }
            user, actor = accept_invitation(token=token, acting_user=request.user, **details)
            if state is Acceptance.REGISTER:
                login(request, user)
            messages.success(
                request, _("Willkommen! Sie gehören jetzt zu %(actor)s.") % {"actor": actor.name}
            )
            return redirect("my:actor", slug=actor.slug)
    except InvitationGone:
        return render(request, "accounts/invitation_gone.html", status=410)
    except CannotAccept as refused:  # somebody took the address between page and submit
        state, form = refused.state, None
    return render(
        request,
        "accounts/invitation.html",
        {"invitation": pending, "state": state, "form": form},
        status=403 if state is Acceptance.WRONG_ACCOUNT else 200,
    )
