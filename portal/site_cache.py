"""The site's own content in the shared page cache (portal/pagecache.py): Wagtail's pages (the
menu and footer are on every page), the footer's site settings, and translations, which change
whatever the translated object is shown as.

It also keeps, per process, what every page shows and what rarely changes (the menu, the footer's
links, a page's copies in other languages, ...): `remembered()` holds a value under the version
tokens of the kinds it shows, so a change of one of them (a page published, a translation saved)
renews it on the next request in every process, exactly as it renews the cached pages. Tokens
are read once per request, before anything is computed from the database, so a value computed
while a change commits is stored under the old token and never outlives the change. It is on
where the page cache is (settings.PAGE_CACHE, off in the tests, whose changes never commit) unless
settings.SITE_CACHE says otherwise. A signed-in member's page, which the page cache never serves,
still gets these parts from memory.
"""

from __future__ import annotations

import copy
import datetime as dt
import threading
from collections.abc import Callable, Hashable, Iterable
from functools import partial
from typing import TypeVar

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.utils import timezone

from portal import pagecache

T = TypeVar("T")

# At most this many values per process (menus per site and language, pages' copies, ...); when
# full, all are dropped and computed again: cheaper than an LRU for a handful of pages' worth.
MAX_ENTRIES = 2000

_memo: dict[tuple[str, Hashable], tuple[tuple[str, ...], object, dt.datetime | None]] = {}
_lock = threading.Lock()


def enabled() -> bool:
    chosen = getattr(settings, "SITE_CACHE", None)
    return settings.PAGE_CACHE if chosen is None else bool(chosen)


def _tokens(request: HttpRequest | None, kinds: Iterable[str]) -> tuple[str, ...]:
    """The kinds' version tokens as read at the start of this request (one cache read each
    request: the page cache's own read in process_view when it did one), or now, without one."""
    if request is None:
        versions = pagecache.current_versions()
        return tuple(versions.get(kind, "") for kind in kinds)
    versions = getattr(request, "_pagecache_versions", None)
    if versions is None:
        versions = getattr(request, "_site_cache_versions", None)
        if versions is None:
            versions = pagecache.current_versions()
            request._site_cache_versions = versions
    return tuple(versions.get(kind, "") for kind in kinds)


def remembered(
    request: HttpRequest | None,
    name: str,
    key: Hashable,
    kinds: Iterable[str],
    compute: Callable[[], T],
    *,
    until: Callable[[T], dt.datetime | None] | None = None,
) -> T:
    """`compute()`, or its value from this process's memory while the kinds it shows are
    unchanged (and, with `until`, before the instant its value says it reads differently).
    Without a request the tokens are read on each call, before computing."""
    if not enabled():
        return compute()
    kinds = tuple(kinds)
    tokens = _tokens(request, kinds)
    found = _memo.get((name, key))
    if found is not None and found[0] == tokens and (found[2] is None or found[2] > timezone.now()):
        return found[1]  # type: ignore[return-value]
    value = compute()
    with _lock:
        if len(_memo) >= MAX_ENTRIES:
            _memo.clear()
        _memo[(name, key)] = (tokens, value, until(value) if until is not None else None)
    return value


def forget() -> None:
    """Drop every remembered value (tests, or a process that wants a clean start)."""
    with _lock:
        _memo.clear()


def _kinds_of_translation(translation: models.Model) -> set[str]:
    return pagecache.kinds_of_model(translation.content_type.model_class(), translation)


def register() -> None:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Site

    from portal.models import ContentTranslation, SiteSettings

    pagecache.register_everywhere(pagecache.PAGES, pagecache.SITE, pagecache.CRISIS)
    for model in (Page, Site, get_image_model(), get_document_model()):
        pagecache.register_model(model, pagecache.PAGES)
    pagecache.register_model(SiteSettings, pagecache.SITE)
    pagecache.register_model(ContentTranslation, kinds_of=_kinds_of_translation)
    for view in ("wagtail_serve", "page:portal.homepage", "page:portal.contentpage"):
        pagecache.register_view(view, pagecache.PAGES)
    pagecache.register_view("javascript-catalog", alone=True)


def _site_for(request: HttpRequest):
    from wagtail.models import Site

    return Site._find_for_request(request)


class SiteMiddleware:
    """Wagtail looks the site up per request (`Site.find_for_request`, a query with a CASE over
    every site); it changes only when a site or page does, so each process keeps it per host and
    port (kind `pages`) and hands it to Wagtail on the request, where Wagtail looks first."""

    def __init__(self, get_response: Callable[[HttpRequest], object]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if enabled() and not hasattr(request, "_wagtail_site"):
            key = (request._get_raw_host(), request.get_port())
            site = remembered(request, "site", key, [pagecache.PAGES], partial(_site_for, request))
            request._wagtail_site = site
            if site is not None:
                _site_settings(request, site)
        return self.get_response(request)


def _site_settings(request: HttpRequest, site) -> None:
    """The footer's SiteSettings (Wagtail's `settings` context processor reads them through
    `for_request`, which looks on the request first), kept until they or a page change; each
    request gets its own copy, as Wagtail notes the request on it."""
    from portal.models import SiteSettings

    shared = remembered(
        request,
        "site-settings",
        site.pk,
        [pagecache.SITE, pagecache.PAGES],
        partial(SiteSettings.for_site, site),
    )
    own = copy.copy(shared)
    own._request = request
    setattr(request, SiteSettings.get_cache_attr_name(), own)
