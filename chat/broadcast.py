"""Frames on their way to sockets, through the channel layer, only once the data is committed.

A frame is the protocol's JSON object; the events carrying it name the consumer handler.
Sending after commit means no client ever sees a message that a rollback took back, and a
message a client sees is always in the history a later "resume" reads.

The layer (Redis) may be down while the database is not: a change is then saved all the same,
the failed delivery is logged, and a socket whose own change it was tells its client and
closes (the client reconnects and resumes from the database). It never turns a
saved change into an error, and never keeps later after-commit work (mention mail) from running.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from redis.exceptions import RedisError

from chat import conf

logger = logging.getLogger(__name__)

# What a channel layer raises when its backend is unreachable or too slow (TimeoutError and
# ConnectionError are OSErrors).
LAYER_ERRORS: tuple[type[BaseException], ...] = (OSError, RedisError)

_held = threading.local()


Event = tuple[str, dict[str, Any]]  # a layer group and the event for it


@contextmanager
def held() -> Iterator[list[Event]]:
    """Keep the events committed within the block for the caller, who publishes them.

    A socket's own change is published from the event loop (`publish`) once its database work
    returns: sent from the sockets' one database thread, each message cost that thread a hop
    back to the loop and a wait on Redis, during which no other socket's frame was stored.
    """
    events: list[Event] = []
    outer = getattr(_held, "events", None)
    _held.events = events
    try:
        yield events
    finally:
        _held.events = outer


def user_group(user_id: int) -> str:
    return f"chat.user.{user_id}"


async def _group_send(layer: Any, group: str, event: dict[str, Any]) -> None:
    await asyncio.wait_for(layer.group_send(group, event), timeout=conf.layer_timeout())


def send_now(group: str, event: dict[str, Any]) -> bool:
    """Hand an event to the layer; False (logged) when the layer is unavailable."""
    layer = get_channel_layer()
    if layer is None:
        return True
    try:
        async_to_sync(_group_send)(layer, group, event)
    except LAYER_ERRORS as error:
        logger.warning("Chat broadcast not delivered, channel layer unavailable: %r", error)
        return False
    return True


# Publishes from the event loop go out one after the other in the order their commits returned,
# so that the ids of a channel cross the layer in order (one lock per event loop).
_publishing: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
    weakref.WeakKeyDictionary()
)


async def publish(events: list[Event]) -> bool:
    """Hand held events to the layer from the event loop; False (logged) when it is unavailable.

    Called right after the database work returns, without awaiting anything else first: the
    lock is then taken in commit order.
    """
    layer = get_channel_layer()
    if layer is None or not events:
        return True
    loop = asyncio.get_running_loop()
    lock = _publishing.get(loop) or _publishing.setdefault(loop, asyncio.Lock())
    try:
        async with lock, asyncio.timeout(conf.layer_timeout()):
            for group, event in events:
                await layer.group_send(group, event)
    except LAYER_ERRORS as error:
        logger.warning("Chat broadcast not delivered, channel layer unavailable: %r", error)
        return False
    return True


def _deliver(group: str, event: dict[str, Any]) -> None:
    events = getattr(_held, "events", None)
    if events is None:
        send_now(group, event)
    else:
        events.append((group, event))


def after_commit(group: str, event: dict[str, Any]) -> None:
    transaction.on_commit(lambda: _deliver(group, event))


def frame_event(frame: dict[str, Any]) -> dict[str, Any]:
    """The layer event that hands a frame to every socket of a channel.

    Encoded once here rather than by each of the channel's consumers.
    """
    return {"type": "chat.frame", "text": json.dumps(frame)}
