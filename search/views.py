"""The search page and its suggestions: parse the request, ask search.services, render."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from network.models import Topic
from network.municipalities import named_municipalities
from portal import ratelimit
from portal.localisation import german_terms, named_languages
from portal.translations import translate_facet_labels
from search import services

FACET_LABELS = {
    "kind": _("Art des Treffers"),
    "topic": _("Thema"),
    "municipality": _("Gemeinde"),
    "language": _("Sprache"),
}
# Per client address (settings.RATE_LIMITS): a person types and reads, a scraper does not stop.
SEARCHES = ratelimit.Limit("search")
SUGGESTIONS = ratelimit.Limit("suggest")


@require_safe
@ratelimit.rate_limit(SEARCHES, methods=("GET", "HEAD"))
def results(request: HttpRequest) -> HttpResponse:
    try:
        result = services.search_everything(request.GET, request.user)
    except services.InvalidQuery as exc:
        context = {"result": services.SearchResult(query=""), "errors": exc.errors}
        return render(request, "search/results.html", context, status=400)
    facets = translate_facet_labels(result.facets, {"topic": Topic})
    facets["language"] = named_languages(facets.get("language", []))
    facets["municipality"] = named_municipalities(facets.get("municipality", []))
    facets = german_terms(facets, ["municipality"])
    groups = [(name, FACET_LABELS[name], facets[name]) for name in result.facets]
    selected = {name for name, _label, values in groups if any(v.selected for v in values)}
    context = {"result": result, "facet_groups": groups, "selected_facets": selected}
    return render(request, "search/results.html", context)


@require_safe
@ratelimit.rate_limit(SUGGESTIONS, methods=("GET", "HEAD"), as_json=True)
def suggest(request: HttpRequest) -> JsonResponse:
    """{"query": str, "suggestions": [{"label", "kind", "url"}]}; 400 with "errors" for bad q.

    Over the limit: 429 with "code", "detail" and "retry_after", as the API answers.
    """
    try:
        query, suggestions = services.suggest(request.GET, request.user)
    except services.InvalidQuery as exc:
        return JsonResponse({"errors": exc.errors}, status=400)
    return JsonResponse(
        {"query": query, "suggestions": [suggestion.as_json() for suggestion in suggestions]}
    )
