"""The protocol's server-to-client JSON objects, built in one place for sockets and the API."""

from __future__ import annotations

from typing import Any

from chat.models import Channel, Message
from portal.names import without_invisible


def display_name(user: Any) -> str:
    """How others see a person; names saved before controls were refused lose them here."""
    if user is None:
        return ""
    return without_invisible(user.get_full_name()) or user.get_username()


def message_frame(message: Message, channel: Channel) -> dict[str, Any]:
    """A message as sent over the socket; removed messages keep their place, not their text."""
    removed = message.is_removed
    mentioned = list(message.mentions.all())
    return {
        "type": "message",
        "id": message.seq,
        "channel": channel.slug,
        "author": message.author.get_username() if message.author else None,
        "author_name": display_name(message.author),
        "body": "" if removed else message.body,
        "body_html": "" if removed else message.body_html,
        "sent_at": message.sent_at.isoformat(),
        "client_id": message.client_id or None,
        "edited_at": message.edited_at.isoformat() if message.edited_at else None,
        "removed": removed,
        "mentions": [user.get_username() for user in mentioned],
        "mentioned": [{"id": user.pk, "name": display_name(user)} for user in mentioned],
    }


def edited_frame(message: Message, channel: Channel) -> dict[str, Any]:
    return {
        "type": "edited",
        "id": message.seq,
        "channel": channel.slug,
        "body": message.body,
        "body_html": message.body_html,
        "edited_at": message.edited_at.isoformat() if message.edited_at else None,
    }


def deleted_frame(message: Message, channel: Channel) -> dict[str, Any]:
    return {
        "type": "deleted",
        "id": message.seq,
        "channel": channel.slug,
        "by_moderator": message.removed_by_id != message.author_id,
    }


def error_frame(code: str, detail: str, **extra: Any) -> dict[str, Any]:
    return {"type": "error", "code": code, "detail": detail, **extra}
