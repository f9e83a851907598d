"""The referral form and the inbox's forms. Everything typed is plain text, checked here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import Actor, AgencyUnit, Language
from portal.localisation import named_language_choices
from portal.names import single_line_name
from referrals.inbox import Age, InboxFilter
from referrals.models import (
    STAFF_OUTCOMES,
    ConcernCategory,
    Outcome,
    Status,
    Urgency,
    WayfinderAudience,
    file_number_validator,
    phone_validator,
)
from referrals.routing import offered_categories
from referrals.services import PersonData, StepData

MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>|javascript:", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NAME_MAX = 200
POSTAL_MAX = 500
DESCRIPTION_MAX = 3000
NOTE_MAX = 2000
EARLIEST_BIRTH_YEAR = 1900


def plain_text(value: str) -> None:
    """Reject markup and control characters: these fields are read by people, never rendered."""
    if MARKUP.search(value or ""):
        raise ValidationError(
            _("Bitte schreiben Sie ohne HTML-Code oder Skripte (keine Zeichen wie <…>)."),
            code="markup",
        )
    if CONTROL.search(value or ""):
        raise ValidationError(_("Der Text enthält unzulässige Steuerzeichen."), code="control")


def _text(
    label: str, max_length: int, *, validators: Sequence[Any] = (), **kwargs: Any
) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        validators=[plain_text, *validators],
        error_messages={
            "max_length": _("Bitte höchstens %(limit_value)d Zeichen (jetzt %(show_value)d).")
        },
        **kwargs,
    )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class ReferralForm(forms.Form):
    """What the agency needs to help, and nothing more. `website` is a trap for bots."""

    referring_actor = forms.ModelChoiceField(
        label=_("Gesendet im Namen von"),
        queryset=Actor.objects.none(),
        empty_label=None,
    )
    person_name = _text(
        _("Name der Person"),
        NAME_MAX,
        validators=[single_line_name],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Telefon"),
        required=False,
        max_length=40,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-Mail"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    postal_address = _text(
        _("Postanschrift"),
        POSTAL_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
    )
    language = forms.ModelChoiceField(
        label=_("In welcher Sprache möchte die Person sprechen?"),
        queryset=Language.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=_("— bitte wählen —"),
    )
    interpreter_needed = forms.BooleanField(
        label=_("Eine Sprachmittlung (Dolmetschen) ist nötig."), required=False
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Worum geht es?"),
        queryset=ConcernCategory.objects.none(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Eines oder mehrere – wenn Sie unsicher sind, wählen Sie „Sonstiges“."),
        error_messages={
            "required": _("Bitte wählen Sie mindestens ein Anliegen."),
            "invalid_choice": _("Dieses Anliegen gibt es nicht (mehr)."),
        },
    )
    description = _text(
        _("Beschreiben Sie das Anliegen kurz"),
        DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Was ist passiert, was wird gebraucht, gibt es eine Frist?"),
    )
    urgency = forms.ChoiceField(
        label=_("Wie dringend ist es?"),
        choices=Urgency.choices,
        initial=Urgency.NORMAL,
        widget=forms.RadioSelect,
    )
    date_of_birth = forms.DateField(
        label=_("Geburtsdatum (freiwillig)"),
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("Bitte ein Datum wie 31.12.1990 oder 1990-12-31 angeben.")},
    )
    file_number = forms.CharField(
        label=_("Aktenzeichen (freiwillig)"),
        required=False,
        max_length=40,
        validators=[file_number_validator],
        help_text=_("Zum Beispiel von einem Bescheid der Ausländerbehörde."),
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={
            "required": _("Ohne die Einwilligung dürfen wir das Anliegen nicht bearbeiten.")
        },
    )
    # The wayfinder's answers that route (referrals.routing); unknown values are ignored.
    for_whom = forms.CharField(required=False, widget=forms.HiddenInput)
    in_contact = forms.CharField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(
        label=_("Website (bitte leer lassen)"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, actors: QuerySet[Actor], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = offered_categories()
        named_language_choices(self)
        self.fields["consent"].label = _(
            "Die Person ist einverstanden, dass die Migrationsagentur diese Angaben speichert "
            "und sie wegen ihres Anliegens kontaktiert."
        )
        if actors.exists():
            self.fields["referring_actor"].queryset = actors
            if actors.count() == 1:
                self.fields["referring_actor"].initial = actors.first()
        else:
            del self.fields["referring_actor"]

    @property
    def caught_in_trap(self) -> bool:
        """Only bots fill the hidden field; their submission is dropped without telling them."""
        return bool(self.data.get(self.add_prefix("website"), "").strip())

    def clean_for_whom(self) -> WayfinderAudience | None:
        slug = self.cleaned_data.get("for_whom", "")[:100]
        return WayfinderAudience.objects.filter(is_active=True, slug=slug).first() if slug else None

    def clean_in_contact(self) -> AgencyUnit | None:
        slug = self.cleaned_data.get("in_contact", "")[:100]
        return AgencyUnit.objects.filter(is_intake=False, slug=slug).first() if slug else None

    def clean_date_of_birth(self) -> Any:
        born = self.cleaned_data.get("date_of_birth")
        if born and born.year < EARLIEST_BIRTH_YEAR:
            raise ValidationError(_("Bitte ein Geburtsdatum nach 1900 angeben."))
        if born and born > timezone.localdate():
            raise ValidationError(_("Das Geburtsdatum darf nicht in der Zukunft liegen."))
        return born

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        reach = ("phone", "email", "postal_address")
        if not any(cleaned.get(name) for name in reach) and not any(
            name in self.errors for name in reach
        ):
            for name in reach:
                self.add_error(
                    name,
                    _("Bitte geben Sie Telefon, E-Mail oder Postanschrift an – eins genügt."),
                )
        return cleaned

    def person(self) -> PersonData:
        data = self.cleaned_data
        return PersonData(
            name=data["person_name"].strip(),
            phone=data["phone"].strip(),
            email=data["email"],
            postal_address=data["postal_address"].strip(),
            language=data["language"],
            interpreter_needed=data["interpreter_needed"],
            categories=list(data["categories"]),
            description=data["description"].strip(),
            urgency=data["urgency"],
            date_of_birth=data["date_of_birth"],
            file_number=data["file_number"].strip(),
        )


def _note(label: str, *, required: bool = False) -> forms.CharField:
    return _text(label, NOTE_MAX, required=required, widget=forms.Textarea(attrs={"rows": 3}))


class AssignForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Bereich"), queryset=AgencyUnit.objects.order_by("-is_intake", "name")
    )
    assignee = forms.ModelChoiceField(
        label=_("Person (freiwillig)"),
        queryset=AgencyUnit.objects.none(),
        required=False,
        empty_label=_("— der ganze Bereich —"),
    )
    note = _note(_("Interne Notiz (freiwillig)"))

    def __init__(self, *args: Any, colleagues: QuerySet, **kwargs: Any):
        super().__init__(*args, prefix="assign", **kwargs)
        self.fields["assignee"].queryset = colleagues
        self.fields["assignee"].label_from_instance = lambda user: (
            f"{user.get_full_name() or user.username}"
            f" ({', '.join(unit.name for unit in user.agency_units.all())})"
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        unit, assignee = cleaned.get("unit"), cleaned.get("assignee")
        if unit and assignee and not unit.staff.filter(pk=assignee.pk).exists():
            self.add_error(
                "assignee",
                _("%(person)s gehört nicht zum Bereich %(unit)s.")
                % {"person": assignee.get_full_name() or assignee.username, "unit": unit.name},
            )
        return cleaned


class ForwardForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("an den Bereich"),
        queryset=AgencyUnit.objects.none(),
        empty_label=_("— bitte wählen —"),
    )
    note = _note(_("Notiz für den Bereich"), required=True)

    def __init__(self, *args: Any, current: AgencyUnit, **kwargs: Any):
        super().__init__(*args, prefix="forward", **kwargs)
        self.fields["unit"].queryset = AgencyUnit.objects.exclude(pk=current.pk).order_by("name")


class StartForm(forms.Form):
    note = _note(_("Interne Notiz (freiwillig)"))

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, prefix="start", **kwargs)


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Ergebnis"), choices=STAFF_OUTCOMES, widget=forms.RadioSelect
    )
    partner = forms.ModelChoiceField(
        label=_("vermittelt an (Akteur des Netzwerks)"),
        queryset=Actor.objects.published().order_by("name"),
        required=False,
        empty_label=_("— bitte wählen —"),
    )
    note = _note(_("Interne Notiz (freiwillig)"))

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, prefix="close", **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("outcome") == Outcome.REFERRED and not cleaned.get("partner"):
            self.add_error("partner", _("Bitte wählen Sie den Partner, an den vermittelt wurde."))
        return cleaned


class NoteForm(forms.Form):
    note = _note(_("Notiz"), required=True)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, prefix="note", **kwargs)


class InboxFilterForm(forms.Form):
    """The inbox's filters; GET parameters, so a filtered list can be bookmarked."""

    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("alle offenen")), *Status.choices], required=False
    )
    unit = forms.ModelChoiceField(
        label=_("Bereich"),
        queryset=AgencyUnit.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("alle meine Bereiche"),
    )
    category = forms.ModelChoiceField(
        label=_("Anliegen"),
        queryset=ConcernCategory.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("alle"),
    )
    urgency = forms.ChoiceField(
        label=_("Dringlichkeit"), choices=[("", _("alle")), *Urgency.choices], required=False
    )
    age = forms.ChoiceField(
        label=_("Alter"), choices=[("", _("beliebig")), *Age.CHOICES], required=False
    )

    def __init__(self, *args: Any, units: QuerySet[AgencyUnit], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def chosen(self) -> InboxFilter:
        data = self.cleaned_data
        return InboxFilter(
            status=data["status"],
            unit=data["unit"],
            category=data["category"],
            urgency=data["urgency"],
            age=data["age"],
        )


class StatusForm(forms.Form):
    """Reference and status code, for the person's look-up and their plan's online copy.

    Deliberately no format check beyond the length: a malformed and a wrong pair get the same
    answer from the look-up.
    """

    reference = forms.CharField(
        label=_("Vorgangsnummer"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "MIA-XXXX-XX"}),
    )
    code = forms.CharField(
        label=_("Statuscode"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "XXXX-XXXX"}),
    )


