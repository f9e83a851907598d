"""The chat socket, /ws/chat/<slug>/: thin over chat.services, see docs/chat-protocol.md.

The socket is accepted before any refusal so that the close code (4401, 4403, 4404) reaches
the client; browsers report a refused handshake without one. Standing is never taken from the
handshake alone: before every action the session is read again (signed out, deactivated or a
changed password end it) and membership is checked, and frames the member only receives
recheck both at least every CHAT_RECHECK_SECONDS. A moderator's removal closes the sockets at
once through the member's own group.

When the channel layer (Redis) fails, the consumer does not die with the exception: what the
member sent is saved all the same (the database is the record, the layer only delivers), the
client gets a "degraded" error frame and the close code 4503, reconnects and resumes from the
database.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from importlib import import_module
from typing import Any

from autobahn.exception import Disconnected
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.contrib import auth
from django.http import HttpRequest
from django.utils.translation import gettext as _

from chat import broadcast, conf, presence, queries, services
from chat.broadcast import LAYER_ERRORS, frame_event, user_group
from chat.frames import display_name, error_frame
from chat.models import Channel
from chat.permissions import can_read
from chat.services import ChatRefused
from network import two_factor
from portal.parsers import TooDeeplyNested, decode

logger = logging.getLogger(__name__)

NOT_SIGNED_IN = 4401
NOT_A_MEMBER = 4403
NO_SUCH_CHANNEL = 4404
FRAME_TOO_LARGE = 4413
SERVER_DEGRADED = 4503

LAYER_DOWN = "chat.layer_down"


@database_sync_to_async
def _admit(user: Any, session: Any, slug: str) -> tuple[int, Channel | None]:
    if not two_factor.session_verified(user, session):
        return NOT_SIGNED_IN, None
    channel = Channel.objects.filter(slug=slug).first()
    if channel is None:
        return NO_SUCH_CHANNEL, None
    try:
        services.join_channel(channel=channel, acting_user=user)
    except ChatRefused:
        return NOT_A_MEMBER, None
    return 0, channel


@database_sync_to_async
def _standing(session_key: str | None, channel: Channel) -> tuple[int, Any]:
    """(0, the person as the session names them now) or the close code that ends the socket."""
    engine = import_module(settings.SESSION_ENGINE)
    request = HttpRequest()
    request.session = engine.SessionStore(session_key)
    user = auth.get_user(request)
    if not user.is_authenticated or not two_factor.session_verified(user, request.session):
        return NOT_SIGNED_IN, None
    if not can_read(user, channel):
        return NOT_A_MEMBER, None
    return 0, user


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
def _announce_typing(channel: Channel, user: Any) -> None:
    services.announce_typing(channel=channel, acting_user=user)


@database_sync_to_async
def _post(
    channel: Channel, user: Any, body: object, client_id: object
) -> tuple[dict[str, Any], bool, bool]:
    """The stored message's frame, whether it is new, and whether its broadcast went out."""
    with broadcast.watching() as delivery:
        message, created = services.post_message(
            channel=channel, body=body, client_id=client_id, acting_user=user
        )
    return queries.frames([message], channel)[0], created, delivery.delivered


@database_sync_to_async
def _edit(channel: Channel, user: Any, seq: object, body: object) -> bool:
    with broadcast.watching() as delivery:
        services.edit_message(channel=channel, seq=seq, body=body, acting_user=user)
    return delivery.delivered


@database_sync_to_async
def _delete(channel: Channel, user: Any, seq: object) -> bool:
    with broadcast.watching() as delivery:
        services.delete_message(channel=channel, seq=seq, acting_user=user)
    return delivery.delivered


@database_sync_to_async
def _read(channel: Channel, user: Any, seq: object) -> None:
    services.mark_read(channel=channel, seq=seq, acting_user=user)


def _encodable(frame: object) -> bool:
    """Whether the frame is text UTF-8 can carry: JSON's "\\ud800" escapes decode to lone
    surrogates, which the sanitiser, the database and the other sockets could not take."""
    try:
        json.dumps(frame, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        return False
    return True


class _ReportingLayer:
    """The channel layer, except that a failing receive becomes one LAYER_DOWN event.

    Channels awaits the layer's receive beside the client's; an exception there would end the
    consumer without a word to the client and without disconnect(). After the event nothing
    more is received: the consumer is closing.
    """

    def __init__(self, layer: Any) -> None:
        self._layer = layer
        self._failed = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._layer, name)

    async def receive(self, channel: str) -> dict[str, Any]:
        if self._failed:
            await asyncio.get_running_loop().create_future()  # until the consumer ends
        try:
            return await self._layer.receive(channel)
        except LAYER_ERRORS as error:
            self._failed = True
            return {"type": LAYER_DOWN, "error": repr(error)}


