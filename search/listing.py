"""Finding objects for a list page and its API: text search, filters, ordering and facet counts.

The directory and the needs board list different things the same way: the search backend says
which objects match the words (ranked), django-filter narrows by the filters, and facet counts
tell for each filter value how many results choosing it would give, with all other filters
applied. The work is a fixed number of queries, whatever the number of objects.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.db.models import Count, Model, Q, QuerySet
from django.http import QueryDict

from search.backends import get_search_backend

RELEVANCE = "relevance"


def term_filter(
    label: str, path: str, model: type[Model], *, key: str = "slug", distinct: bool = True
) -> django_filters.ModelMultipleChoiceFilter:
    """A multi-value filter by a vocabulary's slug (or code), shown as checkboxes.

    `path` leads from the listed object to the term; `distinct` is needed where it crosses a
    many-valued relation, so that an object matching two chosen values is listed once.
    """
    return django_filters.ModelMultipleChoiceFilter(
        label=label,
        field_name=f"{path}__{key}",
        to_field_name=key,
        queryset=model._default_manager.all(),
        distinct=distinct,
        widget=forms.CheckboxSelectMultiple,
    )


class InvalidFilter(ValueError):
    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("invalid filter")
        self.errors = errors


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class ChoiceFacet:
    """A filter over a field with fixed choices (kind, commitment)."""

    name: str
    field: str
    choices: Sequence[tuple[str, object]]


@dataclass(frozen=True)
class TermFacet:
    """A filter over a vocabulary; `path` leads from the term to the listed objects."""

    name: str
    model: type[Model]
    path: str
    key: str = "slug"


@dataclass
class Listing:
    filterset: django_filters.FilterSet
    ids: list[int]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    query: str = ""
    sort: str = ""

    @property
    def count(self) -> int:
        return len(self.ids)


def _validated(
    filter_class: type[django_filters.FilterSet], params: QueryDict, queryset: QuerySet
) -> django_filters.FilterSet:
    filterset = filter_class(params, queryset=queryset)
    if not filterset.is_valid():
        raise InvalidFilter({name: list(errors) for name, errors in filterset.errors.items()})
    return filterset


def _without(params: QueryDict, name: str) -> QueryDict:
    reduced = params.copy()
    reduced.pop(name, None)
    return reduced


def find(
    *,
    filter_class: type[django_filters.FilterSet],
    params: QueryDict,
    base: QuerySet,
    kind: str,
    default_sort: str,
    ordering: Callable[[str], Sequence[object]],
    facets: Sequence[ChoiceFacet | TermFacet] = (),
) -> Listing:
    """Ids of the objects matching the parameters, in display order, with facet counts.

    Raises InvalidFilter with the reasons when a parameter names an unknown value.
    """
    filterset = _validated(filter_class, params, base)
    query = (filterset.form.cleaned_data.get("q") or "").strip()
    sort = filterset.form.cleaned_data.get("sort") or (RELEVANCE if query else default_sort)
    if query:
        hits = get_search_backend().search(query, kinds=[kind], public_only=True)
        ranked = [int(hit.object_id) for hit in hits]
        base = base.filter(pk__in=ranked)
        filterset = _validated(filter_class, params, base)
    if query and sort == RELEVANCE:
        matching = set(filterset.qs.values_list("pk", flat=True))
        ids = [pk for pk in ranked if pk in matching]
    else:
        ids = list(filterset.qs.order_by(*ordering(sort)).values_list("pk", flat=True))
    counts = _facet_counts(filter_class, params, base, filterset, facets) if facets else {}
    return Listing(filterset=filterset, ids=ids, facets=counts, query=query, sort=sort)


def _facet_counts(
    filter_class: type[django_filters.FilterSet],
    params: QueryDict,
    base: QuerySet,
    filterset: django_filters.FilterSet,
    facets: Sequence[ChoiceFacet | TermFacet],
) -> dict[str, list[FacetValue]]:
    """Counts per value given every other filter, so each value says what choosing it yields."""
    cleaned = filterset.form.cleaned_data

    def others(name: str) -> QuerySet:
        return filter_class(_without(params, name), queryset=base).qs.values("pk")

    counts: dict[str, list[FacetValue]] = {}
    for facet in facets:
        chosen = {getattr(value, "slug", value) for value in cleaned.get(facet.name) or []}
        if isinstance(facet, ChoiceFacet):
            per_value = dict(
                others(facet.name)
                .order_by()
                .values_list(facet.field)
                .annotate(count=Count("pk", distinct=True))
            )
            counts[facet.name] = [
                FacetValue(value, str(label), per_value.get(value, 0), value in chosen)
                for value, label in facet.choices
            ]
        else:
            terms = facet.model._default_manager.annotate(
                count=Count(
                    facet.path,
                    filter=Q(**{f"{facet.path}__in": others(facet.name)}),
                    distinct=True,
                )
            )
            counts[facet.name] = [
                FacetValue(
                    getattr(term, facet.key),
                    str(term),
                    term.count,
                    getattr(term, facet.key) in chosen,
                )
                for term in terms
            ]
    return counts
