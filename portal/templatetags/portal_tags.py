from __future__ import annotations

from django import template
from django.http import QueryDict
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_url(context: template.Context, language_code: str) -> str:
    """The current page in another interface language (keeps path and query)."""
    request = context["request"]
    url = translate_url(request.path, language_code)
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: object) -> str:
    """The current query string with some parameters replaced (for page and sort links)."""
    query: QueryDict = context["request"].GET.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value not in (None, ""):
            query[name] = str(value)
    return query.urlencode()


@register.simple_tag(takes_context=True)
def query_without(context: template.Context, name: str, value: str = "") -> str:
    """The current query string without one filter value (or the whole filter), and no page."""
    query: QueryDict = context["request"].GET.copy()
    query.pop("page", None)
    if value:
        remaining = [item for item in query.getlist(name) if item != value]
        query.setlist(name, remaining)
    else:
        query.pop(name, None)
    return query.urlencode()
