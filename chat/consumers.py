"""The chat socket, /ws/chat/<slug>/: thin over chat.services, see docs/chat-protocol.md.

The socket is accepted before any refusal so that the close code (4401, 4403, 4404) reaches
the client; browsers report a refused handshake without one. Who the socket serves, and whether
they may read and post, is read once at connect and kept current by pushes through the
person's own group (chat.signals: membership, role, account, password, second factor,
session): a message costs no re-reading of session, user or membership, and no socket polls
the database. A pushed change is checked once and closes the socket with its code at once.

When the channel layer (Redis) fails, the consumer does not die with the exception: what the
member sent is saved all the same (the database is the record, the layer only delivers), the
client gets a "degraded" error frame and the close code 4503, reconnects and resumes from the
database.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import time
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any, ParamSpec, TypeVar

from asgiref.sync import sync_to_async
from autobahn.exception import Disconnected
from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.layers import get_channel_layer
from django.conf import settings
from django.contrib import auth
from django.db import connections
from django.http import HttpRequest
from django.utils.translation import gettext as _

from chat import broadcast, conf, fanout, presence, queries, services, signals, writer
from chat.broadcast import LAYER_ERRORS, frame_event, user_group
from chat.frames import display_name, error_frame, message_frame
from chat.models import Channel, ChannelMembership
from chat.permissions import can_read, is_muted, standing_in
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

P = ParamSpec("P")
R = TypeVar("R")


def _fresh_connections() -> None:
    """Drop a connection that failed (a restarted database), so the next statement reconnects."""
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None and connection.errors_occurred:
            if connection.is_usable():
                connection.errors_occurred = False
            else:
                connection.close()


def _in_database(function: Callable[P, R]) -> Callable[P, Awaitable[R]]:
    """Run database work of the sockets on their one thread, over a connection that stays open.

    channels' database_sync_to_async closes the connection after every call where
    CONN_MAX_AGE is 0 (as deployed, for the page threads): a new PostgreSQL connection per
    frame. The sockets of a process share asgiref's thread-sensitive thread and its connection
    instead; the statements are short and in autocommit or their own transaction.
    """

    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        _fresh_connections()
        return function(*args, **kwargs)

    return sync_to_async(run, thread_sensitive=True)


def _in_cache(function: Callable[P, R]) -> Callable[P, Awaitable[R]]:
    """Cache work (presence counters) off the sockets' one database thread, where it waited
    behind every admission and message of the process."""
    return sync_to_async(function, thread_sensitive=False)


@dataclass
class Admission:
    """What a socket knows from connect on and keeps current through pushes (chat.signals)."""

    user: Any
    channel: Channel
    muted: bool


def _session_user(session: Any) -> Any:
    request = HttpRequest()
    request.session = session
    return auth.get_user(request)


def _verified(user: Any, session: Any, has_two_factor: bool) -> bool:
    """two_factor.session_verified on the device read with the channel (is_required_for reads
    the staff standing that standing_in kept on the user)."""
    if session.get(two_factor.SESSION_VERIFIED) == user.pk:
        return True
    return not has_two_factor and not two_factor.is_required_for(user)


def _admission(session: Any, slug: str) -> tuple[int, Admission | None]:
    """The session, the account, and the channel with the person's standing in it: three
    statements for a member who has been here before (tests/chat/test_admission.py)."""
    user = _session_user(session)
    if not user.is_authenticated:
        return NOT_SIGNED_IN, None
    standing = standing_in(user, slug)
    if standing is None:  # no such channel (or no active account): each rule on its own
        if not two_factor.session_verified(user, session):
            return NOT_SIGNED_IN, None
        channel = Channel.objects.filter(slug=slug).first()
        return (NOT_A_MEMBER if channel else NO_SUCH_CHANNEL), None
    if not _verified(user, session, standing.has_two_factor):
        return NOT_SIGNED_IN, None
    if not standing.readable:
        return NOT_A_MEMBER, None
    status = standing.status
    if status is None:  # a reader's first visit: their row (joining a public channel)
        try:
            status = services.join_channel(channel=standing.channel, acting_user=user).status
        except ChatRefused:
            return NOT_A_MEMBER, None
    return 0, Admission(user, standing.channel, status == ChannelMembership.Status.MUTED)


_admit = _in_database(_admission)


@dataclass
class _HistoryRead:
    """One read of a channel's latest messages, shared by the sockets that wait for it."""

    begun: bool = False
    task: asyncio.Task | None = None


@_in_database
def _read_history(channel: Channel, read: _HistoryRead) -> list[str]:
    read.begun = True  # from here on, sockets subscribing now may miss what it reads
    latest = queries.latest_messages(channel, conf.history_on_connect())
    return [json.dumps(frame) for frame in queries.frames(latest, channel)]


