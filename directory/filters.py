"""The directory's filters, shared by the HTML page and the JSON API."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from network.models import Actor, ActorKind, Language, Municipality, TargetGroup, Topic


class Sort:
    RELEVANCE = "relevance"
    NAME = "name"
    NAME_DESC = "-name"
    UPDATED = "-updated"
    CHOICES = [
        (RELEVANCE, _("Relevanz")),
        (NAME, _("Name A–Z")),
        (NAME_DESC, _("Name Z–A")),
        (UPDATED, _("zuletzt aktualisiert")),
    ]
    ORDERING = {NAME: ["name", "pk"], NAME_DESC: ["-name", "-pk"], UPDATED: ["-updated_at", "pk"]}


class ActorFilter(django_filters.FilterSet):
    """Multi-value filters: values of one filter widen the result (or), filters narrow it (and)."""

    q = django_filters.CharFilter(label=_("Suche"), method="search", max_length=200)
    kind = django_filters.MultipleChoiceFilter(
        label=_("Art"), choices=ActorKind.choices, widget=forms.CheckboxSelectMultiple
    )
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
        field_name="locations__municipality__slug",
        to_field_name="slug",
        queryset=Municipality.objects.all(),
        distinct=True,
        widget=forms.CheckboxSelectMultiple,
    )
    target_group = django_filters.ModelMultipleChoiceFilter(
        label=_("Zielgruppe"),
        field_name="target_groups__slug",
        to_field_name="slug",
        queryset=TargetGroup.objects.all(),
        distinct=True,
        widget=forms.CheckboxSelectMultiple,
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sortierung"), choices=Sort.CHOICES, method="keep", empty_label=None
    )

    class Meta:
        model = Actor
        fields: list[str] = []

    FACETS = ("kind", "topic", "language", "municipality", "target_group")

    def search(self, queryset, name, value):
        """Text search narrows through the search backend; see directory.services."""
        return queryset

    def keep(self, queryset, name, value):
        return queryset
