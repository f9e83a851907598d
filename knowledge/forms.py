"""The article form staff write in: rich text as simple HTML, made safe by the one sanitiser."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from knowledge.models import ArticleKind, Audience
from network.models import AgencyUnit
from network.permissions import User, is_admin
from portal.html import sanitize_html
from referrals.models import ConcernCategory

BLOCKS = re.compile(r"<(p|ul|ol|h[2-4]|blockquote)\b", re.IGNORECASE)


class ArticleForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=255)
    summary = forms.CharField(label=_("Kurzfassung"), max_length=300, required=False)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Absätze, Listen, Überschriften und Links (einfaches HTML)."),
    )
    kind = forms.ChoiceField(label=_("Art"), choices=ArticleKind.choices)
    audience = forms.ChoiceField(
        label=_("Wer darf lesen"), choices=Audience.choices, initial=Audience.STAFF
    )
    unit = forms.ModelChoiceField(
        label=_("Zuständiger Bereich"), queryset=AgencyUnit.objects.none()
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Anliegen"),
        queryset=ConcernCategory.objects.filter(is_active=True).order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        units = AgencyUnit.objects.all() if is_admin(user) else user.agency_units.all()
        self.fields["unit"].queryset = units.order_by("name")

    def clean_body(self) -> str:
        text = self.cleaned_data["body"]
        if not BLOCKS.search(text):
            # Text typed without paragraphs: its blank lines separate them, its lines break.
            paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
            text = "".join(
                "<p>{}</p>".format(part.replace("\n", "<br>")) for part in paragraphs if part
            )
        body = sanitize_html(text)
        if not body.strip():
            raise forms.ValidationError(_("Bitte einen Text schreiben."))
        return body
