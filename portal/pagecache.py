"""The shared page cache: public pages for anonymous visitors, answered without rendering.

A crisis sends hundreds of people to the same few pages at once, and a rendered page costs tens
of milliseconds of CPU. A middleware early in the chain (after the security headers and the
static files, before sessions, authentication and the database) answers anonymous GETs of public
pages from Django's cache framework: Redis in production, shared by every server process, local
memory on the embedded default. Why a middleware of our own and not Django's
`UpdateCacheMiddleware`/`FetchFromCacheMiddleware` or `cache_page`: those key on the headers
named in Vary (Cookie, which every page gets from the session) and expire after a fixed time,
so they would either never hit or serve stale pages. Here:

- **Key**: language, scheme, host, path and the query string with its parameters sorted, and a
  fingerprint of the code, templates and catalogues (a deploy starts afresh). An entry holds
  status, headers and body, and the version of every kind of content it shows.
- **Who is served**: GET and HEAD without a session or a message cookie (a language cookie is
  fine: the language is in the key; an unprefixed German address is looked up only when the
  visitor would not be sent on to another language). What is stored: 200 answers of the views
  apps registered (`register_view`), which set no cookie, carry no `no-store`/`private`, show
  no personal data (`portal.security.shows_personal_data`) and vary on nothing but the language.
  Forms with a CSRF token set the CSRF cookie, so they are never stored.
- **Invalidation by kind**: every registered view names the kinds of content it shows (actors,
  events, pages, ...); Wagtail's pages name them per page type (a content page shows no actors).
  Each kind has a version token in the cache; an entry is served only while
  every token it was rendered under is still current. A save or delete of a registered model (or
  `changed()` from a service) replaces the tokens of its kinds when the transaction commits, so
  exactly the pages showing that kind miss on their next request, and the tokens are read before
  rendering, so a page rendered during a write never outlives it. Tokens are random, so an
  evicted token can never come back with an old entry still valid.
- **Time**: what a page shows of the clock ("open now", upcoming events, what ends today) changes
  at instants the page knows; it registers them with `expires_at(request, when)` and the entry
  lives until the earliest of them, at most until the next local midnight and `PAGE_CACHE_SECONDS`
  (which also bounds a token change lost while Redis was unreachable).
- **HTTP**: cached pages carry an ETag (ConditionalGetMiddleware answers 304 to it) and
  `Cache-Control: public, max-age=<PAGE_CACHE_BROWSER_SECONDS>, s-maxage=<seconds left>`, the
  latter at most PAGE_CACHE_PROXY_SECONDS: a reverse proxy that nobody purges shows a change
  that much later. Anonymous answers drop `Vary: Cookie`; the German addresses keep
  `Vary: Accept-Language`, which decides their redirect. Answers to a visitor with a session
  are marked private.

The kernel knows no app: apps register their models and views in `AppConfig.ready()`.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import os
import time
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.handlers.asgi import ASGIHandler, ASGIRequest
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import urlencode
from django.utils.module_loading import import_string
from django.utils.translation import get_language_from_path

from portal.middleware import NEVER_REDIRECTED, redirect_language
from portal.security import shows_personal_data

# Kinds every page shows: the menu and footer (pages), the footer's contact details (site), the
# crisis banner (crisis).
PAGES = "pages"
SITE = "site"
CRISIS = "crisis"

KEY_PREFIX = "pagecache"
# Addresses no registered view answers: not worth a cache read.
NEVER_LOOKED_UP = tuple(prefix for prefix in NEVER_REDIRECTED if prefix != "/jsi18n/")
# Headers of a stored answer that belong to the answer, not to the request that rendered it.
KEPT_HEADERS = frozenset(
    {
        "content-type",
        "content-language",
        "content-disposition",
        "link",
        "x-robots-tag",
        "x-frame-options",
    }
)

_view_kinds: dict[str, frozenset[str]] = {}
_view_expiry: dict[str, list[Callable[[HttpRequest], dt.datetime | None]]] = {}
_alone: set[str] = set()
_everywhere: set[str] = set()
_all_kinds: set[str] = set()
_model_kinds: dict[type[models.Model], Callable[[models.Model], Iterable[str]]] = {}


def register_everywhere(*kinds: str) -> None:
    """Kinds of content every cached page shows (navigation, banners, footer)."""
    _everywhere.update(kinds)
    _all_kinds.update(kinds)


def register_view(
    view_name: str,
    *kinds: str,
    expires: Callable[[HttpRequest], dt.datetime | None] | None = None,
    alone: bool = False,
) -> None:
    """Cache the anonymous answers of a view (`namespace:name`, as `resolver_match.view_name`),
    which show content of these kinds, and those every page shows unless it stands `alone` (a
    feed, a file); `expires` names the instant its output changes by the clock, asked when a
    page is stored. Wagtail's pages are told apart by type: `page:<app_label>.<model_name>`
    (lower case) names the kinds of one page type, "wagtail_serve" those of any other. Calls add
    up: an app whose content appears on another app's page adds its kinds to that view."""
    _view_kinds[view_name] = _view_kinds.get(view_name, frozenset()) | frozenset(kinds)
    _all_kinds.update(kinds)
    if expires is not None:
        _view_expiry.setdefault(view_name, []).append(expires)
    if alone:
        _alone.add(view_name)


