"""The bare floors the load benchmarks compare against, served by the same servers.

`hello` answers every HTTP request with a fixed page and no framework; `echo` accepts every
WebSocket and sends each text frame back to all sockets open on the same path in this process
(to the sender too), which is a raw echo for one socket and a raw fan-out for a room.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

BODY = b"<!doctype html><title>Hallo</title><p>Hallo, Welt.</p>"
HEADERS = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", b"%d" % len(BODY))]


async def hello(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})


ROOMS: dict[str, set[Any]] = defaultdict(set)


async def echo(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] == "http":
        await hello(scope, receive, send)
        return
    if scope["type"] != "websocket":
        return
    room = ROOMS[scope["path"]]
    while True:
        event = await receive()
        if event["type"] == "websocket.connect":
            await send({"type": "websocket.accept"})
            room.add(send)
        elif event["type"] == "websocket.receive" and event.get("text") is not None:
            for member in list(room):
                try:
                    await member({"type": "websocket.send", "text": event["text"]})
                except Exception:  # a member that left while the frame went out
                    room.discard(member)
        elif event["type"] == "websocket.disconnect":
            room.discard(send)
            return
