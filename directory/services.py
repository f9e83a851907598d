"""Finding and loading actors for the directory page and the API (search.listing does the
finding); a page of actors is then loaded with its relations in a fixed number of queries.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import QueryDict

from directory.filters import ActorFilter, Sort
from directory.search import ACTOR_KIND
from network.models import Actor, Location
from network.permissions import get_actor_for_user, visible_actors
from search.listing import Listing, find


def find_actors(params: QueryDict, *, user=None, with_facets: bool = True) -> Listing:
    """Ids of the visible actors matching the parameters, in display order, with facets."""
    return find(
        filter_class=ActorFilter,
        params=params,
        base=visible_actors(user),
        kind=ACTOR_KIND,
        default_sort=Sort.NAME,
        ordering=lambda sort: Sort.ORDERING.get(sort, Sort.ORDERING[Sort.NAME]),
        facets=ActorFilter.FACETS if with_facets else (),
    )


PROFILE_PREFETCH = (
    "topics",
    "target_groups",
    "languages",
    "social_links",
    "contacts",
    Prefetch("locations", queryset=Location.objects.select_related("municipality")),
    "locations__opening_hours",
    "locations__exceptions",
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