def register_model(
    model: type[models.Model],
    *kinds: str,
    kinds_of: Callable[[models.Model], Iterable[str]] | None = None,
) -> None:
    """A save or delete of the model (or of any concrete subclass, e.g. every Wagtail page
    type) changes content of these kinds; `kinds_of` names them per object instead."""
    resolve = kinds_of or (lambda _instance: kinds)
    for candidate in apps.get_models():
        if issubclass(candidate, model):
            _model_kinds[candidate] = resolve
            uid = f"pagecache-{candidate._meta.label}"
            post_save.connect(_model_changed, sender=candidate, dispatch_uid=uid)
            post_delete.connect(_model_changed, sender=candidate, dispatch_uid=uid)
            for field in candidate._meta.local_many_to_many:
                through = field.remote_field.through
                m2m_changed.connect(_relation_changed, sender=through, dispatch_uid=uid)


def kinds_of_model(model: type[models.Model] | None, instance: Any = None) -> set[str]:
    """The kinds a model's objects show up as (for changes that point at an object, such as a
    translation of one of its fields)."""
    resolve = _model_kinds.get(model) if model is not None else None
    return set(resolve(instance)) if resolve is not None else set()


def _model_changed(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    changed(*kinds_of_model(sender, instance), using=kwargs.get("using"))


def _relation_changed(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if kwargs.get("action", "").startswith("post_"):
        changed(*kinds_of_model(type(instance), instance), using=kwargs.get("using"))


def changed(*kinds: str, using: str | None = None) -> None:
    """Content of these kinds changed: their pages miss once the transaction commits (at once
    outside a transaction). For writes that send no model signal (`QuerySet.update`)."""
    if kinds:
        transaction.on_commit(lambda: _bump(kinds), using=using)


def _bump(kinds: Iterable[str]) -> None:
    cache.set_many({_version_key(kind): uuid.uuid4().hex for kind in kinds}, timeout=None)


def expires_at(request: HttpRequest | None, when: dt.datetime | None) -> None:
    """What this page shows of the clock changes at `when`: its cached copy ends there."""
    if request is None or when is None:
        return
    current = getattr(request, "_pagecache_expires", None)
    if current is None or when < current:
        request._pagecache_expires = when


def _version_key(kind: str) -> str:
    return f"{KEY_PREFIX}:kind:{kind}"


@functools.cache
def _version_keys() -> tuple[str, ...]:
    """Every kind's token key (the registrations are complete once the apps are ready)."""
    return tuple(_version_key(kind) for kind in sorted(_all_kinds))


def _versions(kinds: Iterable[str]) -> dict[str, str]:
    """The current token of each kind, creating the ones the cache does not hold."""
    keys = {kind: _version_key(kind) for kind in kinds}
    found = cache.get_many(keys.values())
    for key in keys.values():
        if key not in found:
            token = uuid.uuid4().hex
            found[key] = token if cache.add(key, token, timeout=None) else cache.get(key, token)
    return {kind: found[key] for kind, key in keys.items()}


def current_versions() -> dict[str, str]:
    """Every registered kind's current token, in one cache read (portal.site_cache)."""
    return _versions(_all_kinds)


_PRIVATE_COOKIES = ("messages",)


def _is_anonymous(request: HttpRequest) -> bool:
    """No session and no pending messages: the visitor sees what every anonymous visitor sees."""
    return not any(
        name in request.COOKIES for name in (settings.SESSION_COOKIE_NAME, *_PRIVATE_COOKIES)
    )


def page_key(request: HttpRequest) -> str | None:
    """The entry this request may be answered from, or None when it must be rendered: who is
    served from the cache and under which key, for the middleware and the ASGI front alike."""
    if not settings.PAGE_CACHE or not _is_anonymous(request):
        return None
    return PageCacheMiddleware._key(request)


def _read_keys(key: str) -> list[str]:
    """One round trip: the entry and every kind's token."""
    return [key, *_version_keys()]


def _fresh(found: dict[str, Any], key: str) -> dict[str, Any] | None:
    """The entry read under `key` if its time has not run out and every token it was rendered
    under is still current."""
    entry = found.get(key)
    if (
        entry is not None
        and entry["ends"] > time.time()
        and all(found.get(_version_key(kind)) == token for kind, token in entry["versions"].items())
    ):
        return entry
    return None


class PageCacheMiddleware:
    """See the module's docstring."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        anonymous = _is_anonymous(request)
        key = page_key(request)
        if key is not None:
            request._pagecache_key = key if request.method == "GET" else None
            entry = _fresh(cache.get_many(_read_keys(key)), key)
            if entry is not None:
                request.pagecache_hit = True
                return self._replay(entry)
        response = self.get_response(request)
        if anonymous:
            if response.status_code < 300 or response.status_code >= 400:
                _drop_vary_cookie(response)
            if key is not None and request.method == "GET":
                self._store(request, response, key)
        else:
            patch_cache_control(response, private=True)
        return response

    def process_view(self, request: HttpRequest, view: Any, args: Any, kwargs: Any) -> None:
        """Reads the tokens of the view's kinds before it renders: a page stored under tokens
        read after its data could outlive a change committed in between."""
        match = request.resolver_match
        # Every kind's token: which of them a Wagtail page shows is known once it is found; one
        # read either way.
        if (
            match is not None
            and match.view_name in _view_kinds
            and getattr(request, "_pagecache_key", None)
        ):
            request._pagecache_versions = _versions(_all_kinds)

    @staticmethod
    def _key(request: HttpRequest) -> str | None:
        if request.method not in ("GET", "HEAD"):
            return None
        path = request.path_info
        if path.startswith(NEVER_LOOKED_UP):
            return None
        language = get_language_from_path(path)
        if language is None:
            if redirect_language(request):
                return None  # LanguageChoiceMiddleware sends this visitor elsewhere
            language = settings.LANGUAGE_CODE
        try:
            host = request.get_host()
        except DisallowedHost:
            return None
        query = urlencode(sorted(request.GET.lists()), doseq=True)
        raw = f"{_release()}|{language}|{request.scheme}|{host}|{path}|{query}"
        return f"{KEY_PREFIX}:page:{hashlib.sha256(raw.encode()).hexdigest()}"

    def _store(self, request: HttpRequest, response: HttpResponse, key: str) -> None:
        view = _view_of(request, response)
        if view is None or not _storable(request, response):
            return
        kinds = _view_kinds[view] | (frozenset() if view in _alone else _everywhere)
        for expiry in _view_expiry.get(view, ()):
            expires_at(request, expiry(request))
        ends = _end_of(request)
        seconds = int(ends - time.time())
        if seconds <= 0:
            return
        set_response_etag(response)
        patch_cache_control(
            response, public=True, s_maxage=min(settings.PAGE_CACHE_PROXY_SECONDS, seconds)
        )
        if "max-age" not in response["Cache-Control"].replace("s-maxage", ""):
            patch_cache_control(response, max_age=min(settings.PAGE_CACHE_BROWSER_SECONDS, seconds))
        entry = {
            "versions": {kind: request._pagecache_versions[kind] for kind in kinds},
            "ends": ends,
            "status": response.status_code,
            "headers": [
                (name, value)
                for name, value in response.items()
                if name.lower() in KEPT_HEADERS or name.lower() in ("etag", "cache-control", "vary")
            ],
            "content": response.content,
        }
        cache.set(key, entry, timeout=seconds)

    @staticmethod
    def _replay(entry: dict[str, Any]) -> HttpResponse:
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response["Content-Length"] = str(len(entry["content"]))
        remaining = int(entry["ends"] - time.time())
        patch_cache_control(
            response,
            max_age=remaining,
            s_maxage=min(settings.PAGE_CACHE_PROXY_SECONDS, remaining),
        )
        return response


def _view_of(request: HttpRequest, response: HttpResponse) -> str | None:
    """The registered name the answer was stored under: a Wagtail page's type if registered."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in _view_kinds:
        return None
    page = (getattr(response, "context_data", None) or {}).get("page")
    if match.view_name == "wagtail_serve" and hasattr(page, "_meta"):
        by_type = f"page:{page._meta.label_lower}"
        if by_type in _view_kinds:
            return by_type
    return match.view_name


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    if not hasattr(request, "_pagecache_versions"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("no-store", "private", "no-cache"))
        and vary <= {"accept-language"}
        and not shows_personal_data(request)
    )


def _end_of(request: HttpRequest) -> float:
    """The earliest instant the page's output can change by the clock alone."""
    now = timezone.localtime()
    midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), tzinfo=now.tzinfo)
    ends = min(midnight.timestamp(), time.time() + settings.PAGE_CACHE_SECONDS)
    when = getattr(request, "_pagecache_expires", None)
    return min(ends, when.timestamp()) if when is not None else ends


