"""The calendar's filters, shared by the pages, the feeds and the JSON API."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from events.models import Event, LocationKind
from network.models import Actor, Language, Municipality, TargetGroup, Topic
from search.listing import YesNoFilter, term_filter


class EventFilter(django_filters.FilterSet):
    """Values of one filter widen the result (or), filters narrow it (and)."""

    q = django_filters.CharFilter(label=_("Suche"), method="keep", max_length=200)
    topic = term_filter(_("Thema"), "topics", Topic)
    language = term_filter(_("Sprache"), "languages", Language, key="code")
    municipality = term_filter(_("Gemeinde"), "municipality", Municipality, distinct=False)
    target_group = term_filter(_("Zielgruppe"), "target_groups", TargetGroup)
    actor = django_filters.ModelMultipleChoiceFilter(
        label=_("Akteur"),
        field_name="actor__slug",
        to_field_name="slug",
        queryset=Actor.objects.published(),
    )

    free = YesNoFilter(label=_("kostenlos"), field_name="is_free")
    online = YesNoFilter(label=_("online"), method="filter_online")

    class Meta:
        model = Event
        fields: list[str] = []

    FACETS = ("topic", "language", "municipality", "target_group")

    @property
    def form(self):
        """The actor list offers the organisers of live events (and whatever was chosen): every
        published actor would be a thousand options, most of which find nothing, and building
        them was three quarters of the calendar's rendering. Any published actor still filters."""
        if not hasattr(self, "_form"):
            field = super().form.fields["actor"]
            chosen = self.data.getlist("actor") if hasattr(self.data, "getlist") else []
            organisers = Actor.objects.published().filter(Q(events__live=True) | Q(slug__in=chosen))
            field.widget.choices = list(organisers.distinct().values_list("slug", "name"))
        return self._form

    def keep(self, queryset, name, value):
        """The search is applied by search.listing, not as a filter."""
        return queryset

    def filter_online(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        online = Q(location_kind=LocationKind.ONLINE)
        return queryset.filter(online) if value else queryset.exclude(online)
