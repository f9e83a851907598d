"""Opening chat sockets in tests through the whole ASGI stack: origin check, session, routing."""

from __future__ import annotations

from typing import Any

from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from portal.asgi import application

ORIGIN = "http://testserver"
TIMEOUT = 3


def session_cookie(user: Any) -> str:
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


async def open_socket(
    slug: str, user: Any = None, *, origin: str | None = ORIGIN
) -> WebsocketCommunicator:
    headers = []
    if origin is not None:
        headers.append((b"origin", origin.encode()))
    if user is not None:
        cookie = await sync_to_async(session_cookie)(user)
        headers.append((b"cookie", cookie.encode()))
    return WebsocketCommunicator(application, f"/ws/chat/{slug}/", headers=headers)


async def joined(slug: str, user: Any) -> WebsocketCommunicator:
    """A connected socket whose history and own presence frame have been read."""
    socket = await open_socket(slug, user)
    connected, _ = await socket.connect(timeout=TIMEOUT)
    assert connected
    await next_frame(socket, "presence")
    return socket


async def next_frame(socket: WebsocketCommunicator, *kinds: str) -> dict[str, Any]:
    """The next frame of these types, passing over others (presence, typing, history)."""
    while True:
        frame = await socket.receive_json_from(timeout=TIMEOUT)
        if frame["type"] in kinds:
            return frame


async def frames_until(socket: WebsocketCommunicator, kind: str) -> list[dict[str, Any]]:
    """Every frame up to and including the next one of a type (on connect: "presence")."""
    frames = [await socket.receive_json_from(timeout=TIMEOUT)]
    while frames[-1]["type"] != kind:
        frames.append(await socket.receive_json_from(timeout=TIMEOUT))
    return frames


async def frames_until_quiet(socket: WebsocketCommunicator, timeout: float = 0.3) -> list[dict]:
    """What arrives before a pause; only for asserting that nothing more comes."""
    frames = []
    while not await socket.receive_nothing(timeout=timeout):
        frames.append(await socket.receive_json_from(timeout=TIMEOUT))
    return frames


async def close_code(socket: WebsocketCommunicator) -> int:
    """The code the server closed with, after any frames sent before closing."""
    while True:
        output = await socket.receive_output(timeout=TIMEOUT)
        if output["type"] == "websocket.close":
            return output.get("code")
