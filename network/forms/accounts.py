"""Sign-in, invitation and member forms.

Sign-in failures slow down the address they come from (network.throttling), never the account
for everyone, so that guessing is slow and nobody can lock another person out.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordMixin
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from network import throttling
from network.models import Actor, Invitation, Membership
from portal import ratelimit
from portal.names import single_line_name
from portal.security_log import log_event, pseudonym

ADDRESS_SCOPE = "login-address"
EMAIL_MAX_LENGTH = 254
# Django's German catalogue says "du" here; the portal says "Sie".
INVALID_EMAIL = _("Bitte geben Sie eine gültige E-Mail-Adresse ein.")


class SignInForm(AuthenticationForm):
    """Django's sign-in, by username or email address; an address that failed too often waits."""

    username = forms.CharField(
        label=_("Benutzername oder E-Mail-Adresse"),
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "none"}
        ),
    )
    password = forms.CharField(
        label=_("Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Benutzername, E-Mail-Adresse oder Passwort stimmen nicht. "
            "Beim Passwort zählt die Groß- und Kleinschreibung."
        ),
        "rate_limited": _("Zu viele fehlgeschlagene Anmeldungen."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # An email address may be longer than a username.
        self.fields["username"].max_length = EMAIL_MAX_LENGTH
        self.fields["username"].widget.attrs["maxlength"] = EMAIL_MAX_LENGTH

    retry_after = 0

    @property
    def is_rate_limited(self) -> bool:
        return self.has_error(NON_FIELD_ERRORS, code="rate_limited")

    @sensitive_variables()
    def clean(self) -> dict[str, Any]:
        identifier = self.cleaned_data.get("username")
        if not identifier or not self.cleaned_data.get("password"):
            return self.cleaned_data
        username = username_for(identifier.strip())
        self.cleaned_data["username"] = username
        address = ratelimit.client_address(self.request)
        refs = {"account": pseudonym(username), "address": pseudonym(address)}
        self.retry_after = throttling.password_wait(self.request, username)
        if self.retry_after:
            log_event("sign-in.locked", step="password", **refs)
            raise ValidationError(
                f"{self.error_messages['rate_limited']} "
                f"{ratelimit.retry_message(self.retry_after)}",
                code="rate_limited",
            )
        try:
            super().clean()
        except ValidationError:
            throttling.password_failed(self.request, username)
            log_event("sign-in.failed", step="password", **refs)
            raise
        throttling.password_succeeded(self.request, username)
        return self.cleaned_data


def username_for(identifier: str) -> str:
    """The username behind an email address when exactly one account has it; else as typed."""
    if "@" not in identifier:
        return identifier
    user_model = get_user_model()
    usernames = list(
        user_model.objects.filter(email__iexact=identifier).values_list(
            user_model.USERNAME_FIELD, flat=True
        )[:2]
    )
    return usernames[0] if len(usernames) == 1 else identifier


class InvitationForm(SetPasswordMixin, forms.Form):
    """A new account for an invited person; the email address is the one invited."""

    first_name = forms.CharField(
        label=_("Vorname"),
        required=False,
        max_length=150,
        validators=[single_line_name],
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Nachname"),
        required=False,
        max_length=150,
        validators=[single_line_name],
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    password1, password2 = SetPasswordMixin.create_password_fields(
        label1=_("Passwort"), label2=_("Passwort wiederholen")
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        self.validate_passwords()
        # The validators compare the password with the person's names and address.
        person = get_user_model()(
            username=self.email,
            email=self.email,
            first_name=self.cleaned_data.get("first_name", ""),
            last_name=self.cleaned_data.get("last_name", ""),
        )
        self.validate_password_for_user(person)
        return super().clean()


class ResetRequestForm(PasswordResetForm):
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=EMAIL_MAX_LENGTH,
        error_messages={"invalid": INVALID_EMAIL},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=150,  # it becomes the username
        error_messages={"invalid": INVALID_EMAIL},
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Rolle"),
        choices=Membership.Role.choices,
        initial=Membership.Role.EDITOR,
        help_text=_(
            "Verantwortliche Personen verwalten auch die Mitglieder; die Redaktion pflegt Profil, "
            "Bedarfe und Termine; die Ehrenamtskoordination zusätzlich die Anfragen von Helfenden."
        ),
    )


class MembershipForm(forms.Form):
    """Picks one of the actor's members, so that a stale or foreign id is an error, not a 500."""

    membership = forms.ModelChoiceField(queryset=Membership.objects.none())

    def __init__(self, *args: Any, actor: Actor, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = actor.memberships.all()


class RoleForm(MembershipForm):
    role = forms.ChoiceField(label=_("Rolle"), choices=Membership.Role.choices)


class InvitationChoiceForm(forms.Form):
    invitation = forms.ModelChoiceField(queryset=Invitation.objects.none())

    def __init__(self, *args: Any, invitations: QuerySet[Invitation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["invitation"].queryset = invitations
