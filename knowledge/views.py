"""The knowledge base's pages: /agency/knowledge/ for staff, /my/knowledge/ for members, and
the staff workspace's start at /agency/.

Every article is fetched through knowledge.permissions: anonymous visitors are sent to sign in,
what a person may not read is a 404.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from knowledge import services
from knowledge.forms import ArticleForm
from knowledge.models import KnowledgeArticlePage
from knowledge.permissions import (
    can_keep_unit,
    can_write_articles,
    get_article_for_user,
    get_editable_article_for_user,
    may_use_knowledge,
    readable_articles,
)
from network.permissions import is_agency_staff

View = Callable[..., HttpResponse]


def staff_only(view: View) -> View:
    """Staff pages: members are sent to their own list, other people find nothing here."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_agency_staff(request.user):
            if may_use_knowledge(request.user) and "slug" in kwargs:
                get_article_for_user(request.user, kwargs["slug"])
                return redirect("my_knowledge:article", slug=kwargs["slug"])
            if may_use_knowledge(request.user):
                return redirect("my_knowledge:index")
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def members_only(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not may_use_knowledge(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _found(request: HttpRequest) -> tuple[str, list[KnowledgeArticlePage], str]:
    query = request.GET.get("q", "")
    try:
        return query, services.search_articles(request.user, query), ""
    except services.InvalidQuery as exc:
        return query, [], str(exc)


def _listing(request: HttpRequest, *, area: str) -> HttpResponse:
    query, found, error = _found(request)
    articles = readable_articles(request.user).select_related("unit").order_by("title")
    return render(
        request,
        f"knowledge/{area}_index.html",
        {
            "query": " ".join(query.split()),
            "found": found,
            "error": error,
            "articles": [] if query.strip() else services.localize(articles),
            "area": area,
            "can_write": can_write_articles(request.user),
        },
        status=400 if error else 200,
    )


def _article(request: HttpRequest, slug: str, *, area: str) -> HttpResponse:
    article = get_article_for_user(request.user, slug)
    shown = article.localized
    context = {
        "article": article,
        "shown": shown,
        "attachments": article.attachments.select_related("document"),
        "area": area,
        "can_keep": area == "staff" and can_keep_unit(request.user, article.unit_id),
    }
    if area == "staff":
        context["revisions"] = article.revisions.select_related("user").order_by("-created_at")[:20]
    return render(request, f"knowledge/{area}_article.html", context)


def _suggest(request: HttpRequest, *, area: str) -> JsonResponse:
    try:
        articles = services.search_articles(
            request.user, request.GET.get("q", ""), limit=services.SUGGESTIONS
        )
    except services.InvalidQuery as exc:
        return JsonResponse({"errors": {"q": [str(exc)]}}, status=400)
    name = "knowledge:article" if area == "staff" else "my_knowledge:article"
    return JsonResponse(
        {
            "suggestions": [
                {"label": article.title, "url": reverse(name, kwargs={"slug": article.slug})}
                for article in articles
            ]
        }
    )


@staff_only
@require_safe
def workspace(request: HttpRequest) -> HttpResponse:
    """The staff's start: what changed lately in the knowledge base and what awaits review."""
    return render(
        request,
        "staff/workspace.html",
        {
            "recent": services.recently_changed(request.user),
            "stale": services.localize(services.stale_articles(request.user)[: services.RECENT]),
        },
    )


@staff_only
@require_safe
def staff_index(request: HttpRequest) -> HttpResponse:
    return _listing(request, area="staff")


@staff_only
@require_safe
def staff_article(request: HttpRequest, slug: str) -> HttpResponse:
    return _article(request, slug, area="staff")


@staff_only
@require_safe
def staff_suggest(request: HttpRequest) -> JsonResponse:
    return _suggest(request, area="staff")


@members_only
@require_safe
def member_index(request: HttpRequest) -> HttpResponse:
    return _listing(request, area="member")


@members_only
@require_safe
def member_article(request: HttpRequest, slug: str) -> HttpResponse:
    return _article(request, slug, area="member")


@members_only
@require_safe
def member_suggest(request: HttpRequest) -> JsonResponse:
    return _suggest(request, area="member")


def _article_input(form: ArticleForm) -> services.ArticleInput:
    data = form.cleaned_data
    return services.ArticleInput(
        title=data["title"],
        summary=data["summary"],
        body=data["body"],
        kind=data["kind"],
        audience=data["audience"],
        unit=data["unit"],
        categories=list(data["categories"]),
    )


@staff_only
@require_http_methods(["GET", "HEAD", "POST"])
def new_article(request: HttpRequest) -> HttpResponse:
    form = ArticleForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        article = services.write_article(data=_article_input(form), acting_user=request.user)
        messages.success(request, _("Der Artikel ist veröffentlicht."))
        return redirect("knowledge:article", slug=article.slug)
    return render(request, "knowledge/staff_form.html", {"form": form, "article": None})


@staff_only
@require_http_methods(["GET", "HEAD", "POST"])
def edit_article(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_editable_article_for_user(request.user, slug)
    initial = {
        "title": article.title,
        "summary": article.summary,
        "body": article.body,
        "kind": article.kind,
        "audience": article.audience,
        "unit": article.unit_id,
        "categories": list(article.categories.all()),
    }
    form = ArticleForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.change_article(slug=slug, data=_article_input(form), acting_user=request.user)
        messages.success(request, _("Die Änderung ist veröffentlicht."))
        return redirect("knowledge:article", slug=slug)
    return render(request, "knowledge/staff_form.html", {"form": form, "article": article})


@staff_only
@require_POST
def review_article(request: HttpRequest, slug: str) -> HttpResponse:
    services.mark_reviewed(slug=slug, acting_user=request.user)
    messages.success(request, _("Der Artikel ist als geprüft vermerkt."))
    return redirect("knowledge:article", slug=slug)
