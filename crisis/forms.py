"""The Wagtail admin form of a situation: banner languages as checkboxes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from portal.translations import translation_languages


class SituationAdminForm(WagtailAdminModelForm):
    banner_languages = forms.MultipleChoiceField(
        label=_("Banner zusätzlich in diesen Sprachen"),
        choices=translation_languages,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Das Banner zeigt den Text in der Sprache der Seite und zusätzlich in diesen Sprachen "
            "(soweit übersetzt)."
        ),
    )
