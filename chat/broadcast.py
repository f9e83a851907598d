"""Frames on their way to sockets, through the channel layer, only once the data is committed.

A frame is the protocol's JSON object; the events carrying it name the consumer handler.
Sending after commit means no client ever sees a message that a rollback took back, and a
message a client sees is always in the history a later "resume" reads.

The layer (Redis) may be down while the database is not: a change is then saved all the same,
the failed delivery is logged and noted for whoever watches (the socket consumer tells its
client and closes, the client reconnects and resumes from the database). It never turns a
saved change into an error, and never keeps later after-commit work (mention mail) from running.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
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

_watch = threading.local()


class Delivery:
    """Whether every broadcast within a `watching()` block reached the layer."""

    def __init__(self) -> None:
        self.failed = 0

    @property
    def delivered(self) -> bool:
        return not self.failed


@contextmanager
def watching() -> Iterator[Delivery]:
    delivery = Delivery()
    outer = getattr(_watch, "delivery", None)
    _watch.delivery = delivery
    try:
        yield delivery
    finally:
        _watch.delivery = outer


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
        delivery = getattr(_watch, "delivery", None)
        if delivery is not None:
            delivery.failed += 1
        return False
    return True


def after_commit(group: str, event: dict[str, Any]) -> None:
    transaction.on_commit(lambda: send_now(group, event))


def frame_event(frame: dict[str, Any]) -> dict[str, Any]:
    """The layer event that hands a frame to every socket of a channel.

    Encoded once here rather than by each of the channel's consumers.
    """
    return {"type": "chat.frame", "text": json.dumps(frame)}