_history_reads: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[int, _HistoryRead]] = (
    weakref.WeakKeyDictionary()
)


async def _history(channel: Channel) -> list[str]:
    """The channel's latest message frames for a socket that has subscribed to it.

    Fifty members connecting together each read the same fifty messages, one after the other
    on the sockets' one database thread (the connect figures of docs/benchmarks.md). A socket
    joins a read that has not yet begun: it begins after the socket subscribed, so nothing
    falls between the history and the live frames; the texts are shared, not copied.
    """
    loop = asyncio.get_running_loop()
    reads = _history_reads.get(loop) or _history_reads.setdefault(loop, {})
    read = reads.get(channel.pk)
    if read is None or read.begun:
        read = reads[channel.pk] = _HistoryRead()
        read.task = loop.create_task(_read_history(channel, read))

        def forget(_task: asyncio.Task, read: _HistoryRead = read) -> None:
            if reads.get(channel.pk) is read:
                del reads[channel.pk]

        read.task.add_done_callback(forget)
    return await asyncio.shield(read.task)


@_in_database
def _standing(session_key: str | None, channel: Channel) -> tuple[int, Any, bool]:
    """(0, the person as the session names them now, muted) or the code that ends the socket."""
    engine = import_module(settings.SESSION_ENGINE)
    session = engine.SessionStore(session_key)
    user = _session_user(session)
    if not user.is_authenticated or not two_factor.session_verified(user, session):
        return NOT_SIGNED_IN, None, False
    if not can_read(user, channel):
        return NOT_A_MEMBER, None, False
    return 0, user, is_muted(user, channel)


@_in_database
def _resume(channel: Channel, user: Any, after: object) -> tuple[list[str], dict[str, Any]]:
    """A page of message frames after `after`, and the `resumed` frame that closes it."""
    messages, more = services.resume(channel=channel, after=after, acting_user=user)
    texts = [json.dumps(frame) for frame in queries.frames(messages, channel)]
    through = messages[-1].seq if messages else after
    return texts, {"type": "resumed", "channel": channel.slug, "through": through, "has_more": more}


@_in_database
def _presence_frame(channel: Channel) -> dict[str, Any]:
    return queries.presence_frame(channel)


@_in_database
def _typing(channel: Channel, user: Any) -> bool:
    return services.announce_typing(channel=channel, acting_user=user, may_post=True)


@_in_database
def _post_together(
    posts: list[services.Post],
) -> tuple[list[services.Posted], list[broadcast.Event]]:
    """The message frames waiting from every socket of the process, stored in one hop
    (chat.writer), and the events to publish once it returns."""
    with broadcast.held() as events:
        outcomes = services.post_messages(posts)
    return outcomes, events


@_in_database
def _edit(channel: Channel, user: Any, seq: object, body: object) -> list[broadcast.Event]:
    with broadcast.held() as events:
        services.edit_message(channel=channel, seq=seq, body=body, acting_user=user)
    return events


@_in_database
def _delete(channel: Channel, user: Any, seq: object) -> list[broadcast.Event]:
    with broadcast.held() as events:
        services.delete_message(channel=channel, seq=seq, acting_user=user)
    return events


@_in_database
def _read(channel: Channel, user: Any, seq: object) -> None:
    services.mark_read(channel=channel, seq=seq, acting_user=user, may_post=True)


PRESENCE_PER_INTERVAL = 100


