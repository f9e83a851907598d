"""The admin's import forms: a file to preview, then the confirmation of that very file."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

from directory.imports.reading import SPREADSHEET_SUFFIXES

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
UPLOAD_SUFFIXES = SPREADSHEET_SUFFIXES | {".json"}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Datei"),
        help_text=_("CSV oder XLSX nach der Vorlage, oder HSDS-JSON"),
    )
    all_or_nothing = forms.BooleanField(
        label=_("Nur ganz oder gar nicht importieren"),
        required=False,
        help_text=_("Enthält eine Zeile Fehler, wird nichts übernommen."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in UPLOAD_SUFFIXES:
            raise forms.ValidationError(_("Bitte eine CSV-, XLSX- oder JSON-Datei hochladen."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Die Datei ist größer als 20 MB."))
        return upload


class ConfirmForm(forms.Form):
    token = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)
    name = forms.CharField(max_length=255, widget=forms.HiddenInput)
    all_or_nothing = forms.BooleanField(required=False, widget=forms.HiddenInput)