class PlanPlaceForm(forms.Form):
    """First step of adding a step: which place, so the step form comes prefilled from it."""

    unit = forms.ModelChoiceField(
        label=_("Bereich der Agentur"),
        queryset=AgencyUnit.objects.order_by("name"),
        required=False,
        empty_label=_("— bitte wählen —"),
    )
    actor = forms.ModelChoiceField(
        label=_("oder Akteur im Netzwerk"),
        queryset=Actor.objects.published().order_by("name"),
        required=False,
        empty_label=_("— bitte wählen —"),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if bool(cleaned.get("unit")) == bool(cleaned.get("actor")):
            raise ValidationError(
                _("Bitte wählen Sie genau einen Ort: einen Bereich oder einen Akteur.")
            )
        return cleaned


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M")


class PlanStepForm(PlanPlaceForm):
    address = _text(_("Adresse"), 300, required=False)
    room = _text(_("Etage und Raum"), 200, required=False)
    appointment_at = forms.DateTimeField(
        label=_("Termin (freiwillig)"),
        required=False,
        widget=DateTimeInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("Leer: die Person kommt in die offenen Sprechzeiten."),
    )
    what_to_bring = _text(
        _("Bitte mitbringen"),
        2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Eine Zeile je Unterlage. Unverändert übernommen, erscheint der Text der "
            "Seite des Bereichs in der Sprache der Person."
        ),
    )
    note = _text(
        _("Hinweis für die Person"),
        1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Steht auf dem Laufzettel: in einfachen Worten, ohne persönliche Daten."),
    )

    def step_data(self) -> StepData:
        data = self.cleaned_data
        return StepData(
            unit=data["unit"],
            actor=data["actor"] if not data["unit"] else None,
            address=data["address"],
            room=data["room"],
            appointment_at=data["appointment_at"],
            what_to_bring=data["what_to_bring"].replace("\r\n", "\n"),
            note=data["note"],
        )


class PlanLanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Sprache des Laufzettels"), choices=settings.LANGUAGES)