@functools.cache
def _release() -> str:
    """A fingerprint of what renders pages (code, templates, catalogues), so that entries of the
    previous deploy, or of the code before a development server reloaded, are never served."""
    newest, count = 0.0, 0
    skipped = {".venv", "node_modules", "media", "private", "static", ".git", "__pycache__"}
    for folder, subfolders, files in os.walk(settings.BASE_DIR):
        subfolders[:] = [name for name in subfolders if name not in skipped]
        for name in files:
            if name.endswith((".py", ".html", ".txt", ".mo")):
                count += 1
                newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime)
    return f"{newest:.6f}-{count}"


def _drop_vary_cookie(response: HttpResponse) -> None:
    vary = [part.strip() for part in response.get("Vary", "").split(",") if part.strip()]
    if any(part.lower() == "cookie" for part in vary):
        kept = [part for part in vary if part.lower() != "cookie"]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]


class _Rendered(Exception):
    """The page cache has no answer: the request goes on to Django."""


def _rendered(request: HttpRequest) -> HttpResponse:
    raise _Rendered


class PageCacheFront:
    """An ASGI layer in front of Django's handler that sends page-cache hits itself.

    Through Django's ASGI handler a hit cost about 6 ms of CPU against 0.3 ms for a hello-world
    app on the same server (docs/benchmarks.md): the request_started and request_finished
    signals, two hops to the one thread that runs sync middleware, a task listening for the
    disconnect, the body spooled into a file. Here a request without a body is built from the
    scope and passed, in the event loop, through the middleware that stands before the page cache
    in `settings.MIDDLEWARE` and the page cache itself, as instances of their own: one copy of the
    rules (who is anonymous, the key, the security headers, the ETag's 304). Only an answer the
    page cache gave is sent, by Django's own sender; a miss, a signed-in visitor or anything that
    fails goes to Django untouched, which decides it afresh.
    """

    def __init__(self, django_app: ASGIHandler) -> None:
        self.django_app = django_app
        names = settings.MIDDLEWARE
        handler: Callable[[HttpRequest], HttpResponse] = _rendered
        for name in reversed(names[: names.index(f"{__name__}.PageCacheMiddleware") + 1]):
            handler = import_string(name)(handler)
        self.answer = handler

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        # Only requests without a body come this way; the body is never read here.
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            response = self._hit(scope)
            if response is not None:
                await self.django_app.send_response(response, send)
                return
        await self.django_app(scope, receive, send)

    def _hit(self, scope: dict[str, Any]) -> HttpResponse | None:
        try:
            request = ASGIRequest(scope, io.BytesIO())
            response = self.answer(request)
        except Exception:  # a miss, or an error that Django then meets and reports itself
            return None
        return response if getattr(request, "pagecache_hit", False) else None
