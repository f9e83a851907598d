"""Sign-in, password reset and change, and joining an actor by invitation.

Reset and change are Django's views with our templates and limits: a reset request is limited
per address and per e-mail address typed (each sends mail), and a wrong old password when
changing it counts like a wrong sign-in (network.forms.passwords), with a readable 429 too.
"""

from __future__ import annotations

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
from network.forms.passwords import ThrottledPasswordChangeForm
from network.invitations import (
    Acceptance,
    CannotAccept,
    InvitationGone,
    accept_invitation,
    acceptance_state,
    find_invitation,
)
from network.views.two_factor import begin_second_step
from portal import ratelimit
from portal.security_log import log_event, sign_in_refs

# Each request sends a mail: per client address, and per e-mail address typed in (whether or not
# an account has it, so that the answer tells nothing about accounts).
RESET_REQUESTS = ratelimit.Limit("password-reset")
RESET_REQUESTS_FOR_ADDRESS = ratelimit.Limit("password-reset-account", by=("subject",))


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
            response.headers["Retry-After"] = str(form.retry_after)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    def form_valid(self, form) -> HttpResponse:
        try:
            RESET_REQUESTS.hit(self.request)
            RESET_REQUESTS_FOR_ADDRESS.hit(self.request, subject=form.cleaned_data["email"].lower())
        except ratelimit.RateLimited as limited:
            context = self.get_context_data(form=form)
            return ratelimit.refuse_form(self.request, self.template_name, context, form, limited)
        return super().form_valid(form)


class PasswordChangeView(auth_views.PasswordChangeView):
    """Answers 429 with Retry-After while the old password is not being checked."""

    form_class = ThrottledPasswordChangeForm

    def get_form_kwargs(self) -> dict[str, object]:
        return {**super().get_form_kwargs(), "request": self.request}

    def form_invalid(self, form: ThrottledPasswordChangeForm) -> HttpResponse:
        response = super().form_invalid(form)
        if form.is_rate_limited:
            response.status_code = 429
            response.headers["Retry-After"] = str(form.retry_after)
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
                # The password was just set: the model backend is the one that vouches for it.
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
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
