from __future__ import annotations

import functools
from functools import partial

from django import template
from django.conf import settings
from django.http import HttpRequest, QueryDict
from django.urls import reverse, translate_url
from django.utils.http import urlencode
from django.utils.translation import get_language
from wagtail.models import Page

from portal import pagecache
from portal.localisation import content_language
from portal.site_cache import remembered

register = template.Library()


def _page_addresses(request: HttpRequest, page: Page) -> dict[str, str]:
    """The live copies of a Wagtail page by language, looked up once per request and page."""
    cached = getattr(request, "_page_addresses", None)
    if cached is None or cached[0] != page.pk:

        def addresses() -> dict[str, str]:
            copies = Page.objects.filter(translation_key=page.translation_key, live=True)
            found = {
                copy.locale.language_code: copy.get_url(request)
                for copy in copies.select_related("locale")
            }
            return {code: url for code, url in found.items() if url}

        # The same for every visitor of this page and host until a page changes.
        key = (page.translation_key, request.get_host(), request.scheme)
        cached = (page.pk, remembered(request, "page-addresses", key, [pagecache.PAGES], addresses))
        request._page_addresses = cached
    return cached[1]


@functools.lru_cache(maxsize=4096)
def _translated_path(path: str, language_code: str, active: str | None) -> str:
    """Django's translate_url resolves and reverses the path (about a millisecond); every page
    asks it for each of the seven languages twice (switcher and alternates), and the answer only
    depends on the path, the active language (which prefix resolves) and the URL configuration."""
    return translate_url(path, language_code)


@register.simple_tag(takes_context=True)
def translated_url(context: template.Context, language_code: str) -> str:
    """The current page in another interface language (keeps path and query).

    A Wagtail page is looked up by its translation, whose address may differ from the current
    one; every other address is the same route under the other language's prefix.
    """
    request = context["request"]
    page = context.get("page")
    match = getattr(request, "resolver_match", None)
    url = ""
    if isinstance(page, Page) and match is not None and match.url_name == "wagtail_serve":
        url = _page_addresses(request, page).get(language_code, "")
    if not url:
        url = _translated_path(request.path, language_code, get_language())
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


@register.simple_tag(takes_context=True)
def language_switch_url(context: template.Context, language_code: str) -> str:
    """A switcher link: remembers the choice, then opens the current page in that language."""
    choose = reverse("choose_language", args=[language_code])
    return f"{choose}?{urlencode({'next': translated_url(context, language_code)})}"


@register.simple_tag(takes_context=True)
def page_language(context: template.Context, page: Page) -> str:
    """The language a Wagtail page's text is in (an untranslated copy shows the German text);
    a query or two, the same for every page of a locale or alias source until a page changes."""
    return remembered(
        context.get("request"),
        "page-language",
        (page.locale_id, page.alias_of_id),
        [pagecache.PAGES],
        partial(content_language, page),
    )


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


@register.simple_tag(takes_context=True)
def language_alternates(context: template.Context) -> list[tuple[str, str]]:
    """(hreflang, absolute address) of the current page in every interface language, and the
    German address as `x-default`: it is the one that sends a first visitor to their language."""
    request = context.get("request")
    if request is None:
        return []
    addresses = [
        (code, request.build_absolute_uri(translated_url(context, code)))
        for code, _name in settings.LANGUAGES
    ]
    default = dict(addresses)[settings.LANGUAGE_CODE]
    return [*addresses, ("x-default", default)]
