"""The profile form members fill in, and the reviewer's form for sending a change back.

One ClusterForm carries the actor with its offers, locations (with opening hours), contacts and
social links, so that a whole proposed version is validated and kept together in a revision.
Every formset has an empty extra form and DELETE boxes: it works without JavaScript.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import ClusterForm
from PIL import Image, UnidentifiedImageError

from network.fields import (
    ACTOR,
    CONTACT,
    FORM,
    LOCATION,
    OFFER,
    OPENING_EXCEPTION,
    OPENING_HOURS,
    SOCIAL_LINK,
)
from network.models import (
    Actor,
    ActorKind,
    ContactPerson,
    Location,
    LocationOpeningException,
    Offer,
    OpeningHours,
    SocialLink,
)
from portal.html import sanitize_html
from portal.images import RejectedImage, clean_image
from portal.names import visible_name

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_SIDE = 4000
# Pillow's format name → the extension the stored file gets, whatever the upload was called:
# the media server picks the content type by extension, so a name must never lie.
LOGO_FORMATS = {"PNG": ".png", "JPEG": ".jpg", "WEBP": ".webp"}

SECTION_LABELS = {
    "offers": _("Angebote"),
    "locations": _("Standorte"),
    "contacts": _("Ansprechpersonen"),
    "social_links": _("Social-Media-Links"),
}

# Only agency staff describe the agency's own units (in the admin).
MEMBER_KINDS = [(value, label) for value, label in ActorKind.choices if value != "agency_unit"]


class LogoField(forms.FileField):
    """An image the portal can serve safely: PNG, JPEG or WebP as Pillow reads it, small enough.

    The content decides, not the name or the browser's claim; SVG (which can carry scripts)
    and everything else is refused.
    """

    default_error_messages = {
        "format": _(
            "Bitte laden Sie das Logo als PNG, JPEG oder WebP hoch. "
            "Diese Datei ist kein solches Bild."
        ),
        "svg": _(
            "SVG-Dateien werden aus Sicherheitsgründen nicht angenommen. "
            "Bitte laden Sie das Logo als PNG, JPEG oder WebP hoch."
        ),
        "too_large": _("Das Logo darf höchstens 2 MB groß sein."),
        "too_many_pixels": _("Das Logo darf höchstens 4000 × 4000 Pixel groß sein."),
    }

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault(
            "widget",
            forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        )
        super().__init__(**kwargs)

    def to_python(self, data: object) -> UploadedFile | None:
        upload = super().to_python(data)
        if upload is None:
            return None
        if PurePath(upload.name).suffix.lower() in {".svg", ".svgz"}:
            raise ValidationError(self.error_messages["svg"], code="svg")
        if upload.size > LOGO_MAX_BYTES:
            raise ValidationError(self.error_messages["too_large"], code="too_large")
        try:
            with Image.open(upload, formats=list(LOGO_FORMATS)) as image:
                width, height = image.size
                if width > LOGO_MAX_SIDE or height > LOGO_MAX_SIDE:
                    raise ValidationError(
                        self.error_messages["too_many_pixels"], code="too_many_pixels"
                    )
                image.verify()
        except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError) as exc:
            raise ValidationError(self.error_messages["format"], code="format") from exc
        try:
            # Re-encoded without metadata under a random name (portal/images.py).
            return clean_image(upload, max_side=LOGO_MAX_SIDE)
        except RejectedImage as rejected:
            raise ValidationError(self.error_messages[rejected.code], code=rejected.code) from None


LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
VOCABULARIES = ("topics", "target_groups", "languages")


class RichTextarea(forms.Textarea):
    """A textarea the editor's script (network/editor/) turns into a formatting toolbar and a
    writing surface; without JavaScript it stays a textarea whose blank lines end paragraphs."""

    def __init__(self) -> None:
        super().__init__(
            attrs={
                "rows": 8,
                "data-rich-text": "",
                "data-label-toolbar": _("Formatierung"),
                "data-label-bold": _("Fett"),
                "data-label-italic": _("Kursiv"),
                "data-label-bullets": _("Aufzählung"),
                "data-label-numbers": _("Nummerierte Liste"),
                "data-label-link": _("Link einfügen oder ändern"),
                "data-label-link-prompt": _("Adresse des Links (leer: Link entfernen):"),
            }
        )


def paragraphs(value: str) -> str:
    """Plain text as typed without the editor: blank lines end a paragraph; HTML stays as it is
    (the sanitiser decides what of it is kept)."""
    if value and not LOOKS_LIKE_HTML.search(value):
        return linebreaks(value.strip(), autoescape=True)
    return value


class ChoiceList(forms.CheckboxSelectMultiple):
    """Checkboxes that the page's script gives a filter box and chips; plain without it.

    Rendered in Python rather than one template per option: a profile with a few offers has
    hundreds of these boxes, and the template per option was most of the page's time.
    """

    def render(
        self, name: str, value: object, attrs: dict | None = None, renderer: object = None
    ) -> str:
        chosen = {str(item) for item in self.format_value(value)}
        base = self.build_attrs(self.attrs, attrs).get("id", f"id_{name}")
        options = format_html_join(
            "",
            '<li><label for="{0}"><input type="checkbox" name="{1}" value="{2}" id="{0}"{3}> '
            "{4}</label></li>",
            (
                (
                    f"{base}_{index}",
                    name,
                    str(option),
                    " checked" if str(option) in chosen else "",
                    label,
                )
                for index, (option, label) in enumerate(self.choices)
            ),
        )
        return format_html(
            '<ul class="choice-list" id="{}" data-choice-list>{}</ul>', base, options
        )


class QuickSelect(forms.Select):
    """A select rendered in Python, for the weekday of every slot and the place of every location:
    Django's template per option made them the slowest part of the page after the checkboxes."""

    def render(
        self, name: str, value: object, attrs: dict | None = None, renderer: object = None
    ) -> str:
        chosen = {str(item) for item in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (str(option), " selected" if str(option) in chosen else "", label)
                for option, label in self.choices
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            options,
        )


