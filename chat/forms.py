"""Forms of the chat page: a direct conversation, private channels and invitations, the agency's
channel with actors.

Forms that take usernames never say which of them exist: an unknown name and the name of
someone who may not be reached here get the same answer (chat.services.invitable).
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chat.services import invitable
from network.models import Actor
from portal.names import visible_name


class DirectForm(forms.Form):
    username = forms.CharField(label=_("Benutzername"), max_length=150)

    def clean_username(self):
        username = self.cleaned_data["username"]
        found = invitable([username])
        if not found:
            raise forms.ValidationError(
                _("Mit „%(name)s“ können Sie hier keine Unterhaltung beginnen."),
                params={"name": username},
            )
        return found[0]


class InviteForm(forms.Form):
    """Whom a private channel's admin invites; a name that reaches nobody is passed over."""

    username = forms.CharField(label=_("Benutzername"), max_length=150)

    def clean_username(self):
        found = invitable([self.cleaned_data["username"]])
        return found[0] if found else None


class PrivateChannelForm(forms.Form):
    name = forms.CharField(label=_("Name des Kanals"), max_length=200, validators=[visible_name])
    usernames = forms.CharField(
        label=_("Mitglieder einladen"),
        required=False,
        help_text=_(
            "Benutzernamen, durch Komma getrennt. Die Eingeladenen sehen den Kanal, sobald sie "
            "die Einladung angenommen haben."
        ),
    )

    def clean_usernames(self):
        return invitable(self.cleaned_data["usernames"].split(","))


class ActorChannelForm(forms.Form):
    name = forms.CharField(label=_("Name des Kanals"), max_length=200, validators=[visible_name])
    actors = forms.ModelMultipleChoiceField(
        label=_("Akteure"), queryset=Actor.objects.all(), widget=forms.SelectMultiple
    )