class _PresenceAnnouncer:
    """At most one presence frame per channel and interval from this process.

    The first arrival or departure in a quiet channel is announced at once; those within the
    following interval wait and travel together in one frame, read when it goes out (the
    counters live in the cache, so it carries the other processes' sockets too). The interval
    is CHAT_PRESENCE_INTERVAL, one more for every further 100 people online: a frame lists
    everybody online and goes to everybody, so its cost grows with the square of the channel.
    A newcomer gets the latest frame at once, to itself (`welcome`).
    """

    def __init__(self) -> None:
        self.pending: dict[int, asyncio.Task] = {}
        self.sent_at: dict[int, float] = {}
        self.latest: dict[int, dict[str, Any]] = {}
        self.read_at: dict[int, float] = {}
        self.reading: dict[int, asyncio.Task] = {}

    def interval(self, channel: Channel) -> float:
        online = len(self.latest.get(channel.pk, {}).get("online", ()))
        return conf.presence_interval() * max(1, math.ceil(online / PRESENCE_PER_INTERVAL))

    async def welcome(self, channel: Channel, user: Any) -> dict[str, Any]:
        """The channel's latest presence frame, the newcomer in it (read anew when stale)."""
        frame = self.latest.get(channel.pk)
        if frame is None or time.monotonic() - self.read_at[channel.pk] > self.interval(channel):
            frame = await self._read(channel)
        me = {"username": user.get_username(), "name": display_name(user)}
        if me in frame["online"]:
            return frame
        online = sorted([*frame["online"], me], key=lambda person: person["username"])
        return {**frame, "online": online}

    async def _read(self, channel: Channel) -> dict[str, Any]:
        """The channel's presence frame, read once for all who ask while it is being read.

        Fifty members connecting at once all found the frame stale and read it fifty times
        over, each read the channel's memberships and everybody's counter (the connect
        figures of docs/benchmarks.md); a read is kept as the latest for an interval."""
        reading = self.reading.get(channel.pk)
        if reading is None:
            reading = self.reading[channel.pk] = asyncio.get_running_loop().create_task(
                self._read_once(channel)
            )
            reading.add_done_callback(lambda _task: self.reading.pop(channel.pk, None))
        return await asyncio.shield(reading)

    async def _read_once(self, channel: Channel) -> dict[str, Any]:
        started = time.monotonic()
        frame = await _presence_frame(channel)
        if self.read_at.get(channel.pk, -math.inf) < started:  # no announcement read it since
            self.latest[channel.pk], self.read_at[channel.pk] = frame, started
        return frame

    def changed(self, channel: Channel) -> None:
        if channel.pk in self.pending:
            return
        wait = self.sent_at.get(channel.pk, -math.inf) + self.interval(channel)
        delay = max(0.0, wait - time.monotonic())
        self.pending[channel.pk] = asyncio.get_running_loop().create_task(
            self._announce(channel, delay)
        )

    async def _announce(self, channel: Channel, delay: float) -> None:
        try:
            await asyncio.sleep(delay)
        finally:
            # Changes from here on are not sure to be read below: they schedule the next frame.
            del self.pending[channel.pk]
        self.sent_at[channel.pk] = time.monotonic()
        try:
            started = time.monotonic()
            frame = self.latest[channel.pk] = await _presence_frame(channel)
            self.read_at[channel.pk] = started
            async with asyncio.timeout(conf.layer_timeout()):
                await get_channel_layer().group_send(channel.group_name, frame_event(frame))
        except LAYER_ERRORS as error:
            logger.warning("Presence not announced, channel layer unavailable: %r", error)


_announcers: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _PresenceAnnouncer] = (
    weakref.WeakKeyDictionary()
)


