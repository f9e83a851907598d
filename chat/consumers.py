"""The chat socket, /ws/chat/<slug>/: thin over chat.services, see docs/chat-protocol.md.

The socket is accepted before any refusal so that the close code (4401, 4403, 4404) reaches
the client; browsers report a refused handshake without one. Every action asks the services,
which check membership again, so a member muted or removed meanwhile is refused at once.
"""

from __future__ import annotations

import json
from typing import Any

from autobahn.exception import Disconnected
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.utils.translation import gettext as _

from chat import conf, presence, queries, services
from chat.broadcast import frame_event, user_group
from chat.frames import display_name, error_frame
from chat.models import Channel
from chat.permissions import can_post, can_read
from chat.services import ChatRefused

NOT_SIGNED_IN = 4401
NOT_A_MEMBER = 4403
NO_SUCH_CHANNEL = 4404


@database_sync_to_async
def _admit(user: Any, slug: str) -> tuple[int, Channel | None]:
    channel = Channel.objects.filter(slug=slug).first()
    if channel is None:
        return NO_SUCH_CHANNEL, None
    try:
        services.join_channel(channel=channel, acting_user=user)
    except ChatRefused:
        return NOT_A_MEMBER, None
    return 0, channel


@database_sync_to_async
def _latest(channel: Channel) -> list[dict[str, Any]]:
    return queries.frames(queries.latest_messages(channel, conf.history_on_connect()), channel)


@database_sync_to_async
def _after(channel: Channel, after: int) -> list[dict[str, Any]]:
    return queries.frames(queries.messages_after(channel, after), channel)


@database_sync_to_async
def _arrive(channel: Channel, user_id: int) -> dict[str, Any]:
    presence.arrive(channel.pk, user_id)
    return queries.presence_frame(channel)


@database_sync_to_async
def _leave(channel: Channel, user_id: int) -> dict[str, Any]:
    presence.leave(channel.pk, user_id)
    return queries.presence_frame(channel)


@database_sync_to_async
def _may_type(channel: Channel, user: Any) -> bool:
    return can_post(user, channel)


@database_sync_to_async
def _still_reads(channel: Channel, user: Any) -> bool:
    return can_read(user, channel)


@database_sync_to_async
def _post(channel: Channel, user: Any, body: object, client_id: object) -> tuple[dict, bool]:
    message, created = services.post_message(
        channel=channel, body=body, client_id=client_id, acting_user=user
    )
    return queries.frames([message], channel)[0], created


@database_sync_to_async
def _edit(channel: Channel, user: Any, seq: object, body: object) -> None:
    services.edit_message(channel=channel, seq=seq, body=body, acting_user=user)


@database_sync_to_async
def _delete(channel: Channel, user: Any, seq: object) -> None:
    services.delete_message(channel=channel, seq=seq, acting_user=user)


@database_sync_to_async
def _read(channel: Channel, user: Any, seq: object) -> None:
    services.mark_read(channel=channel, seq=seq, acting_user=user)


