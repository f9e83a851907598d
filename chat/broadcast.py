"""Frames on their way to sockets, through the channel layer, only once the data is committed.

A frame is the protocol's JSON object; the events carrying it name the consumer handler.
Sending after commit means no client ever sees a message that a rollback took back, and a
message a client sees is always in the history a later "resume" reads.
"""

from __future__ import annotations

import json
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction


def user_group(user_id: int) -> str:
    return f"chat.user.{user_id}"


def send_now(group: str, event: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(group, event)


def after_commit(group: str, event: dict[str, Any]) -> None:
    transaction.on_commit(lambda: send_now(group, event))


def frame_event(frame: dict[str, Any]) -> dict[str, Any]:
    """The layer event that hands a frame to every socket of a channel.

    Encoded once here rather than by each of the channel's consumers.
    """
    return {"type": "chat.frame", "text": json.dumps(frame)}
