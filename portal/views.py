"""Operational endpoints of the portal."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

CHANNEL_LAYER_TIMEOUT = 2.0


def check_database() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return False, f"{exc.__class__.__name__}"
    return True, connection.vendor


async def _round_trip() -> None:
    layer = get_channel_layer()
    channel = await layer.new_channel("healthz.")
    await layer.send(channel, {"type": "healthz.ping"})
    await layer.receive(channel)


def check_channel_layer() -> tuple[bool, str]:
    """Send a message to ourselves through the layer and wait for it (Redis or in-memory)."""
    layer = get_channel_layer()
    if layer is None:
        return False, "no channel layer configured"

    async def bounded() -> None:
        await asyncio.wait_for(_round_trip(), CHANNEL_LAYER_TIMEOUT)

    try:
        async_to_sync(bounded)()
    except Exception as exc:  # any failure of the layer means "not usable"
        return False, f"{exc.__class__.__name__}"
    return True, layer.__class__.__name__


@dataclass(frozen=True)
class Check:
    ok: bool
    detail: str
    # working, but not as configured: the portal serves, someone should look
    degraded: bool = False

    def as_json(self) -> dict[str, object]:
        body: dict[str, object] = {"ok": self.ok, "detail": self.detail}
        if self.degraded:
            body["degraded"] = True
        return body


# Checks the apps add (the search: its backend and fallback), by name, after the portal's own.
_checks: dict[str, Callable[[], Check]] = {}


def register_check(name: str, check: Callable[[], Check]) -> None:
    """Called from an app's AppConfig.ready()."""
    _checks[name] = check


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 with status "ok" or "degraded" (some part runs on its fallback, listed under
    "degraded"), 503 with status "unavailable" and the failing parts under "failing"."""
    checks = {
        "database": Check(*check_database()),
        "channel_layer": Check(*check_channel_layer()),
        **{name: check() for name, check in _checks.items()},
    }
    failing = [name for name, check in checks.items() if not check.ok]
    degraded = [name for name, check in checks.items() if check.degraded]
    status = "unavailable" if failing else "degraded" if degraded else "ok"
    body: dict[str, object] = {
        "status": status,
        "checks": {name: check.as_json() for name, check in checks.items()},
    }
    if failing:
        body["failing"] = failing
    if degraded:
        body["degraded"] = degraded
    return JsonResponse(body, status=503 if failing else 200)