class ChatConsumer(AsyncWebsocketConsumer):
    channel: Channel | None = None

    async def connect(self) -> None:
        await self.accept()
        self.user = self.scope.get("user")
        if self.user is None or not self.user.is_authenticated:
            await self.close(code=NOT_SIGNED_IN)
            return
        code, channel = await _admit(self.user, self.scope["url_route"]["kwargs"]["slug"])
        if channel is None:
            await self.close(code=code)
            return
        self.channel = channel
        # Subscribed before the history is read, so nothing falls between the two; a message
        # arriving both ways carries the same id and clients keep one.
        await self.channel_layer.group_add(channel.group_name, self.channel_name)
        await self.channel_layer.group_add(user_group(self.user.pk), self.channel_name)
        for frame in await _latest(channel):
            await self.send_json(frame)
        online = await _arrive(channel, self.user.pk)
        await self.channel_layer.group_send(channel.group_name, frame_event(online))

    async def disconnect(self, code: int) -> None:
        if self.channel is None:
            return
        await self.channel_layer.group_discard(self.channel.group_name, self.channel_name)
        await self.channel_layer.group_discard(user_group(self.user.pk), self.channel_name)
        online = await _leave(self.channel, self.user.pk)
        await self.channel_layer.group_send(self.channel.group_name, frame_event(online))

    async def send_json(self, frame: dict[str, Any]) -> None:
        await self.send_text(json.dumps(frame))

    async def send_text(self, text: str) -> None:
        try:
            await self.send(text_data=text)
        except Disconnected:
            # The client is gone and its websocket.disconnect is queued behind this event;
            # raising would end the consumer before disconnect() leaves the groups and presence.
            return

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if self.channel is None:
            return
        try:
            frame = json.loads(text_data if text_data is not None else bytes_data)
        except (TypeError, ValueError):
            await self.send_json(error_frame("invalid_json", _("Das ist kein gültiges JSON.")))
            return
        kind = frame.get("type") if isinstance(frame, dict) else None
        handler = self.ACTIONS.get(kind) if isinstance(kind, str) else None
        if handler is None:
            await self.send_json(
                error_frame("unknown_type", _("Unbekannter Nachrichtentyp."), received=kind)
            )
            return
        try:
            await handler(self, frame)
        except ChatRefused as refused:
            await self.send_json(error_frame(refused.code, refused.detail, received=kind))
            if refused.code == "not_allowed" and not await _still_reads(self.channel, self.user):
                await self.close(code=NOT_A_MEMBER)

    async def on_message(self, frame: dict[str, Any]) -> None:
        client_id = frame.get("client_id") or ""
        message, created = await _post(self.channel, self.user, frame.get("body"), client_id)
        if not created:  # a resend: only the sender needs the stored message again
            await self.send_json(message)

    async def on_edit(self, frame: dict[str, Any]) -> None:
        await _edit(self.channel, self.user, frame.get("id"), frame.get("body"))

    async def on_delete(self, frame: dict[str, Any]) -> None:
        await _delete(self.channel, self.user, frame.get("id"))

    async def on_typing(self, frame: dict[str, Any]) -> None:
        if not await _may_type(self.channel, self.user):
            raise ChatRefused("not_allowed", _("Sie können in diesem Kanal nicht schreiben."))
        typing = {
            "type": "typing",
            "channel": self.channel.slug,
            "author": self.user.get_username(),
            "author_name": display_name(self.user),
        }
        await self.channel_layer.group_send(self.channel.group_name, frame_event(typing))

    async def on_resume(self, frame: dict[str, Any]) -> None:
        after = frame.get("after")
        if isinstance(after, bool) or not isinstance(after, int) or after < 0:
            raise ChatRefused("invalid", _("„after“ muss die letzte gesehene Nummer sein."))
        if not await _still_reads(self.channel, self.user):
            raise ChatRefused("not_allowed", _("Sie gehören nicht (mehr) zu diesem Kanal."))
        for message in await _after(self.channel, after):
            await self.send_json(message)

    async def on_read(self, frame: dict[str, Any]) -> None:
        await _read(self.channel, self.user, frame.get("id"))

    ACTIONS = {
        "message": on_message,
        "edit": on_edit,
        "delete": on_delete,
        "typing": on_typing,
        "resume": on_resume,
        "read": on_read,
    }

    # --- events from the channel layer ---

    async def chat_frame(self, event: dict[str, Any]) -> None:
        await self.send_text(event["text"])

    async def chat_notice(self, event: dict[str, Any]) -> None:
        """Mentions elsewhere; in this channel the message frame itself names the mentioned."""
        if event["frame"]["channel"] != self.channel.slug:
            await self.send_json(event["frame"])

    async def chat_removed(self, event: dict[str, Any]) -> None:
        if event["channel"] == self.channel.pk:
            await self.send_json(error_frame("removed", _("Sie wurden aus diesem Kanal entfernt.")))
            await self.close(code=NOT_A_MEMBER)
