"""Sends a visitor from a German address to the same page in their language.

Runs after Django's LocaleMiddleware. Only unprefixed (German) addresses of pages are concerned:
an address with a language prefix was asked for explicitly and is served as it is. The remembered
choice (language cookie) wins; without one, Accept-Language picks the language of the first visit.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_path

from portal.languages import chosen_language, in_language, is_machine, preferred_language

# Machine interfaces, files and the admin keep one address whatever the visitor's language.
NEVER_REDIRECTED = (
    "/api/",
    "/admin/",
    "/static/",
    "/media/",
    "/documents/",
    "/healthz",
    "/ws/",
    "/i18n/",
    "/language/",
    "/jsi18n/",
)
# Feeds and files under page addresses (calendar subscriptions, sitemaps) are not pages.
FILE_SUFFIXES = (".ics", ".xml", ".txt", ".json", ".csv", ".pdf")


class LanguageChoiceMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _concerns(request):
            return self.get_response(request)
        language = redirect_language(request)
        if language:
            target = in_language(request.get_full_path(), language)
            if target != request.get_full_path():
                # The redirect depends on the language cookie: it varies on it, and is not
                # cacheable anyway (a 302 without freshness).
                response: HttpResponse = HttpResponseRedirect(target)
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
                return response
        response = self.get_response(request)
        # The German page itself is the same for everyone it is shown to: a shared cache keys
        # it on Accept-Language; the page cache drops Cookie for anonymous visitors
        # (portal/pagecache.py), whose requests with a language cookie a proxy passes on.
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response


def redirect_language(request: HttpRequest) -> str | None:
    """The language this request for a German page is sent on to, if any (the page cache asks
    too, so that it answers only those who stay)."""
    if not _concerns(request):
        return None
    language = chosen_language(request) or preferred_language(request)
    if language and language != settings.LANGUAGE_CODE and not is_machine(request):
        return language
    return None


def _concerns(request: HttpRequest) -> bool:
    """A browser asking to read a German page."""
    path = request.path_info
    return (
        request.method == "GET"
        and get_language_from_path(path) is None
        and not path.startswith(NEVER_REDIRECTED)
        and not path.endswith(FILE_SUFFIXES)
    )
