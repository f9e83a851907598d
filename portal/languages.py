"""Which interface language a visitor gets, and how the choice is remembered.

German pages have no URL prefix, every other language has its own (/en/, /ar/, ...). A choice
made in the language switcher is kept in Django's language cookie for a year, so that a link to
a German address (shared, bookmarked, printed on a flyer) opens in the language the visitor chose.
Without a choice, the browser's Accept-Language decides once, on the first German address visited.
"""

from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# The explicit choice outlives the session: that is the point of remembering it.
REMEMBER_CHOICE_FOR = timedelta(days=365)

# Machines reading the portal get the address they asked for: search engines must index every
# language under its own address, and link previews show what was linked.
BOT_USER_AGENT = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|"
    r"curl|wget|python-|httpclient|java/|go-http|monitor|uptime|lighthouse",
    re.IGNORECASE,
)


def interface_languages() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def chosen_language(request: HttpRequest) -> str | None:
    """The language the visitor picked in the switcher, if any (and still offered)."""
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return code if code in interface_languages() else None


def preferred_language(request: HttpRequest) -> str | None:
    """The first offered language in the browser's Accept-Language, in the visitor's order."""
    header = request.headers.get("Accept-Language", "")
    for accepted, _quality in parse_accept_lang_header(header):
        if accepted == "*":
            return None
        try:
            return translation.get_supported_language_variant(accepted)
        except LookupError:
            continue
    return None


def is_machine(request: HttpRequest) -> bool:
    """Crawlers, link previews and scripts that name themselves."""
    return bool(BOT_USER_AGENT.search(request.headers.get("User-Agent", "")))


def in_language(path_with_query: str, language: str) -> str:
    """A German (unprefixed) address in another interface language, query string kept."""
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(path_with_query, language)


def remember_language(response: HttpResponse, language: str, *, secure: bool) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE or int(REMEMBER_CHOICE_FOR.total_seconds()),
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE or secure,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",
    )


@never_cache
@require_GET
def choose_language(request: HttpRequest, language: str) -> HttpResponse:
    """The target of the switcher's links: remember the choice, then show the page in it.

    A plain link (no form, no script) so that the switcher works everywhere; the cookie only
    holds a preference, so a forged link can do no more than change the interface language.
    """
    if language not in interface_languages():
        return HttpResponse(
            "Unknown language.", status=404, content_type="text/plain; charset=utf-8"
        )
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        with translation.override(language):
            target = reverse("wagtail_serve", args=[""])
    response = HttpResponseRedirect(target)
    remember_language(response, language, secure=request.is_secure())
    return response
