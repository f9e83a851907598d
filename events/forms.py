"""The members' event form: the event with its cancelled or moved single dates."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import ClusterForm

from events.models import (
    Event,
    EventException,
    ExceptionKind,
    Frequency,
    LocationKind,
    Registration,
)
from network.models import Actor
from portal.images import RejectedImage, clean_image
from portal.names import visible_name

LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
MAX_IMAGE_BYTES = 2 * 1024 * 1024
IMAGE_ERRORS = {
    "format": _(
        "Bitte laden Sie das Bild als PNG, JPEG oder WebP hoch. Diese Datei ist kein solches Bild."
    ),
    "too_many_pixels": _("Das Bild darf höchstens 4000 × 4000 Pixel groß sein."),
}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self) -> None:
        super().__init__(format="%H:%M")


def _formfield(field: models.Field, **kwargs: Any) -> forms.Field | None:
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class ExceptionForm(ClusterForm):
    required_css_class = "required"

    class Meta:
        model = EventException
        fields = ["original_date", "kind", "new_date", "new_start_time", "new_end_time", "note"]
        widgets = {
            "original_date": DateInput(),
            "new_date": DateInput(),
            "new_start_time": TimeInput(),
            "new_end_time": TimeInput(),
            "kind": forms.RadioSelect,
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("kind") == ExceptionKind.MOVED and not cleaned.get("new_date"):
            self.add_error("new_date", _("Bitte geben Sie das neue Datum an."))
        return cleaned


class EventForm(ClusterForm):
    """Saving with commit=False only assembles the version to submit (events.services)."""

    required_css_class = "required"

    class Meta:
        model = Event
        fields = [
            "title",
            "description",
            "start_date",
            "start_time",
            "end_date",
            "end_time",
            "frequency",
            "repeat_until",
            "repeat_count",
            "location_kind",
            "location",
            "venue",
            "street",
            "postcode",
            "town",
            "municipality",
            "online_url",
            "topics",
            "target_groups",
            "languages",
            "co_organisers",
            "is_free",
            "cost_note",
            "registration",
            "registration_url",
            "registration_email",
            "capacity",
            "image",
            "status",
            "status_note",
        ]
        formfield_callback = _formfield
        labels = {"topics": _("Themen"), "target_groups": _("Zielgruppen")}
        help_texts = {
            "description": _(
                "Was erwartet die Gäste? Absätze, Listen und Links bleiben erhalten, alles andere "
                "wird beim Speichern entfernt."
            ),
            "repeat_until": _("leer lassen, wenn eine Anzahl oder kein Ende gilt"),
            "capacity": _("leer lassen, wenn die Plätze nicht begrenzt sind"),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "start_date": DateInput(),
            "end_date": DateInput(),
            "repeat_until": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "frequency": forms.RadioSelect,
            "location_kind": forms.RadioSelect,
            "registration": forms.RadioSelect,
            "status": forms.RadioSelect,
            "topics": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "co_organisers": forms.SelectMultiple(attrs={"size": 6}),
        }
        formsets = {"exceptions": {"form": ExceptionForm, "extra": 1}}

    def __init__(self, *args: Any, actor: Actor, **kwargs: Any):
        kwargs.setdefault("instance", Event(actor=actor))
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["location"].queryset = actor.locations.all()
        self.fields["location"].empty_label = _("— bitte wählen —")
        self.fields["municipality"].empty_label = _("— bitte wählen —")
        self.fields["co_organisers"].queryset = Actor.objects.published().exclude(pk=actor.pk)
        self.fields["co_organisers"].help_text = _("Strg- oder Cmd-Taste für mehrere")
        self.fields["frequency"].choices = Frequency.choices
        self.fields["image"].widget.attrs["accept"] = "image/png,image/jpeg,image/webp"
        self.fields["title"].validators.append(visible_name)  # reads as it looks (portal.names)

    def clean_description(self) -> str:
        """Plain text keeps its paragraphs; HTML is sanitised when the event is saved."""
        description = self.cleaned_data["description"]
        if description and not LOOKS_LIKE_HTML.search(description):
            return linebreaks(description, autoescape=True)
        return description

    def clean_image(self) -> object:
        """A new image goes through the portal's pipeline: re-encoded, without metadata."""
        image = self.cleaned_data.get("image")
        if not isinstance(image, UploadedFile):
            return image
        if image.size > MAX_IMAGE_BYTES:
            raise forms.ValidationError(_("Das Bild darf höchstens 2 MB groß sein."))
        try:
            return clean_image(image)
        except RejectedImage as rejected:
            raise forms.ValidationError(IMAGE_ERRORS[rejected.code], code=rejected.code) from None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        kind = cleaned.get("location_kind")
        if kind == LocationKind.ACTOR_LOCATION and not cleaned.get("location"):
            self.add_error("location", _("Bitte wählen Sie einen Ihrer Standorte."))
        if kind == LocationKind.ADDRESS:
            for name in ("street", "town", "municipality"):
                if not cleaned.get(name):
                    self.add_error(name, _("Bitte geben Sie die Adresse an."))
        if kind == LocationKind.ONLINE and not cleaned.get("online_url"):
            self.add_error("online_url", _("Bitte geben Sie den Link an."))
        registration = cleaned.get("registration")
        if registration == Registration.LINK and not cleaned.get("registration_url"):
            self.add_error("registration_url", _("Bitte geben Sie den Link zur Anmeldung an."))
        if registration == Registration.EMAIL and not cleaned.get("registration_email"):
            self.add_error("registration_email", _("Bitte geben Sie die E-Mail-Adresse an."))
        if cleaned.get("start_time") and not cleaned.get("end_time"):
            self.add_error("end_time", _("Bitte geben Sie an, wann die Veranstaltung endet."))
        if cleaned.get("end_time") and not cleaned.get("start_time"):
            self.add_error("start_time", _("Ohne Beginn gilt die Veranstaltung als ganztägig."))
        if cleaned.get("frequency") == Frequency.ONCE:
            cleaned["repeat_until"] = None
            cleaned["repeat_count"] = None
        return cleaned

    def _post_clean(self) -> None:
        super()._post_clean()
        if self.instance.location_kind != LocationKind.ACTOR_LOCATION:
            self.instance.location = None
        if self.instance.location_kind == LocationKind.ONLINE:
            self.instance.municipality = None
        elif self.instance.location is not None:
            self.instance.municipality = self.instance.location.municipality

    @property
    def uploaded_image(self) -> UploadedFile | None:
        image = self.cleaned_data.get("image")
        return image if isinstance(image, UploadedFile) else None
