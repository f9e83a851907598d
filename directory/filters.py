"""The directory's filters, shared by the HTML page and the JSON API.

`FACETS` is the one list of filter names: the page's boxes and chips, the facet counts, the API's
parameters and docs/directory.md follow it (a test holds the docs to it).
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.distance import Origin, nearest_location
from directory.flags import flags_for
from network.fields import OFFER
from network.models import (
    Actor,
    ActorKind,
    Language,
    Location,
    Municipality,
    Offer,
    TargetGroup,
    Topic,
)
from network.open_now import open_locations, walk_in_locations
from network.page_cache import ACTORS, VOCABULARIES
from portal.collation import LocaleOrder
from search.listing import ChoiceFacet, Facet, TermFacet, YesNoFacet, YesNoFilter, term_filter

HOURS = _("Sprechzeiten")
# Which actors carry which term changes with a profile or a vocabulary (search.listing.TermFacet).
TERM_KINDS = (ACTORS, VOCABULARIES)
OFFERS = _("Angebote")


class OfferFeatureFilter(YesNoFilter):
    """Yes: actors with an offer that has the feature; no: actors with none that has it."""

    def filter(self, qs: QuerySet, value: bool | None) -> QuerySet:
        if value is None:
            return qs
        has = self.ticked({})
        return qs.filter(has) if value else qs.exclude(has)

    def ticked(self, given: dict[str, object]) -> Exists:
        return Exists(Offer.objects.filter(actor=OuterRef("pk"), **{self.field_name: True}))

    def members(self, given: dict[str, object]) -> frozenset[int] | None:
        found = flags_for(self.parent)
        return None if found is None else found.features[self.field_name]


# The offers' yes/no fields declared with a facet in network.fields become filters by themselves.
OfferFeatures = type(
    "OfferFeatures",
    (django_filters.FilterSet,),
    {
        item.facet: OfferFeatureFilter(label=OFFER.label(item.name), field_name=item.name)
        for item in OFFER.facets()
    },
)


class OpenNowFilter(YesNoFilter):
    """Open now at some location (ActorFilter.filter_open_now); ticked beside "ohne Termin"
    it means open now without appointment, which the facet counts work out anew."""

    def ticked(self, given: dict[str, object]) -> Exists | None:
        if given.get("walk_in") is True:
            return None
        return _at_a_location(open_locations(timezone.now()))

    def members(self, given: dict[str, object]) -> frozenset[int] | None:
        found = flags_for(self.parent)
        if found is None or given.get("walk_in") is True:
            return None
        return found.open_now


class WalkInFilter(YesNoFilter):
    """Has walk-in hours (ActorFilter.filter_walk_in); beside "jetzt geöffnet" the two mean
    open now without appointment, which the facet counts work out anew."""

    def ticked(self, given: dict[str, object]) -> Exists | None:
        if given.get("open_now") is True:
            return None
        return _at_a_location(walk_in_locations())

    def members(self, given: dict[str, object]) -> frozenset[int] | None:
        found = flags_for(self.parent)
        if found is None or given.get("open_now") is True:
            return None
        return found.walk_in


DISTANCE_FIELD = "distance_squared"


class Sort:
    RELEVANCE = "relevance"
    NAME = "name"
    NAME_DESC = "-name"
    UPDATED = "-updated"
    DISTANCE = "distance"
    CHOICES = [
        (RELEVANCE, _("Relevanz")),
        (NAME, _("Name A–Z")),
        (NAME_DESC, _("Name Z–A")),
        (UPDATED, _("zuletzt aktualisiert")),
        (DISTANCE, _("Entfernung")),
    ]
    # Names in the visitor's alphabet, case-insensitive ("Afghanisch" before "AWO"). By distance:
    # the nearest place first, actors without a place with coordinates last, then by name.
    ORDERING = {
        NAME: [LocaleOrder("name"), "pk"],
        NAME_DESC: [LocaleOrder("name").desc(), "-pk"],
        UPDATED: ["-updated_at", "pk"],
        DISTANCE: [F(DISTANCE_FIELD).asc(nulls_last=True), LocaleOrder("name"), "pk"],
    }


class FirstChoice(forms.Select):
    """The first of several values counts: the "sort by distance" button stands before the sort
    list in the page's form, so pressing it sends its value first."""

    def value_from_datadict(self, data, files, name):
        if hasattr(data, "getlist"):
            values = data.getlist(name)
            return values[0] if values else None
        return data.get(name)


class ActorFilterForm(forms.Form):
    """Where distances are measured from: a municipality, else a point (both coordinates; one
    alone is no point and is left aside). Any combination of valid values is accepted, as the
    API's schema promises. With an origin the list is sorted by distance unless another order is
    asked for; without one, "distance" falls back to the default order."""

    def clean(self) -> dict:
        cleaned = super().clean()
        if origin_of(cleaned) is not None and not cleaned.get("sort"):
            cleaned["sort"] = Sort.DISTANCE
        elif origin_of(cleaned) is None and cleaned.get("sort") == Sort.DISTANCE:
            cleaned["sort"] = ""
        return cleaned


def origin_of(cleaned: dict) -> Origin | None:
    """The point distances are measured from, from the filters' valid values: the
    municipality's centre before a point."""
    if cleaned.get("near") is not None:
        return Origin.of(cleaned["near"])
    if cleaned.get("lat") is not None and cleaned.get("lon") is not None:
        return Origin.at(cleaned["lat"], cleaned["lon"])
    return None


class ActorFilter(OfferFeatures):
    """Multi-value filters: values of one filter widen the result (or), filters narrow it (and)."""

    q = django_filters.CharFilter(label=_("Suche"), method="keep", max_length=200)
    kind = django_filters.MultipleChoiceFilter(
        label=_("Art"), choices=ActorKind.choices, widget=forms.CheckboxSelectMultiple
    )
    topic = term_filter(_("Thema"), "topics", Topic)
    language = term_filter(_("Sprache"), "languages", Language, key="code")
    municipality = term_filter(_("Gemeinde"), "locations__municipality", Municipality)
    target_group = term_filter(_("Zielgruppe"), "target_groups", TargetGroup)
    open_now = OpenNowFilter(label=_("jetzt geöffnet"), method="filter_open_now")
    walk_in = WalkInFilter(label=_("ohne Termin"), method="filter_walk_in")
    sort = django_filters.ChoiceFilter(
        label=_("Sortierung"),
        choices=Sort.CHOICES,
        method="keep",
        empty_label=None,
        widget=FirstChoice,
    )
    near = django_filters.ModelChoiceFilter(
        label=_("Entfernung von"),
        queryset=Municipality.objects.filter(latitude__isnull=False, longitude__isnull=False),
        to_field_name="slug",
        method="keep",
    )
    lat = django_filters.NumberFilter(
        label=_("Breitengrad"), method="keep", min_value=-90, max_value=90
    )
    lon = django_filters.NumberFilter(
        label=_("Längengrad"), method="keep", min_value=-180, max_value=180
    )

    class Meta:
        model = Actor
        fields: list[str] = []
        form = ActorFilterForm

    FACETS: tuple[Facet, ...] = (
        ChoiceFacet("kind", "kind", ActorKind.choices),
        TermFacet("topic", Topic, "actors", kinds=TERM_KINDS),
        TermFacet("language", Language, "actors", key="code", kinds=TERM_KINDS),
        TermFacet("municipality", Municipality, "locations__actor", kinds=TERM_KINDS),
        TermFacet("target_group", TargetGroup, "actors", kinds=TERM_KINDS),
        YesNoFacet("open_now", HOURS),
        YesNoFacet("walk_in", HOURS),
        *(YesNoFacet(item.facet, OFFERS) for item in OFFER.facets()),
    )
    FILTERS = tuple(facet.name for facet in FACETS)

    def keep(self, queryset, name, value):
        """Search, order and the origin of distances are applied by search.listing and
        filter_queryset, not as filters."""
        return queryset

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        """The filtered actors, with the distance of their nearest place when an origin is
        given (one correlated subquery in the same query, no query per actor)."""
        queryset = super().filter_queryset(queryset)
        origin = origin_of(self.form.cleaned_data)
        if origin is not None:
            queryset = queryset.annotate(**{DISTANCE_FIELD: nearest_location(origin)})
        return queryset

    def filter_open_now(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        """Open at some location now; together with "ohne Termin": open now without one."""
        if value is None:
            return queryset
        walk_in = self.form.cleaned_data.get("walk_in") is True
        open_now = _at_a_location(open_locations(timezone.now(), walk_in=walk_in and value))
        return queryset.filter(open_now) if value else queryset.exclude(open_now)

    def filter_walk_in(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        """Has consultations without appointment (open now is decided by filter_open_now)."""
        if value is None or (value and self.form.cleaned_data.get("open_now") is True):
            return queryset
        walk_in = _at_a_location(walk_in_locations())
        return queryset.filter(walk_in) if value else queryset.exclude(walk_in)


def _at_a_location(condition: Q) -> Exists:
    return Exists(Location.objects.filter(condition, actor=OuterRef("pk")))
