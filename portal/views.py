"""Operational endpoints of the portal."""

from __future__ import annotations

import asyncio

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from search.backends import get_search_backend

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


def check_search() -> tuple[bool, str]:
    backend = get_search_backend()
    ok, detail = backend.health()
    return ok, f"{backend.name}: {detail}"


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {
        "database": check_database(),
        "channel_layer": check_channel_layer(),
        "search": check_search(),
    }
    healthy = all(ok for ok, _detail in checks.values())
    body = {
        "status": "ok" if healthy else "unavailable",
        "checks": {name: {"ok": ok, "detail": detail} for name, (ok, detail) in checks.items()},
    }
    if not healthy:
        body["failing"] = [name for name, (ok, _detail) in checks.items() if not ok]
    return JsonResponse(body, status=200 if healthy else 503)
