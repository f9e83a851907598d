"""The Wagtail admin's account page (/admin/account/): e-mail and password only with the password.

Wagtail's own "Name and Email" panel saves a new address without asking anything, and its
password panel lets the old password be guessed without limit. A session left open is enough for
either to take the account over: the password-reset mail then goes to the new address. So, in
the way Wagtail 8 supports (WAGTAIL_EMAIL_MANAGEMENT_ENABLED and WAGTAIL_PASSWORD_MANAGEMENT_ENABLED
off in the settings, a panel of our own by the `register_account_settings_panel` hook):

- the address changes only with the current password, whose wrong guesses count like wrong
  sign-ins (network.throttling); the old address is told by mail and the security log gets a line;
- the password is changed on /accounts/password-change/, limited the same way, which the
  account page links to.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables
from wagtail import hooks
from wagtail.admin.forms.account import NameEmailForm
from wagtail.admin.views.account import BaseSettingsPanel

from network import throttling
from portal import ratelimit
from portal.mail import send_after_commit
from portal.names import single_line_name
from portal.security_log import log_event, user_ref

# The name others see (chat, mail, the admin) is one line without addresses or bidi controls
# (portal.names); Wagtail's own name panel takes no form of ours, so its fields get the check.
for _name_field in ("first_name", "last_name"):
    if single_line_name not in NameEmailForm.base_fields[_name_field].validators:
        NameEmailForm.base_fields[_name_field].validators.append(single_line_name)


class EmailChangeForm(forms.ModelForm):
    """The account's address; a different one is saved only with the current password."""

    current_password = forms.CharField(
        label=_("Aktuelles Passwort"),
        required=False,
        strip=False,
        help_text=_("Nur nötig, wenn Sie die E-Mail-Adresse ändern."),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    class Meta:
        model = get_user_model()
        fields = ["email"]

    def __init__(self, *args: Any, request: HttpRequest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request
        # From the database: Wagtail validates and renders the account page with new forms on
        # the same user object, which a failed validation has already given the new address.
        users = get_user_model().objects.filter(pk=self.instance.pk)
        self.previous_email = users.values_list("email", flat=True).first() or ""
        self.fields["email"].required = True
        self.fields["email"].label = _("E-Mail-Adresse")

    @property
    def changes_email(self) -> bool:
        new = (self.cleaned_data.get("email") or "").strip()
        return new.lower() != (self.previous_email or "").lower()

    @sensitive_variables("password")
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.errors or not self.changes_email:
            return cleaned
        username = self.instance.get_username()
        wait = throttling.password_wait(self.request, username)
        if wait:
            # Beside the field: Wagtail's account panels show no form-wide errors.
            self.add_error(
                "current_password",
                forms.ValidationError(ratelimit.refusal_message(wait), code="rate_limited"),
            )
            return cleaned
        password = cleaned.get("current_password") or ""
        if not self.instance.check_password(password):
            throttling.password_failed(self.request, username)
            self.add_error(
                "current_password",
                forms.ValidationError(
                    _("Bitte geben Sie Ihr aktuelles Passwort richtig ein."), code="wrong_password"
                ),
            )
        else:
            throttling.password_succeeded(self.request, username)
        return cleaned

    def save(self, commit: bool = True) -> AbstractBaseUser:
        user = super().save(commit=commit)
        if commit and self.previous_email and self.changes_email:
            email_changed(user=user, previous_email=self.previous_email)
        return user


def email_changed(*, user: AbstractBaseUser, previous_email: str) -> None:
    """Tells the old address and writes the security log, once the change is committed."""
    send_after_commit(
        to=[previous_email],
        subject=gettext("Die E-Mail-Adresse Ihres Kontos wurde geändert"),
        template="accounts/email/email_changed.txt",
        context={"username": user.get_username(), "changed_at": timezone.localtime()},
    )
    transaction.on_commit(lambda: log_event("account.email-changed", user=user_ref(user)))


class EmailSettingsPanel(BaseSettingsPanel):
    name = "email"
    title = _("E-Mail-Adresse")
    order = 150
    form_class = EmailChangeForm

    def get_form(self) -> EmailChangeForm:
        data = self.request.POST if self.request.method == "POST" else None
        return EmailChangeForm(data, instance=self.user, prefix=self.name, request=self.request)


@hooks.register("register_account_settings_panel")
def email_settings_panel(request, user, profile) -> EmailSettingsPanel:
    return EmailSettingsPanel(request, user, profile)


@hooks.register("register_account_menu_item")
def password_change_item(request) -> dict[str, str]:
    return {
        "url": reverse("accounts:password_change"),
        "label": gettext("Passwort ändern"),
        "help_text": gettext("Mit Ihrem bisherigen Passwort."),
    }
