"""Finding actors: search, filters, facets and ordering in one place for the page and the API.

The work is a fixed number of queries whatever the number of actors: one search, one id query,
one query per facet, then one page of actors with their relations prefetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import QueryDict

from directory.filters import ActorFilter, Sort
from directory.search import ACTOR_KIND
from network.models import (
    Actor,
    ActorKind,
    Language,
    Location,
    Municipality,
    TargetGroup,
    Topic,
)
from network.permissions import get_actor_for_user, visible_actors
from search.backends import get_search_backend


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


@dataclass
class DirectoryResult:
    filterset: ActorFilter
    actor_ids: list[int]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    query: str = ""
    sort: str = Sort.NAME

    @property
    def count(self) -> int:
        return len(self.actor_ids)


def _filtered(params: QueryDict, queryset: QuerySet[Actor]) -> ActorFilter:
    filterset = ActorFilter(params, queryset=queryset)
    if not filterset.is_valid():
        raise InvalidFilter({name: list(errors) for name, errors in filterset.errors.items()})
    return filterset


def _without(params: QueryDict, name: str) -> QueryDict:
    reduced = params.copy()
    reduced.pop(name, None)
    return reduced


def find_actors(params: QueryDict, *, user=None, with_facets: bool = True) -> DirectoryResult:
    """Ids of the actors matching the parameters, in display order, with facet counts."""
    base = visible_actors(user)
    filterset = _filtered(params, base)
    query = (filterset.form.cleaned_data.get("q") or "").strip()
    sort = filterset.form.cleaned_data.get("sort") or (Sort.RELEVANCE if query else Sort.NAME)
    if query:
        hits = get_search_backend().search(query, kinds=[ACTOR_KIND], public_only=True)
        ranked = [int(hit.object_id) for hit in hits]
        base = base.filter(pk__in=ranked)
        filterset = _filtered(params, base)
    if query and sort == Sort.RELEVANCE:
        matching = set(filterset.qs.values_list("pk", flat=True))
        actor_ids = [pk for pk in ranked if pk in matching]
    else:
        ordering = Sort.ORDERING.get(sort, Sort.ORDERING[Sort.NAME])
        actor_ids = list(filterset.qs.order_by(*ordering).values_list("pk", flat=True))
    facets = _facets(params, base, filterset) if with_facets else {}
    return DirectoryResult(
        filterset=filterset, actor_ids=actor_ids, facets=facets, query=query, sort=sort
    )


def _facets(
    params: QueryDict, base: QuerySet[Actor], filterset: ActorFilter
) -> dict[str, list[FacetValue]]:
    """Counts per value given every other filter, so each value says what choosing it yields."""
    cleaned = filterset.form.cleaned_data

    def others(name: str) -> QuerySet[Actor]:
        return ActorFilter(_without(params, name), queryset=base).qs.values("pk")

    def selected(name: str) -> set[str]:
        values = cleaned.get(name) or []
        return {getattr(value, "slug", value) for value in values}

    kind_counts = dict(
        others("kind").order_by().values_list("kind").annotate(count=Count("pk", distinct=True))
    )
    chosen = selected("kind")
    facets = {
        "kind": [
            FacetValue(value, str(label), kind_counts.get(value, 0), value in chosen)
            for value, label in ActorKind.choices
        ]
    }
    related = {
        "topic": (Topic.objects.all(), "actors", "slug"),
        "language": (Language.objects.all(), "actors", "code"),
        "target_group": (TargetGroup.objects.all(), "actors", "slug"),
        "municipality": (Municipality.objects.all(), "locations__actor", "slug"),
    }
    for name, (terms, path, key) in related.items():
        chosen = selected(name)
        annotated = terms.annotate(
            count=Count(path, filter=Q(**{f"{path}__in": others(name)}), distinct=True)
        )
        facets[name] = [
            FacetValue(getattr(term, key), str(term), term.count, getattr(term, key) in chosen)
            for term in annotated
        ]
    return facets


PROFILE_PREFETCH = (
    "topics",
    "target_groups",
    "languages",
    "social_links",
    "contacts",
    Prefetch("locations", queryset=Location.objects.select_related("municipality")),
    "locations__opening_hours",
    "offers__topics",
    "offers__target_groups",
    "offers__languages",
)


def load_profile(user, slug: str) -> Actor:
    """One visible actor with everything its profile shows, in a fixed number of queries."""
    return get_actor_for_user(
        user, slug, queryset=Actor.objects.prefetch_related(*PROFILE_PREFETCH)
    )


def load_actors(actor_ids: list[int]) -> list[Actor]:
    """One page of actors with what a list shows, in the order of the ids."""
    actors = Actor.objects.filter(pk__in=actor_ids).prefetch_related(
        "topics",
        "languages",
        "target_groups",
        "locations__municipality",
        "offers",
    )
    by_id = {actor.pk: actor for actor in actors}
    return [by_id[pk] for pk in actor_ids if pk in by_id]