def _announcer() -> _PresenceAnnouncer:
    loop = asyncio.get_running_loop()
    if loop not in _announcers:
        _announcers[loop] = _PresenceAnnouncer()
    return _announcers[loop]


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

    Channels starts that receive with the consumer, before connect() subscribes the socket. A
    receive that fails before the subscription is therefore no news about it: connect() either
    subscribes afterwards, in a layer that answers again, or tells the client itself. Such a
    failure waits for the subscription and receives again, so that the last moments of an
    outage do not throw out a member who got back in after it.
    """

    def __init__(self, layer: Any) -> None:
        self._layer = layer
        self._failed = False
        self._subscribed = asyncio.Event()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._layer, name)

    def subscribed(self) -> None:
        self._subscribed.set()

    async def receive(self, channel: str) -> dict[str, Any]:
        while not self._failed:
            try:
                return await self._layer.receive(channel)
            except LAYER_ERRORS as error:
                if not self._subscribed.is_set():
                    await self._subscribed.wait()  # for good when the socket never subscribes
                    continue
                self._failed = True
                return {"type": LAYER_DOWN, "error": repr(error)}
        return await asyncio.get_running_loop().create_future()  # until the consumer ends


class ChatConsumer(AsyncWebsocketConsumer):
    channel: Channel | None = None
    arrived = False
    muted = False
    ended = False  # closed by the server: nothing more is received or handed on

    @property
    def channel_layer(self) -> Any:
        return self._reporting_layer

    @channel_layer.setter
    def channel_layer(self, layer: Any) -> None:
        self._reporting_layer = None if layer is None else _ReportingLayer(layer)

    async def dispatch(self, message: dict[str, Any]) -> None:
        """As channels' own, without its close_old_connections() before every event: a hop to
        the database thread per frame, closing the sockets' kept connection each time (with
        CONN_MAX_AGE 0); _in_database looks after that connection instead."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def connect(self) -> None:
        await self.accept()
        session_key = self.scope.get("cookies", {}).get(settings.SESSION_COOKIE_NAME)
        if not session_key:
            await self.close(code=NOT_SIGNED_IN)
            return
        session = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
        code, admission = await _admit(session, self.scope["url_route"]["kwargs"]["slug"])
        if admission is None:
            await self.close(code=code)
            return
        self.channel, self.user, self.muted = admission.channel, admission.user, admission.muted
        self.session_key = session_key
        # Subscribed before the history is read, so nothing falls between the two; a message
        # arriving both ways carries the same id and clients keep one.
        if not await self._layer_call(
            fanout.join(self.channel.group_name, self),
            self.channel_layer.group_add(user_group(self.user.pk), self.channel_name),
        ):
            return
        self.channel_layer.subscribed()
        for text in await _history(self.channel):
            await self.send_text(text)
        try:
            await _in_cache(presence.arrive)(self.channel.pk, self.user.pk)
        except LAYER_ERRORS as error:  # presence lives in the cache, on the same Redis
            await self._degrade(error)
            return
        self.arrived = True
        await self.send_json(await _announcer().welcome(self.channel, self.user))
        _announcer().changed(self.channel)

    async def disconnect(self, code: int) -> None:
        if self.channel is None:
            return
        try:
            await self._within_timeout(
                fanout.leave(self.channel.group_name, self),
                self.channel_layer.group_discard(user_group(self.user.pk), self.channel_name),
            )
            if self.arrived:
                await _in_cache(presence.leave)(self.channel.pk, self.user.pk)
                _announcer().changed(self.channel)
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
        code, user, muted = await _standing(self.session_key, self.channel)
        if code == NOT_SIGNED_IN:
            await self._sign_out(received)
        elif code == NOT_A_MEMBER:
            detail = _("Sie gehören nicht (mehr) zu diesem Kanal.")
            await self.send_json(error_frame("not_allowed", detail, received=received))
            await self._end(NOT_A_MEMBER)
        if code:
            return False
        self.user, self.muted = user, muted
        return True

    async def _sign_out(self, received: str | None = None) -> None:
        await self.send_json(
            error_frame("signed_out", _("Bitte melden Sie sich wieder an."), received=received)
        )
        await self._end(NOT_SIGNED_IN)

    def _refuse_muted(self) -> None:
        if self.muted:
            raise ChatRefused("not_allowed", _("Sie sind in diesem Kanal stummgeschaltet."))

    async def on_message(self, frame: dict[str, Any]) -> None:
        self._refuse_muted()
        post = services.Post(
            channel=self.channel,
            body=frame.get("body"),
            client_id=frame.get("client_id") or "",
            mentions=frame.get("mentions"),
            acting_user=self.user,
        )
        stored = await writer.writer(_post_together).post(post, self._unpublished)
        if not stored.created:  # a resend: only the sender needs the stored message again
            await self.send_json(message_frame(stored.message, self.channel))

    async def _unpublished(self, message: Any) -> None:
        """The sender learns that its message is saved before hearing that the server is
        degraded."""
        if self.ended:
            return
        await self.send_json(message_frame(message, self.channel))
        await self._degrade("broadcast of a new message failed")

    async def on_edit(self, frame: dict[str, Any]) -> None:
        events = await _edit(self.channel, self.user, frame.get("id"), frame.get("body"))
        if not await broadcast.publish(events):
            await self._degrade("broadcast of an edit failed")

    async def on_delete(self, frame: dict[str, Any]) -> None:
        if not await broadcast.publish(await _delete(self.channel, self.user, frame.get("id"))):
            await self._degrade("broadcast of a deletion failed")

    async def on_typing(self, frame: dict[str, Any]) -> None:
        self._refuse_muted()
        if not await _typing(self.channel, self.user):
            return  # this member's notice went out less than CHAT_TYPING_INTERVAL ago
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
        texts, resumed = await _resume(self.channel, self.user, frame.get("after"))
        for text in texts:
            await self.send_text(text)
        await self.send_json(resumed)

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

    def _live(self) -> bool:
        return self.channel is not None and not self.ended

    async def relay(self, event: dict[str, Any]) -> None:
        """The channel's frames, handed on by this process's room (chat.fanout); a member's
        changed row comes the same way (chat.signals), so that it is checked before any frame
        sent after the change is handed on."""
        if not self._live():
            return
        if event.get("type") == "chat.frame":
            await self.send_text(event["text"])
        elif event.get("type") == signals.STANDING and event.get("user") == self.user.pk:
            await self._still_standing()

    async def relay_failed(self, error: BaseException) -> None:
        await self._degrade(error)

    async def chat_notice(self, event: dict[str, Any]) -> None:
        """Mentions elsewhere; in this channel the message frame itself names the mentioned."""
        if self._live() and event["frame"]["channel"] != self.channel.slug:
            await self.send_json(event["frame"])

    async def chat_removed(self, event: dict[str, Any]) -> None:
        if self._live() and event["channel"] == self.channel.pk:
            await self.send_json(error_frame("removed", _("Sie wurden aus diesem Kanal entfernt.")))
            await self._end(NOT_A_MEMBER)

    async def chat_standing(self, event: dict[str, Any]) -> None:
        """Something about this person changed (chat.signals): check once, close if it ended."""
        if self._live():
            await self._still_standing()

    async def chat_signed_out(self, event: dict[str, Any]) -> None:
        if self._live() and event["session"] == self.session_key:
            await self._sign_out()