def _checkboxes() -> forms.CheckboxSelectMultiple:
    return ChoiceList()


def _formfield(field: models.Field, **kwargs: object) -> forms.Field | None:
    """Addresses typed without a scheme are taken as https (Django 6's default already)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


def _time_input() -> forms.TimeInput:
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProfilePartForm(ClusterForm):
    """Marks required labels, so that people see what they must fill in before sending.

    Names (of the actor, an offer, a place, a contact) are read by everyone: they refuse the
    controls that would make them read otherwise (portal.names).
    """

    required_css_class = "required"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if "name" in self.fields:
            self.fields["name"].validators.append(visible_name)


class OfferForm(ProfilePartForm):
    class Meta:
        model = Offer
        fields = OFFER.names(FORM)
        labels = OFFER.labels(FORM)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "eligibility": forms.Textarea(attrs={"rows": 2}),
            "how_to_access": forms.Textarea(attrs={"rows": 2}),
            "topics": _checkboxes(),
            "target_groups": _checkboxes(),
            "languages": _checkboxes(),
            "availability_confirmed_on": _date_input(),
        }


class OpeningHoursForm(ProfilePartForm):
    class Meta:
        model = OpeningHours
        fields = OPENING_HOURS.names(FORM)
        formfield_callback = _formfield
        widgets = {
            "weekday": QuickSelect(),
            "opens": _time_input(),
            "closes": _time_input(),
            "booking_phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
        }


class OpeningExceptionForm(ProfilePartForm):
    """A holiday, a closure over several days, or special hours; the model checks the times."""

    class Meta:
        model = LocationOpeningException
        fields = OPENING_EXCEPTION.names(FORM)
        help_texts = {
            "is_closed": _(
                "Ohne Haken gelten an diesen Tagen die Zeiten unten statt der üblichen."
            ),
        }
        widgets = {
            "starts_on": _date_input(),
            "ends_on": _date_input(),
            "opens": _time_input(),
            "closes": _time_input(),
        }


class LocationForm(ProfilePartForm):
    class Meta:
        model = Location
        fields = LOCATION.names(FORM)
        help_texts = {
            "latitude": _("optional, z. B. 51.1583; ohne Angabe zeigt die Karte die Adresse"),
        }
        widgets = {
            "postcode": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            "municipality": QuickSelect(),
            "accessibility": forms.Textarea(attrs={"rows": 2}),
        }
        formsets = {
            "opening_hours": {"form": OpeningHoursForm, "extra": 2},
            "exceptions": {"form": OpeningExceptionForm, "extra": 1},
        }


class ContactPersonForm(ProfilePartForm):
    class Meta:
        model = ContactPerson
        fields = CONTACT.names(FORM)
        widgets = {"phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"})}


class SocialLinkForm(ProfilePartForm):
    class Meta:
        model = SocialLink
        fields = SOCIAL_LINK.names(FORM)
        formfield_callback = _formfield


class ActorForm(ProfilePartForm):
    """The whole profile; saving it with commit=False only assembles the proposed version."""

    logo = LogoField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG, JPEG oder WebP, höchstens 2 MB und 4000 × 4000 Pixel"),
    )

    class Meta:
        model = Actor
        fields = ACTOR.names(FORM)
        labels = ACTOR.labels(FORM)
        formfield_callback = _formfield
        help_texts = {
            "description": _(
                "Mit den Knöpfen über dem Feld setzen Sie Text fett oder kursiv, machen Listen "
                "und Links. Ohne diese Knöpfe trennt eine Leerzeile die Absätze."
            ),
        }
        widgets = {
            "short_description": forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
            "description": RichTextarea(),
            "phone": forms.TextInput(attrs={"type": "tel"}),
            "topics": _checkboxes(),
            "target_groups": _checkboxes(),
            "languages": _checkboxes(),
        }
        formsets = {
            "offers": {"form": OfferForm, "extra": 1},
            "locations": {"form": LocationForm, "extra": 1},
            "contacts": {"form": ContactPersonForm, "extra": 1},
            "social_links": {"form": SocialLinkForm, "extra": 1},
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        kinds = MEMBER_KINDS
        if self.instance.kind == ActorKind.AGENCY_UNIT:
            kinds = ActorKind.choices
        self.fields["kind"].choices = [("", "---------"), *kinds]
        self._share_vocabularies()

    def _share_vocabularies(self) -> None:
        """Every offer lists the same terms: read them once, not once per offer and field.

        The choices are evaluated here into lists that all the forms render from; validating
        still goes through each field's queryset.
        """
        shared = {name: list(self.fields[name].choices) for name in VOCABULARIES}
        for name in VOCABULARIES:
            self.fields[name].choices = shared[name]
        for offer in self.formsets["offers"].forms:
            for name in VOCABULARIES:
                offer.fields[name].choices = shared[name]

    def clean_description(self) -> str:
        description = self.cleaned_data["description"]
        if "description" in self.changed_data:
            # Only what was typed now: a stored text is not rewritten into paragraphs unasked.
            description = paragraphs(description)
        return sanitize_html(description)

    def sections_with_errors(self) -> list[tuple[str, str]]:
        """Formsets with an error anywhere (nested opening hours too), for the error summary."""
        return [
            (name, str(SECTION_LABELS[name]))
            for name, formset in self.formsets.items()
            if not formset.is_valid()
        ]

    @property
    def uploaded_logo(self) -> UploadedFile | None:
        """A new logo file, to be stored before the revision records its name."""
        logo = self.cleaned_data.get("logo")
        return logo if isinstance(logo, UploadedFile) else None


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("Kommentar für die Einreichenden"),
        help_text=_("Was soll geändert werden? Der Kommentar geht per E-Mail an sie."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )
