"""The directory's "near" choice (templates/directory/_near.html): where distances are measured
from, read off the page's filter form, and the way back to the list without it."""

from __future__ import annotations

from dataclasses import dataclass

from django import template

from directory.filters import Sort
from network.municipalities import municipality_names
from portal.collation import locale_sorted

register = template.Library()

PLACE_PARAMETERS = ("near", "lat", "lon", "page")


@dataclass(frozen=True)
class NearChoice:
    # slug, name (TranslatedText, in the visitor's language) of each municipality with
    # coordinates, in the visitor's alphabet
    places: list[tuple[str, str]]
    chosen: str  # the chosen municipality's slug, or ""
    lat: str  # the shared location, as given, when it is valid
    lon: str
    by_distance: bool
    without_place: str  # the current query without the place and the sorting by distance

    @property
    def has_point(self) -> bool:
        return bool(self.lat and self.lon)


@register.simple_tag(takes_context=True)
def near_choice(context: template.Context) -> NearChoice | None:
    filterset = context.get("filterset")
    request = context.get("request")
    if filterset is None or request is None:
        return None
    form = filterset.form
    cleaned = getattr(form, "cleaned_data", {}) or {}
    valid_point = cleaned.get("lat") is not None and cleaned.get("lon") is not None
    query = request.GET.copy()
    for name in PLACE_PARAMETERS:
        query.pop(name, None)
    if query.get("sort") == Sort.DISTANCE:
        query.pop("sort")
    near = cleaned.get("near")
    names = municipality_names()
    places = [
        (slug, names.name(slug, name))
        for slug, name in filterset.filters["near"].queryset.values_list("slug", "name")
    ]
    return NearChoice(
        places=locale_sorted(places, key=lambda place: str(place[1])),
        chosen=near.slug if near is not None else "",
        lat=request.GET.get("lat", "") if valid_point else "",
        lon=request.GET.get("lon", "") if valid_point else "",
        by_distance=cleaned.get("sort") == Sort.DISTANCE,
        without_place=query.urlencode(),
    )
