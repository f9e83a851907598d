"""Public pages of the needs board: thin views over needs.services."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from needs.filters import NeedFilter, Sort
from needs.forms import HelpForm
from needs.services import NeedClosed, find_needs, load_cards, load_public_need, offer_help
from network.models import Topic
from network.municipalities import named_municipalities
from portal import ratelimit
from portal.localisation import german_terms, named_languages
from portal.transactions import Busy, busy_form
from portal.translations import prefetch_translations, translate_facet_labels
from search.listing import InvalidFilter, facet_groups

PAGE_SIZE = 20
# Offers of help per client address (settings.RATE_LIMITS): enough for a family, too few for spam.
HELP_OFFERS = ratelimit.Limit("need-help")


@require_safe
def need_list(request: HttpRequest) -> HttpResponse:
    try:
        result = find_needs(request.GET, user=request.user)
    except InvalidFilter as invalid:
        filterset = NeedFilter(request.GET)
        filterset.is_valid()
        return render(
            request,
            "needs/need_list.html",
            {
                "filterset": filterset,
                "errors": invalid.errors,
                "page": None,
                "list_url": reverse("needs:list"),
            },
            status=400,
        )
    page = Paginator(result.ids, PAGE_SIZE).get_page(request.GET.get("page"))
    needs = load_cards(list(page.object_list))
    prefetch_translations(needs)
    result.facets = german_terms(
        translate_facet_labels(result.facets, {"topic": Topic}), ["municipality"]
    )
    result.facets["language"] = named_languages(result.facets.get("language", []))
    result.facets["municipality"] = named_municipalities(result.facets.get("municipality", []))
    value_lists, yes_no_groups = facet_groups(NeedFilter.FACETS, result)
    return render(
        request,
        "needs/need_list.html",
        {
            "result": result,
            "page": page,
            "list_url": reverse("needs:list"),
            "open_facet": "commitment",
            "needs": needs,
            "items": needs,
            "has_filters": any(request.GET.getlist(name) for name in NeedFilter.FILTERS),
            "facet_groups": [(group.name, group.label, group.values) for group in value_lists],
            "yes_no_groups": yes_no_groups,
            "sort_choices": Sort.CHOICES,
            "selected_facets": [name for name in NeedFilter.FILTERS if request.GET.getlist(name)],
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def need_detail(request: HttpRequest, pk: int) -> HttpResponse:
    need = load_public_need(request.user, pk)
    prefetch_translations([need, need.actor, *need.topics.all()])
    if request.method != "POST":
        return render(
            request, "needs/need_detail.html", {"need": need, "form": HelpForm(need=need)}
        )
    form = HelpForm(request.POST, need=need)
    try:
        HELP_OFFERS.check(request)
        if form.caught_in_trap:
            HELP_OFFERS.hit(request)
            return redirect("needs:thanks", pk=need.pk)
        if not form.is_valid():
            return render(request, "needs/need_detail.html", {"need": need, "form": form})
        HELP_OFFERS.hit(request)
    except ratelimit.RateLimited as limited:
        context = {"need": need, "form": form}
        return ratelimit.refuse_form(request, "needs/need_detail.html", context, form, limited)
    try:
        offer_help(
            need=need,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            phone=form.cleaned_data["phone"],
            message=form.cleaned_data["message"],
            languages=form.cleaned_data["languages"],
            acting_user=request.user,
        )
    except NeedClosed as closed:
        form.add_error(None, str(closed))
        return render(request, "needs/need_detail.html", {"need": need, "form": form}, status=409)
    except Busy as busy:
        context = {"need": need, "form": form}
        return busy_form(request, "needs/need_detail.html", context, form, busy)
    return redirect("needs:thanks", pk=need.pk)


@require_safe
def need_thanks(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "needs/need_thanks.html", {"need": load_public_need(request.user, pk)})
