"""Response headers that keep injected markup inert, pages out of frames and personal data out
of caches.

Django 5.2 has no Content-Security-Policy of its own, so this middleware sends it, on every
response: pages, JSON, error pages and (because it sits outside WhiteNoise) static files. Public
and member pages get the strict policy: scripts only from our origin or with the per-request
nonce, no inline styles, nothing framed. Wagtail's admin still relies on inline scripts and
styles, so /admin/ gets a policy of its own that Wagtail works with; it is reachable only for
staff signed in to the portal.

Pages that show a person's data (the referral form and its confirmation, the agency inbox, the
member area, sign-in and account pages, the chat, the admin, and their JSON counterparts) are sent
with Cache-Control: no-store, so that neither a shared proxy nor the browser's history keeps them.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

NONCE = "{nonce}"
SOCKETS = "{sockets}"
TILES = "{tiles}"

STRICT_POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'", f"'nonce-{NONCE}'"),
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:", TILES),
    "connect-src": ("'self'", SOCKETS),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "frame-ancestors": ("'none'",),
    "form-action": ("'self'",),
}
# Wagtail's admin renders inline scripts (widgets, panels) and style attributes; a nonce would make
# browsers ignore 'unsafe-inline', so the admin has none. Its preview panel frames our own pages,
# and image uploads are previewed from blob: addresses.
ADMIN_POLICY: dict[str, tuple[str, ...]] = {
    **STRICT_POLICY,
    "script-src": ("'self'", "'unsafe-inline'"),
    "style-src": ("'self'", "'unsafe-inline'"),
    "img-src": ("'self'", "data:", "blob:"),
    "frame-ancestors": ("'self'",),
}
ADMIN_PREFIX = "/admin/"

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
REFERRER_POLICY = "same-origin"

# URL namespaces (language prefixes do not matter) whose pages show personal data.
PRIVATE_NAMESPACES = frozenset(
    {
        "referrals",
        "agency",
        "my",
        "my_referrals",
        "my_needs",
        "my_events",
        "accounts",
        "chat",
        "chat_api",
        "referrals_api",
    }
)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def content_security_policy(request: HttpRequest) -> str:
    """The policy for this request, with its nonce and the addresses of our WebSockets."""
    policy = ADMIN_POLICY if is_admin(request) else STRICT_POLICY
    sockets = " ".join(socket_sources(request))
    tiles = tile_source(getattr(settings, "MAP_TILE_URL", ""))
    return "; ".join(
        " ".join([directive, *sources])
        .format(nonce=request.csp_nonce, sockets=sockets, tiles=tiles)
        .strip()
        for directive, sources in policy.items()
    )


# scheme://host[:port] of a tile address template; a "{s}" subdomain (or any placeholder as the
# first label) becomes CSP's "*." wildcard.
_TILE_ORIGIN = re.compile(r"^(https?)://(?:\{[a-z]+\}\.)?([A-Za-z0-9.-]+(?::[0-9]+)?)(?:/|$)")


def tile_source(url: str) -> str:
    """The one host the maps' tiles (settings.MAP_TILE_URL) come from, as an img-src source;
    empty for tiles from our own origin or data: addresses, which img-src allows already."""
    match = _TILE_ORIGIN.match(url)
    if not match:
        return ""
    scheme, host = match.groups()
    wildcard = "*." if url.split("://", 1)[1].startswith("{") else ""
    return f"{scheme}://{wildcard}{host}"


def socket_sources(request: HttpRequest) -> list[str]:
    """ws:/wss: on our own host: not every browser counts them as 'self'."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return []
    return [f"wss://{host}"] if request.is_secure() else [f"ws://{host}", f"wss://{host}"]


def is_admin(request: HttpRequest) -> bool:
    return request.path_info.startswith(ADMIN_PREFIX)


def shows_personal_data(request: HttpRequest) -> bool:
    """Pages of a person's data, and anything answering a form that may carry it."""
    match = getattr(request, "resolver_match", None)
    namespaces = set(match.namespaces) if match else set()
    return (
        bool(namespaces & PRIVATE_NAMESPACES)
        or is_admin(request)
        or request.method not in SAFE_METHODS
    )


class SecurityHeadersMiddleware:
    """Content-Security-Policy with a fresh nonce, the other security headers, and no-store."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.csp_nonce = secrets.token_urlsafe(18)
        response = self.get_response(request)
        response["Content-Security-Policy"] = content_security_policy(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Referrer-Policy", REFERRER_POLICY)
        response.setdefault("X-Content-Type-Options", "nosniff")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if shows_personal_data(request):
            add_never_cache_headers(response)
            response["Pragma"] = "no-cache"
        return response


def csp_nonce(request: HttpRequest) -> dict[str, str]:
    """Template context processor: {{ csp_nonce }} for the few inline scripts that must remain."""
    return {"csp_nonce": getattr(request, "csp_nonce", "")}
