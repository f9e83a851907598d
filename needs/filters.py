"""The needs board's filters, shared by the HTML page and the JSON API."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from needs.models import Commitment, Need
from network.models import Language, Municipality, Topic


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "-created"
    START = "start"
    CHOICES = [
        (RELEVANCE, _("Relevanz")),
        (NEWEST, _("neueste zuerst")),
        (START, _("frühester Beginn")),
    ]
    ORDERING = {
        NEWEST: ["-created_at", "-pk"],
        START: ["start_date", "-created_at", "-pk"],
    }


class NeedFilter(django_filters.FilterSet):
    """Multi-value filters: values of one filter widen the result (or), filters narrow it (and)."""

    q = django_filters.CharFilter(label=_("Suche"), method="keep", max_length=200)
    topic = django_filters.ModelMultipleChoiceFilter(
        label=_("Thema"),
        field_name="topics__slug",
        to_field_name="slug",
        queryset=Topic.objects.all(),
        distinct=True,
        widget=forms.CheckboxSelectMultiple,
    )
    language = django_filters.ModelMultipleChoiceFilter(
        label=_("Sprache"),
        field_name="languages__code",
        to_field_name="code",
        queryset=Language.objects.all(),
        distinct=True,
        widget=forms.CheckboxSelectMultiple,
    )
    municipality = django_filters.ModelMultipleChoiceFilter(
        label=_("Gemeinde"),
        field_name="municipality__slug",
        to_field_name="slug",
        queryset=Municipality.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    commitment = django_filters.MultipleChoiceFilter(
        label=_("Einsatz"), choices=Commitment.choices, widget=forms.CheckboxSelectMultiple
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sortierung"), choices=Sort.CHOICES, method="keep", empty_label=None
    )

    class Meta:
        model = Need
        fields: list[str] = []

    FACETS = ("topic", "language", "municipality", "commitment")

    def keep(self, queryset, name, value):
        """Search and order are applied by needs.services, not as filters."""
        return queryset
