"""The directory's filters, shared by the HTML page and the JSON API."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from network.models import Actor, ActorKind, Language, Municipality, TargetGroup, Topic
from search.listing import term_filter


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

    q = django_filters.CharFilter(label=_("Suche"), method="keep", max_length=200)
    kind = django_filters.MultipleChoiceFilter(
        label=_("Art"), choices=ActorKind.choices, widget=forms.CheckboxSelectMultiple
    )
    topic = term_filter(_("Thema"), "topics", Topic)
    language = term_filter(_("Sprache"), "languages", Language, key="code")
    municipality = term_filter(_("Gemeinde"), "locations__municipality", Municipality)
    target_group = term_filter(_("Zielgruppe"), "target_groups", TargetGroup)
    sort = django_filters.ChoiceFilter(
        label=_("Sortierung"), choices=Sort.CHOICES, method="keep", empty_label=None
    )

    class Meta:
        model = Actor
        fields: list[str] = []

    FACETS = ("kind", "topic", "language", "municipality", "target_group")

    def keep(self, queryset, name, value):
        """Search and order are applied by search.listing, not as filters."""
        return queryset