class ChatConsumer(AsyncWebsocketConsumer):
    channel: Channel | None = None
    arrived = False
    ended = False  # closed by the server: nothing more is received or handed on
    checked_at = 0.0

    @property
    def channel_layer(self) -> Any:
        return self._reporting_layer

    @channel_layer.setter
    def channel_layer(self, layer: Any) -> None:
        self._reporting_layer = None if layer is None else _ReportingLayer(layer)

    async def connect(self) -> None:
        await self.accept()
        self.user = self.scope.get("user")
        if self.user is None or not self.user.is_authenticated:
            await self.close(code=NOT_SIGNED_IN)
            return
        code, channel = await _admit(
            self.user, self.scope["session"], self.scope["url_route"]["kwargs"]["slug"]
        )
        if channel is None:
            await self.close(code=code)
            return
        self.channel = channel
        self.session_key = self.scope["session"].session_key
        self.checked_at = time.monotonic()
        # Subscribed before the history is read, so nothing falls between the two; a message
        # arriving both ways carries the same id and clients keep one.
        if not await self._layer_call(
            self.channel_layer.group_add(channel.group_name, self.channel_name),
            self.channel_layer.group_add(user_group(self.user.pk), self.channel_name),
        ):
            return
        for frame in await _latest(channel):
            await self.send_json(frame)
        try:
            online = await _arrive(channel, self.user.pk)
        except LAYER_ERRORS as error:  # presence lives in the cache, on the same Redis
            await self._degrade(error)
            return
        self.arrived = True
        await self._layer_call(
            self.channel_layer.group_send(channel.group_name, frame_event(online))
        )

    async def disconnect(self, code: int) -> None:
        if self.channel is None:
            return
        try:
            await self._within_timeout(
                self.channel_layer.group_discard(self.channel.group_name, self.channel_name),
                self.channel_layer.group_discard(user_group(self.user.pk), self.channel_name),
            )
            if self.arrived:
                online = await _leave(self.channel, self.user.pk)
                await self._within_timeout(
                    self.channel_layer.group_send(self.channel.group_name, frame_event(online))
                )
        except LAYER_ERRORS as error:
            # Going anyway; the group entries and presence counters expire on their own.
            logger.warning("Chat socket left without the channel layer: %r", error)

    async def send_json(self, frame: dict[str, Any]) -> None:
        await self.send_text(json.dumps(frame))

    async def send_text(self, text: str) -> None:
        try:
            await self.send(text_data=text)
        except Disconnected:
            # The client is gone and its websocket.disconnect is queued behind this event;
            # raising would end the consumer before disconnect() leaves the groups and presence.
            return

    # --- the channel layer, which may be down ---

    async def _within_timeout(self, *calls: Any) -> None:
        try:
            async with asyncio.timeout(conf.layer_timeout()):
                for call in calls:
                    await call
        finally:
            for call in calls:
                call.close()  # those not reached after a failure: never awaited, no warning

    async def _layer_call(self, *calls: Any) -> bool:
        """Run layer calls in order; False once they failed and the client has been told."""
        try:
            await self._within_timeout(*calls)
        except LAYER_ERRORS as error:
            await self._degrade(error)
            return False
        return True

    async def _end(self, code: int) -> None:
        self.ended = True
        await self.close(code=code)

    async def _degrade(self, error: BaseException | str) -> None:
        if self.ended:
            return
        logger.warning("Chat socket closed, channel layer unavailable: %s", error)
        detail = _(
            "Der Server ist gerade eingeschränkt erreichbar; die Verbindung wird neu aufgebaut."
        )
        await self.send_json(error_frame("degraded", detail))
        await self._end(SERVER_DEGRADED)

    async def chat_layer_down(self, event: dict[str, Any]) -> None:
        await self._degrade(event["error"])

    # --- frames from the client ---

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if self.channel is None or self.ended:
            return
        raw = text_data.encode() if text_data is not None else bytes_data or b""
        if len(raw) > conf.max_frame_bytes():
            await self.send_json(
                error_frame(
                    "frame_too_large",
                    _("Eine Nachricht an den Server darf höchstens %(limit)d Bytes groß sein.")
                    % {"limit": conf.max_frame_bytes()},
                )
            )
            await self._end(FRAME_TOO_LARGE)
            return
        try:
            frame = decode(raw)
        except TooDeeplyNested as error:
            await self.send_json(error_frame("invalid_json", str(error)))
            return
        except ValueError:
            await self.send_json(error_frame("invalid_json", _("Das ist kein gültiges JSON.")))
            return
        if not _encodable(frame):
            detail = _("Der Text enthält ungültige Zeichen (einzelne Surrogate).")
            await self.send_json(error_frame("invalid", detail))
            return
        kind = frame.get("type") if isinstance(frame, dict) else None
        handler = self.ACTIONS.get(kind) if isinstance(kind, str) else None
        if handler is None:
            await self.send_json(
                error_frame("unknown_type", _("Unbekannter Nachrichtentyp."), received=kind)
            )
            return
        if not await self._still_standing(received=kind):
            return
        try:
            await handler(self, frame)
        except ChatRefused as refused:
            await self.send_json(error_frame(refused.code, refused.detail, received=kind))
            if refused.code == "not_allowed":
                await self._still_standing()
        except LAYER_ERRORS as error:  # the cache (rate limits, presence) on the same Redis
            await self._degrade(error)

    async def _still_standing(self, received: str | None = None) -> bool:
        """Check session and membership now; the socket closes when either has ended."""
        code, user = await _standing(self.session_key, self.channel)
        self.checked_at = time.monotonic()
        if code == NOT_SIGNED_IN:
            await self.send_json(
                error_frame("signed_out", _("Bitte melden Sie sich wieder an."), received=received)
            )
        elif code == NOT_A_MEMBER:
            detail = _("Sie gehören nicht (mehr) zu diesem Kanal.")
            await self.send_json(error_frame("not_allowed", detail, received=received))
        if code:
            await self._end(code)
            return False
        self.user = user
        return True

    async def on_message(self, frame: dict[str, Any]) -> None:
        client_id = frame.get("client_id") or ""
        message, created, delivered = await _post(
            self.channel, self.user, frame.get("body"), client_id
        )
        if not created or not delivered:
            # A resend: only the sender needs the stored message again. Undelivered: the
            # sender learns it is saved before hearing that the server is degraded.
            await self.send_json(message)
        if not delivered:
            await self._degrade("broadcast of a new message failed")

    async def on_edit(self, frame: dict[str, Any]) -> None:
        if not await _edit(self.channel, self.user, frame.get("id"), frame.get("body")):
            await self._degrade("broadcast of an edit failed")

    async def on_delete(self, frame: dict[str, Any]) -> None:
        if not await _delete(self.channel, self.user, frame.get("id")):
            await self._degrade("broadcast of a deletion failed")

    async def on_typing(self, frame: dict[str, Any]) -> None:
        await _announce_typing(self.channel, self.user)
        typing = {
            "type": "typing",
            "channel": self.channel.slug,
            "author": self.user.get_username(),
            "author_name": display_name(self.user),
        }
        await self._layer_call(
            self.channel_layer.group_send(self.channel.group_name, frame_event(typing))
        )

    async def on_resume(self, frame: dict[str, Any]) -> None:
        after = frame.get("after")
        if isinstance(after, bool) or not isinstance(after, int) or after < 0:
            raise ChatRefused("invalid", _("„after“ muss die letzte gesehene Nummer sein."))
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

    async def _may_receive(self) -> bool:
        """Whether frames still go out; a stale check is made again first."""
        if self.channel is None or self.ended:
            return False
        if time.monotonic() - self.checked_at < conf.recheck_seconds():
            return True
        return await self._still_standing()

    async def chat_frame(self, event: dict[str, Any]) -> None:
        if await self._may_receive():
            await self.send_text(event["text"])

    async def chat_notice(self, event: dict[str, Any]) -> None:
        """Mentions elsewhere; in this channel the message frame itself names the mentioned."""
        if event["frame"]["channel"] != self.channel.slug and await self._may_receive():
            await self.send_json(event["frame"])

    async def chat_removed(self, event: dict[str, Any]) -> None:
        if self.channel is not None and not self.ended and event["channel"] == self.channel.pk:
            await self.send_json(error_frame("removed", _("Sie wurden aus diesem Kanal entfernt.")))
            await self._end(NOT_A_MEMBER)
