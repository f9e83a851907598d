"""Fixed-window counters in the cache (Redis in production) against brute force, spam and scraping.

Every limit is declared once as a Limit: its scope, whom it counts (the client address, the
account or both) and a rate such as "5/10m" read from settings.RATE_LIMITS, so that a deployment
tunes it by environment without touching code. A window opens with the first counted event and
lasts the rate's period; its end is kept beside the counter so that every refusal can say
when to try again (Retry-After, and in words on the 429 page).

The client address is REMOTE_ADDR unless settings.TRUSTED_PROXY_COUNT says how many proxies of
ours append to X-Forwarded-For; anything a client writes there itself is never believed.

Guessing secrets (passwords, codes) is slowed down by a Backoff instead: after a few free
failures each further one doubles the wait before the next try, for that identity only, and a
success clears it. Whoever has not failed is never made to wait, so nobody can lock another
person out by failing in their name.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django import forms
from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext, ngettext
from rest_framework import exceptions as api_exceptions
from rest_framework import throttling
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

PERIODS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}
RATE_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])[a-z]*\s*$")
IDENTITIES = frozenset({"address", "account", "subject"})


def _key(scope: str, identity: str) -> str:
    digest = hashlib.sha256(identity.lower().encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


# The window's end is kept beside the counter as whole milliseconds since the epoch: Django's
# Redis serializer stores integers as they are, so the script below can compare and write it.
def _end_key(key: str) -> str:
    return f"{key}:end"


def _now_ms() -> int:
    return int(time.time() * 1000)


def _open(state: dict[str, Any], key: str) -> tuple[int, int | None]:
    """The counter and its window's end from one read of both, an ended window as none.

    The end is compared with the clock, not left to the cache's own expiry alone, so a window
    closes at the same moment on every cache backend (and under a test's travelling clock)."""
    end = state.get(_end_key(key))
    if end is not None and _now_ms() >= end:
        return 0, None
    return state.get(key, 0), end


def _read(key: str) -> tuple[int, int | None]:
    return _open(cache.get_many([key, _end_key(key)]), key)


def count(scope: str, identity: str) -> int:
    return _read(_key(scope, identity))[0]


def is_limited(scope: str, identity: str, *, limit: int) -> bool:
    return count(scope, identity) >= limit


# One round trip to Redis for a counted event: end an elapsed window, count, and open a new
# window with its end where the count is the first. Every counted chat frame and form post
# passes here, and three round trips (read the end, add, incr) were a third of a chat message's
# answer time on an idle server.
_HIT_SCRIPT = """
local ending = tonumber(redis.call('GET', KEYS[2]))
if ending and tonumber(ARGV[1]) >= ending then
  redis.call('DEL', KEYS[1], KEYS[2])
  ending = nil
end
local counted = redis.call('INCR', KEYS[1])
if counted == 1 or not ending then
  ending = tonumber(ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[2])
end
return {counted, ending}
"""
_scripts: dict[int, Any] = {}


def _backend() -> Any:
    return caches[DEFAULT_CACHE_ALIAS]


def _redis_hit(backend: Any, key: str, window: int) -> tuple[int, int]:
    now = _now_ms()
    keys = [backend.make_and_validate_key(key), backend.make_and_validate_key(_end_key(key))]

    def call() -> tuple[int, int]:
        client = backend._cache.get_client(keys[0], write=True)
        script = _scripts.get(id(client))
        if script is None:
            script = _scripts.setdefault(id(client), client.register_script(_HIT_SCRIPT))
        counted, ending = script(keys=keys, args=[now, window * 1000, now + window * 1000])
        return int(counted), int(ending)

    guarded = getattr(backend, "_guarded", None)
    if guarded is None:
        return call()
    # Redis unreachable: fail open as every other cache call does (portal/cache.py).
    return guarded(call, lambda: (1, now + window * 1000))


def _cache_hit(key: str, window: int) -> tuple[int, int]:
    """The same steps through the cache's own calls, for the local-memory cache."""
    state = cache.get_many([key, _end_key(key)])
    _counted, end = _open(state, key)
    if end is None:
        if state:
            cache.delete_many([key, _end_key(key)])
        end = _now_ms() + window * 1000
        if cache.add(key, 1, timeout=window):
            cache.set(_end_key(key), end, timeout=window)
            return 1, end
        end = cache.get(_end_key(key), end)
    try:
        return cache.incr(key), end
    except ValueError:  # expired between add and incr
        cache.set_many({key: 1, _end_key(key): end}, timeout=window)
        return 1, end


def _hit(key: str, window: int) -> tuple[int, int]:
    """Counts one event; returns the new count and its window's end (ms since the epoch)."""
    backend = _backend()
    if isinstance(backend, RedisCache):
        return _redis_hit(backend, key, window)
    return _cache_hit(key, window)


def _seconds_until(end: int | None, window: int) -> int:
    if end is None:
        return window
    return max(1, math.ceil((end - _now_ms()) / 1000))


def hit(scope: str, identity: str, *, window: int) -> int:
    """Count one more event in the window; returns the new count."""
    return _hit(_key(scope, identity), window)[0]


def retry_after(scope: str, identity: str, *, window: int) -> int:
    """Whole seconds until the identity's current window closes (at least one)."""
    return _seconds_until(_read(_key(scope, identity))[1], window)


def reset(scope: str, identity: str) -> None:
    key = _key(scope, identity)
    cache.delete_many([key, _end_key(key)])


def _is_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the entry our own trusted proxies added."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        # Each proxy appends the address it was called from; the client's own entries come first.
        if len(hops) >= proxies and _is_address(hops[-proxies]):
            return hops[-proxies]
    return remote or "unknown"


def address_identity(address: str) -> str:
    """IPv6 clients are counted per /64, the block one household or server usually holds."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


@dataclass(frozen=True)
class Rate:
    limit: int
    window: int


def parse_rate(text: str) -> Rate:
    """ "5/10m", "60/min", "120/m", "5/h", "30/60s": events per period."""
    match = RATE_PATTERN.match(text)
    if not match:
        raise ImproperlyConfigured(f"A rate looks like 60/m or 5/10m, not {text!r}")
    limit, multiple, unit = match.groups()
    return Rate(limit=int(limit), window=int(multiple or 1) * PERIODS[unit])


class RateLimited(Exception):
    """The limit of a scope is used up; retry_after says for how many more seconds."""

    def __init__(self, scope: str, retry_after: int) -> None:
        super().__init__(f"{scope}: retry after {retry_after}s")
        self.scope = scope
        self.retry_after = retry_after


class Limit:
    """One declared limit. by: "address" counts per client address, "account" per signed-in
    account (anonymous visitors then by address), "subject" per what the request is about (an
    e-mail address typed into a form, passed as `subject=`); several count each separately."""

    def __init__(
        self,
        scope: str,
        *,
        by: Sequence[str] = ("address",),
        rate: Callable[[], Rate] | None = None,
    ) -> None:
        if not by or set(by) - IDENTITIES:
            raise ValueError(f"by must name some of {sorted(IDENTITIES)}, not {by!r}")
        self.scope = scope
        self.by = tuple(by)
        self._rate = rate

    def rate(self) -> Rate:
        if self._rate is not None:
            return self._rate()
        return parse_rate(settings.RATE_LIMITS[self.scope])

    def _identities(
        self, request: HttpRequest | None, user: Any, subject: str | None = None
    ) -> list[str]:
        account = user if user is not None else getattr(request, "user", None)
        identities = []
        if "account" in self.by and account is not None and account.is_authenticated:
            identities.append(f"account:{account.pk}")
        if "subject" in self.by and subject:
            identities.append(f"subject:{subject.strip()}")
        if request is not None and ("address" in self.by or not identities):
            identities.append(f"address:{address_identity(client_address(request))}")
        return identities

    def check(
        self, request: HttpRequest | None = None, *, user: Any = None, subject: str | None = None
    ) -> None:
        """Raises RateLimited when the limit is used up, without counting this request."""
        rate = self.rate()
        keys = [_key(self.scope, identity) for identity in self._identities(request, user, subject)]
        state = cache.get_many([name for key in keys for name in (key, _end_key(key))])
        waits = [
            _seconds_until(end, rate.window)
            for counted, end in (_open(state, key) for key in keys)
            if counted >= rate.limit
        ]
        if waits:
            raise RateLimited(self.scope, max(waits))

    def hit(
        self, request: HttpRequest | None = None, *, user: Any = None, subject: str | None = None
    ) -> None:
        """Counts this request; raises RateLimited when it goes over the limit."""
        rate = self.rate()
        waits = [
            _seconds_until(end, rate.window)
            for counted, end in (
                _hit(_key(self.scope, identity), rate.window)
                for identity in self._identities(request, user, subject)
            )
            if counted > rate.limit
        ]
        if waits:
            raise RateLimited(self.scope, max(waits))


class Backoff:
    """Failures that slow down only whoever fails: the address, and the address with the name.

    Each identity fails `free` times without waiting; the `free`-th failure makes it wait
    `first` seconds before its next try, each further one twice as long, up to `longest`. While
    it waits it is refused without the secret being checked; a success clears what it built up.
    Failures are forgotten after `forget` seconds without one. Nothing here counts per name
    alone: the right password from an address that has not failed is always checked.
    """

    def __init__(self, scope: str, *, free: int, first: int, longest: int, forget: int) -> None:
        self.scope = scope
        self.free = free
        self.first = first
        self.longest = longest
        self.forget = forget

    def _state_key(self, identity: str) -> str:
        return f"{_key(self.scope, identity)}:backoff"

    def wait(self, identity: str) -> int:
        """Whole seconds this identity must still wait before its next try (0: try now)."""
        state = cache.get(self._state_key(identity))
        if not state:
            return 0
        return max(0, math.ceil(state["next_try"] - time.time()))

    def failures(self, identity: str) -> int:
        state = cache.get(self._state_key(identity))
        return state["failures"] if state else 0

    def fail(self, identity: str) -> int:
        """Counts a failure; returns the wait it sets before the next try (0 while free)."""
        failures = self.failures(identity) + 1
        over = failures - self.free
        delay = 0 if over < 0 else min(self.longest, self.first * 2**over)
        cache.set(
            self._state_key(identity),
            {"failures": failures, "next_try": time.time() + delay},
            timeout=self.forget + delay,
        )
        return delay

    def succeed(self, identity: str) -> None:
        cache.delete(self._state_key(identity))


def retry_message(seconds: int) -> str:
    """When to try again, in words: whole minutes below an hour, else about so many hours."""
    minutes = max(1, math.ceil(seconds / 60))
    if minutes < 60:
        return ngettext(
            "Bitte versuchen Sie es in %(minutes)s Minute noch einmal.",
            "Bitte versuchen Sie es in %(minutes)s Minuten noch einmal.",
            minutes,
        ) % {"minutes": minutes}
    hours = max(1, round(minutes / 60))
    return ngettext(
        "Bitte versuchen Sie es in %(hours)s Stunde noch einmal.",
        "Bitte versuchen Sie es in %(hours)s Stunden noch einmal.",
        hours,
    ) % {"hours": hours}


def refusal_message(seconds: int) -> str:
    """The whole refusal in one line, for form errors and JSON answers."""
    return " ".join((gettext("Zu viele Anfragen."), refusal_reason(), retry_message(seconds)))


def refusal_reason() -> str:
    return gettext(
        "Von Ihrem Anschluss kamen in kurzer Zeit sehr viele Anfragen. Zum Schutz vor "
        "Missbrauch nehmen wir gerade keine weiteren an."
    )


def _with_retry_after(response: HttpResponse, limited: RateLimited) -> HttpResponse:
    response.status_code = 429
    response["Retry-After"] = str(limited.retry_after)
    return response


def _wants_json(request: HttpRequest) -> bool:
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        return True
    accept = request.headers.get("accept", "")
    return "json" in accept and "html" not in accept


def too_many_requests(
    request: HttpRequest, limited: RateLimited, *, as_json: bool = False
) -> HttpResponse:
    """The 429 answer: JSON for scripts, otherwise a page in the visitor's language."""
    if as_json or _wants_json(request):
        response: HttpResponse = JsonResponse(
            {
                "code": "rate_limited",
                "detail": refusal_message(limited.retry_after),
                "retry_after": limited.retry_after,
            }
        )
    else:
        context = {
            "retry_message": retry_message(limited.retry_after),
            "again_url": request.get_full_path() if request.method in ("GET", "HEAD") else "",
        }
        response = render(request, "429.html", context)
    return _with_retry_after(response, limited)


def refuse_form(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    form: forms.Form,
    limited: RateLimited,
) -> HttpResponse:
    """The form again with what was typed and the refusal as its error, so nothing is lost."""
    form.add_error(None, forms.ValidationError(refusal_message(limited.retry_after)))
    return _with_retry_after(render(request, template, context), limited)


def rate_limit(
    limit: Limit, *, methods: Sequence[str] = ("POST",), as_json: bool = False
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Counts every request of these methods against the limit; over it the view is not run."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def limited_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method in methods:
                try:
                    limit.hit(request)
                except RateLimited as limited:
                    return too_many_requests(request, limited, as_json=as_json)
            return view(request, *args, **kwargs)

        return limited_view

    return decorator


class _SameAddress:
    """DRF's throttles keyed by the address derived as above, with rates such as "120/m"."""

    scope: str

    def get_ident(self, request: HttpRequest) -> str:
        return address_identity(client_address(request))

    def get_rate(self) -> str | None:
        """Read when the throttle is made, not at import, so a changed setting applies."""
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def parse_rate(self, rate: str | None) -> tuple[int | None, int | None]:
        if rate is None:
            return None, None
        parsed = parse_rate(rate)
        return parsed.limit, parsed.window


class AnonymousRateThrottle(_SameAddress, throttling.AnonRateThrottle):
    """REST_FRAMEWORK's "anon" rate, per client address."""


class AccountRateThrottle(_SameAddress, throttling.UserRateThrottle):
    """REST_FRAMEWORK's "user" rate, per signed-in account."""


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's answers, except that a throttled request gets the portal's reason and code."""
    response = exception_handler(exc, context)
    if response is not None and isinstance(exc, api_exceptions.Throttled):
        wait = int(exc.wait or 1)
        response.data = {
            "code": "rate_limited",
            "detail": refusal_message(wait),
            "retry_after": wait,
        }
        response["Retry-After"] = str(wait)
    return response
