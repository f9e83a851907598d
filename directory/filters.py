"""The directory's filters, shared by the HTML page and the JSON API."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import Actor, ActorKind, Language, Location, Municipality, TargetGroup, Topic
from network.open_now import open_locations, walk_in_locations
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
    open_now = django_filters.BooleanFilter(
        label=_("jetzt geöffnet"), method="filter_open_now", widget=forms.CheckboxInput
    )
    walk_in = django_filters.BooleanFilter(
        label=_("ohne Termin"), method="filter_walk_in", widget=forms.CheckboxInput
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sortierung"), choices=Sort.CHOICES, method="keep", empty_label=None
    )

    class Meta:
        model = Actor
        fields: list[str] = []

    FACETS = ("kind", "topic", "language", "municipality", "target_group")
    FILTERS = (*FACETS, "open_now", "walk_in")

    def keep(self, queryset, name, value):
        """Search and order are applied by search.listing, not as filters."""
        return queryset

    def filter_open_now(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        """Open at some location now; together with "ohne Termin": open now without one."""
        if not value:
            return queryset
        walk_in = bool(self.form.cleaned_data.get("walk_in"))
        return queryset.filter(_at_a_location(open_locations(timezone.now(), walk_in=walk_in)))

    def filter_walk_in(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        """Has consultations without appointment (open now is decided by filter_open_now)."""
        if not value or self.form.cleaned_data.get("open_now"):
            return queryset
        return queryset.filter(_at_a_location(walk_in_locations()))


def _at_a_location(condition: Q) -> Exists:
    return Exists(Location.objects.filter(condition, actor=OuterRef("pk")))
