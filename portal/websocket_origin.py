"""The Origin check of every WebSocket handshake, against cross-site WebSocket hijacking.

A socket is signed in by the session cookie, which a browser sends along whichever page opens
the socket; only the Origin header tells our pages from someone else's. So the handshake needs
an Origin naming a host of ALLOWED_HOSTS (any scheme and port, as Django's host check) or one
of CSRF_TRUSTED_ORIGINS (scheme, host and port, "*." for subdomains). Refused:

* no Origin at all: browsers always send one, so its absence is a script; scripts and other
  programs that speak the protocol send the portal's own address like a browser would;
* "null" (sandboxed frames, file: pages, some redirects): it names no site to trust;
* with "*" in ALLOWED_HOSTS, any origin other than the address the socket was opened at,
  since "*" says which hosts serve the portal, not which sites may use a member's session.

channels' AllowedHostsOriginValidator would admit every origin, "null" included, once
ALLOWED_HOSTS holds "*", and ignores CSRF_TRUSTED_ORIGINS; hence this one. A refusal closes
the handshake before it is accepted, which the server answers with HTTP 403.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from channels.security.websocket import WebsocketDenier
from django.conf import settings
from django.http.request import split_domain_port, validate_host
from django.utils.http import is_same_domain

ASGIApp = Any


def _header(scope: dict[str, Any], name: bytes) -> list[str]:
    return [value.decode("latin1") for key, value in scope.get("headers", []) if key == name]


def _allowed_hosts() -> list[str]:
    hosts = list(settings.ALLOWED_HOSTS)
    if settings.DEBUG and not hosts:
        hosts = [".localhost", "127.0.0.1", "[::1]"]
    return hosts


def _trusted(origin: str, scheme: str, netloc: str) -> bool:
    for trusted in settings.CSRF_TRUSTED_ORIGINS:
        if "*" not in trusted:
            if trusted.lower() == origin:
                return True
            continue
        parts = urlsplit(trusted.lower())
        if parts.scheme == scheme and is_same_domain(netloc, parts.netloc.replace("*", "", 1)):
            return True
    return False


def origin_allowed(origin: str | None, host: str | None) -> bool:
    """Whether a handshake with this Origin (and Host) header may go on."""
    if not origin or origin.strip().lower() == "null":
        return False
    origin = origin.strip().lower()
    try:
        parts = urlsplit(origin)
        hostname, netloc = parts.hostname, parts.netloc
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        return False
    if parts.scheme not in {"http", "https"} or not hostname or parts.path not in {"", "/"}:
        return False
    if _trusted(origin, parts.scheme, netloc):
        return True
    hosts = _allowed_hosts()
    if "*" in hosts and host is not None and host.strip().lower() == netloc:
        return True
    domain, _port = split_domain_port(netloc)
    return bool(domain) and validate_host(domain, [name for name in hosts if name != "*"])


class OriginValidator:
    """ASGI middleware: WebSocket handshakes with a foreign or missing Origin are refused."""

    def __init__(self, application: ASGIApp) -> None:
        self.application = application

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        if scope["type"] != "websocket":
            return await self.application(scope, receive, send)
        origins = _header(scope, b"origin")
        hosts = _header(scope, b"host")
        origin = origins[0] if len(origins) == 1 else None
        if origin_allowed(origin, hosts[0] if len(hosts) == 1 else None):
            return await self.application(scope, receive, send)
        return await WebsocketDenier()(scope, receive, send)
