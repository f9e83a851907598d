"""One form per language for the translations of an actor and its offers, a need or an event."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from network.translations import Entry, FieldStatus
from portal.translations import is_rtl

LONG_TEXT_LENGTH = 300


class TranslationForm(forms.Form):
    """A field per German text, prefilled with the proposal under review or the published
    translation; an emptied field removes a translation."""

    def __init__(
        self,
        *args,
        statuses: list[FieldStatus],
        language: str,
        proposed: dict[str, str] | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.statuses = statuses
        self.language = language
        proposed = proposed or {}
        for status in statuses:
            model_field = status.obj._meta.get_field(status.field)
            max_length = getattr(model_field, "max_length", None)
            attrs = {"lang": language, "dir": "rtl" if is_rtl(language) else "ltr"}
            long = status.is_html or not max_length or max_length > LONG_TEXT_LENGTH
            widget = (
                forms.Textarea(attrs={**attrs, "rows": 8 if status.is_html else 3})
                if long
                else forms.TextInput(attrs=attrs)
            )
            self.fields[status.key] = forms.CharField(
                label=status.label,
                required=False,
                max_length=None if status.is_html else max_length,
                widget=widget,
                initial=proposed.get(status.key, status.translation),
                help_text=_("Absätze, Listen, Links und Hervorhebungen") if status.is_html else "",
            )

    def rows(self) -> list[tuple[FieldStatus, forms.BoundField]]:
        """Each German original beside the field for its translation."""
        return [(status, self[status.key]) for status in self.statuses]

    def entries(self) -> list[Entry]:
        return [
            Entry(status.obj, status.field, self.cleaned_data.get(status.key, ""))
            for status in self.statuses
        ]
