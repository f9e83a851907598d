"""Forms of the chat page: a direct conversation, and the agency's channel with actors."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from network.models import Actor


def _person(username: str):
    user = get_user_model().objects.filter(username=username.strip().lstrip("@"), is_active=True)
    if not user.exists():
        raise forms.ValidationError(
            _("„%(name)s“ gibt es im Netzwerk nicht."), params={"name": username}
        )
    return user.get()


class DirectForm(forms.Form):
    username = forms.CharField(label=_("Benutzername"), max_length=150)

    def clean_username(self):
        return _person(self.cleaned_data["username"])


class InviteForm(DirectForm):
    """Whom a private channel's admin brings in."""


class PrivateChannelForm(forms.Form):
    name = forms.CharField(label=_("Name des Kanals"), max_length=200)
    usernames = forms.CharField(
        label=_("Mitglieder"),
        required=False,
        help_text=_("Benutzernamen, durch Komma getrennt"),
    )

    def clean_usernames(self):
        names = [name for name in self.cleaned_data["usernames"].split(",") if name.strip()]
        return [_person(name) for name in names]


class ActorChannelForm(forms.Form):
    name = forms.CharField(label=_("Name des Kanals"), max_length=200)
    actors = forms.ModelMultipleChoiceField(
        label=_("Akteure"), queryset=Actor.objects.all(), widget=forms.SelectMultiple
    )
