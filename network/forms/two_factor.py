"""Forms of two-factor sign-in: the code step, setting up, turning off, new recovery codes.

Wrong codes are counted like wrong passwords, per account and per address, so that the six
digits cannot be guessed by trying.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from network import two_factor
from network.forms.accounts import ADDRESS_SCOPE
from portal import ratelimit
from portal.security_log import log_event, sign_in_refs

CODE_SCOPE = "two-factor-code"

WRONG_CODE = _("Der Code stimmt nicht oder wurde schon verwendet.")
RATE_LIMITED = _("Zu viele falsche Codes. Bitte versuchen Sie es in %(minutes)s Minuten erneut.")


def _code_field(label: str, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )


class CodeCheckingForm(forms.Form):
    """A form that spends a code of `user`, refused while too many codes were wrong."""

    code_step = "code"

    def __init__(
        self, *args: Any, user: AbstractBaseUser, request: HttpRequest, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request
        self.factor: two_factor.Factor | None = None

    @property
    def is_rate_limited(self) -> bool:
        return self.has_error(NON_FIELD_ERRORS, code="rate_limited")

    def _refs(self) -> dict[str, str]:
        return sign_in_refs(self.request, self.user.get_username())

    def check_not_limited(self) -> None:
        account, address = str(self.user.pk), ratelimit.client_address(self.request)
        if ratelimit.is_limited(
            CODE_SCOPE, account, limit=settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT
        ) or ratelimit.is_limited(
            ADDRESS_SCOPE, address, limit=settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS
        ):
            log_event("sign-in.locked", step=self.code_step, **self._refs())
            raise ValidationError(
                RATE_LIMITED,
                code="rate_limited",
                params={"minutes": settings.LOGIN_FAILURE_WINDOW // 60},
            )

    def count_failure(self) -> None:
        window = settings.LOGIN_FAILURE_WINDOW
        ratelimit.hit(CODE_SCOPE, str(self.user.pk), window=window)
        ratelimit.hit(ADDRESS_SCOPE, ratelimit.client_address(self.request), window=window)
        log_event("two-factor.code-failed", step=self.code_step, **self._refs())

    @sensitive_variables()
    def spend_code(self, code: str) -> None:
        self.check_not_limited()
        self.factor = two_factor.use_code(user=self.user, code=code)
        if self.factor is None:
            self.count_failure()
            raise ValidationError(WRONG_CODE, code="wrong_code")
        ratelimit.reset(CODE_SCOPE, str(self.user.pk))


class SignInCodeForm(CodeCheckingForm):
    """The second step of signing in: a code of the app, or one recovery code."""

    code_step = "sign-in"
    code = _code_field(
        _("Code"),
        _(
            "Die sechs Ziffern aus Ihrer Authenticator-App. Ohne das Gerät: einer Ihrer "
            "Wiederherstellungscodes."
        ),
    )

    def clean(self) -> dict[str, Any]:
        if "code" in self.cleaned_data:
            self.spend_code(self.cleaned_data["code"])
        return self.cleaned_data


class ConfirmDeviceForm(CodeCheckingForm):
    """Setting up: the app's current code shows it holds the secret."""

    code_step = "enrol"
    code = _code_field(_("Code aus der App"))

    def clean(self) -> dict[str, Any]:
        if "code" in self.cleaned_data:
            self.check_not_limited()
        return self.cleaned_data

    def refuse_code(self) -> None:
        """The service found the code wrong: counted, and shown beside the field."""
        self.count_failure()
        self.add_error("code", ValidationError(WRONG_CODE, code="wrong_code"))


class DisableForm(CodeCheckingForm):
    """Turning two-factor sign-in off takes the password and a code, so a borrowed session
    cannot do it."""

    code_step = "disable"
    password = forms.CharField(
        label=_("Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = _code_field(_("Code aus der App oder Wiederherstellungscode"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.pop("autofocus", None)

    @sensitive_variables()
    def clean(self) -> dict[str, Any]:
        password, code = self.cleaned_data.get("password"), self.cleaned_data.get("code")
        if not password or not code:
            return self.cleaned_data
        self.check_not_limited()
        if not self.user.check_password(password):
            self.count_failure()
            raise ValidationError(_("Das Passwort stimmt nicht."), code="wrong_password")
        self.spend_code(code)
        return self.cleaned_data


class RenewRecoveryCodesForm(CodeCheckingForm):
    code_step = "recovery-codes"
    code = _code_field(_("Code aus der App"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.pop("autofocus", None)

    def clean(self) -> dict[str, Any]:
        if "code" in self.cleaned_data:
            self.spend_code(self.cleaned_data["code"])
        return self.cleaned_data
