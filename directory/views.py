"""Public pages of the directory: thin views over directory.services."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from directory.cards import cards_for
from directory.filters import ActorFilter, Sort, origin_of
from directory.flags import flags_for
from directory.jsonld import actor_jsonld, as_script
from directory.services import find_actors, load_profile
from network.models import TargetGroup, Topic
from network.municipalities import named_municipalities
from portal.localisation import german_terms, named_languages
from portal.translations import prefetch_translations, translate_facet_labels
from search.listing import InvalidFilter, facet_groups

PAGE_SIZE = 20


@require_safe
def actor_list(request: HttpRequest) -> HttpResponse:
    try:
        result = find_actors(request.GET, user=request.user)
    except InvalidFilter as invalid:
        filterset = ActorFilter(request.GET)
        filterset.is_valid()
        return render(
            request,
            "directory/actor_list.html",
            {
                "filterset": filterset,
                "errors": invalid.errors,
                "page": None,
                "list_url": reverse("directory:list"),
            },
            status=400,
        )
    page = Paginator(result.ids, PAGE_SIZE).get_page(request.GET.get("page"))
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    flagged = flags_for(result.filterset)
    cards = cards_for(
        list(page.object_list),
        timezone.now() if flagged is None else flagged.moment,
        distance_from=origin_of(result.filterset.form.cleaned_data)
        if result.sort == Sort.DISTANCE
        else None,
        flagged=flagged,
    )
    prefetch_translations([card.actor for card in cards])
    result.facets = translate_facet_labels(
        result.facets, {"topic": Topic, "target_group": TargetGroup}
    )
    result.facets["language"] = named_languages(result.facets.get("language", []))
    result.facets["municipality"] = named_municipalities(result.facets.get("municipality", []))
    result.facets = german_terms(result.facets, ["municipality"])
    value_lists, yes_no_groups = facet_groups(ActorFilter.FACETS, result)
    return render(
        request,
        "directory/actor_list.html",
        {
            "filterset": result.filterset,
            "result": result,
            "page": page,
            "list_url": reverse("directory:list"),
            # Most people look for a topic first; the long language list stays closed.
            "open_facet": "topic",
            "cards": cards,
            "items": cards,
            "query_without_page": query_without_page.urlencode(),
            "has_filters": any(request.GET.getlist(name) for name in ActorFilter.FILTERS),
            "facet_groups": [(group.name, group.label, group.values) for group in value_lists],
            "yes_no_groups": yes_no_groups,
            "sort_choices": Sort.CHOICES,
            "selected_facets": [name for name in ActorFilter.FILTERS if request.GET.getlist(name)],
        },
    )


@require_safe
def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = load_profile(request.user, slug)
    offers = actor.offers.all()
    prefetch_translations(
        [
            actor,
            *actor.topics.all(),
            *offers,
            *(term for offer in offers for term in offer.topics.all()),
            *(term for offer in offers for term in offer.target_groups.all()),
        ]
    )
    return render(
        request,
        "directory/actor_detail.html",
        {
            "actor": actor,
            "offers": offers,
            "locations": actor.locations.all(),
            "jsonld": as_script(actor_jsonld(actor, request)),
        },
    )
