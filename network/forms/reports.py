"""The visitor's note that a profile is out of date; `website` is a trap for bots."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from network.models import OutdatedReport


class OutdatedReportForm(forms.Form):
    message = forms.CharField(
        label=_("Was ist nicht mehr aktuell?"),
        max_length=OutdatedReport._meta.get_field("message").max_length,
        help_text=_(
            "Zum Beispiel: neue Telefonnummer, andere Öffnungszeiten, Angebot gibt es nicht mehr. "
            "Bitte schreiben Sie keine Angaben über sich oder andere Personen."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    website = forms.CharField(
        label=_("Website (bitte leer lassen)"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    @property
    def caught_in_trap(self) -> bool:
        """Only bots fill the hidden field; their note is dropped without telling them."""
        return bool(self.data.get(self.add_prefix("website"), "").strip())
