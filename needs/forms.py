"""Forms of the needs board: a helper's "Ich kann helfen" and the members' need form."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.html import conditional_escape, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from needs.models import HelpOffer, Need, phone_validator
from network.models import Actor, Language
from portal.collation import locale_sorted
from portal.localisation import german_name, language_name
from portal.names import single_line_name, visible_name

LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


class LanguagesField(forms.ModelMultipleChoiceField):
    """Languages named as the visitor reads them (CLDR), each with its own name beside it, in
    the visitor's alphabetical order: a helper reading Arabic finds "الألبانية (Shqip)", not
    "Albanisch (Shqip)"."""

    def label_from_instance(self, obj: Language) -> str:
        name = language_name(obj.code) or obj.name
        return f"{name} ({obj.native_name})" if obj.native_name not in ("", name) else name

    def sorted_choices(self) -> None:
        """Fix the order for this form (the queryset still decides what is valid)."""
        self.choices = locale_sorted(list(self.choices), key=lambda choice: str(choice[1]))


class HelpForm(forms.Form):
    """What a helper tells the actor. `website` is a trap for bots, hidden from people."""

    name = forms.CharField(
        label=_("Ihr Name"),
        max_length=200,
        validators=[single_line_name],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-Mail"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Telefon"),
        required=False,
        max_length=40,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    message = forms.CharField(
        label=_("Nachricht (freiwillig)"),
        required=False,
        max_length=3000,
        help_text=_("Zum Beispiel: wann Sie Zeit haben und was Sie mitbringen."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    languages = LanguagesField(
        label=_("Welche Sprachen sprechen Sie?"),
        queryset=Language.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={
            "required": _("Ohne Ihre Einwilligung können wir Ihre Angaben nicht weitergeben.")
        },
    )
    website = forms.CharField(
        label=_("Website (bitte leer lassen)"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, need: Need, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["languages"].sorted_choices()
        # The actor's name is German within the visitor's sentence (portal.localisation).
        self.fields["consent"].label = mark_safe(  # noqa: S308  # nosec B308 B703: both escaped
            conditional_escape(
                _(
                    "Ich bin einverstanden, dass meine Angaben an %(actor)s weitergegeben werden, "
                    "damit man mich wegen dieses Bedarfs kontaktieren kann."
                )
            )
            % {"actor": german_name(need.actor.name)}
        )

    @property
    def caught_in_trap(self) -> bool:
        """Only bots fill the hidden field; their submission is dropped without telling them."""
        return bool(self.data.get(self.add_prefix("website"), "").strip())

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone"):
            for name in ("email", "phone"):
                if name not in self.errors:
                    self.add_error(
                        name,
                        _("Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an."),
                    )
        return cleaned


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class NeedForm(forms.ModelForm):
    class Meta:
        model = Need
        fields = [
            "title",
            "description",
            "skills",
            "topics",
            "languages",
            "municipality",
            "is_online",
            "commitment",
            "hours",
            "start_date",
            "end_date",
            "helpers_wanted",
            "contact_person",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "skills": forms.Textarea(attrs={"rows": 3}),
            "topics": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "commitment": forms.RadioSelect,
            "start_date": DateInput(),
            "end_date": DateInput(),
        }
        help_texts = {
            "description": _(
                "Was ist zu tun, für wen, wo? Absätze, Listen und Links bleiben erhalten."
            ),
            "languages": _("Sprachen, die Helfende sprechen sollten"),
        }

    def __init__(self, *args: Any, actor: Actor, **kwargs: Any):
        kwargs.setdefault("instance", Need(actor=actor))
        super().__init__(*args, **kwargs)
        self.fields["contact_person"].queryset = actor.contacts.all()
        self.fields["contact_person"].empty_label = _("— keine —")
        self.fields["municipality"].empty_label = _("— keine —")
        self.fields["title"].validators.append(visible_name)  # reads as it looks (portal.names)

    def clean_description(self) -> str:
        """Plain text keeps its paragraphs; HTML is sanitised when the need is saved."""
        description = self.cleaned_data["description"]
        if description and not LOOKS_LIKE_HTML.search(description):
            return linebreaks(description, autoescape=True)
        return description

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not cleaned.get("municipality") and not cleaned.get("is_online"):
            self.add_error(
                "municipality",
                _("Bitte wählen Sie eine Gemeinde, oder kreuzen Sie „auch online möglich“ an."),
            )
        end_date = cleaned.get("end_date")
        if end_date and "end_date" in self.changed_data and end_date < timezone.localdate():
            self.add_error("end_date", _("Das Ende darf nicht in der Vergangenheit liegen."))
        return cleaned


class AnswerForm(forms.Form):
    """A coordinator's answer to a helper, mailed by the portal: the address stays on the server."""

    message = forms.CharField(
        label=_("Antwort per E-Mail"),
        max_length=3000,
        help_text=_(
            "Geht an die E-Mail-Adresse der helfenden Person, mit Ihrer Adresse für die Antwort."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReplyStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (status.value, status.label)
            for status in HelpOffer.Status
            if status != HelpOffer.Status.NEW
        ],
        widget=forms.RadioSelect,
    )
