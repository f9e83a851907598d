"""Process-local fan-out: one channel-layer subscription per chat channel and server process.

A frame for a chat channel crosses the layer (Redis) once per process that has sockets in the
channel, not once per socket: the process's room holds the group membership, receives each
event once and writes the frame's text, encoded once by the sender, straight to the local
sockets in order. Without this every socket held its own group entry, and a message to a
200-member channel meant 200 queue pushes and pops and 200 consumer dispatches
(docs/benchmarks.md, chat). Events for one person (removal, sign-out, notices) still go
through each socket's own layer channel.

When the layer fails under a room's receive, its sockets are told (they close with 4503, the
clients reconnect and resume); the room is gone and the next socket opens it anew.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from typing import Any, Protocol

from channels.layers import get_channel_layer

from chat.broadcast import LAYER_ERRORS

logger = logging.getLogger(__name__)

# Sockets written to before the room lets the event loop run other work. A write does not wait,
# so a frame to 200 sockets held the loop for its whole fan-out (20-40 ms on this machine):
# meanwhile no member's frame was read and nothing was stored, and a burst was accepted no
# faster than it was fanned out. The room's own frames keep their order, one event at a time.
SLICE = 25


class Socket(Protocol):
    async def relay(self, event: dict[str, Any]) -> None: ...

    async def relay_failed(self, error: BaseException) -> None: ...


class Room:
    def __init__(self, group: str) -> None:
        self.group = group
        self.sockets: dict[Socket, None] = {}  # in arrival order
        self.channel_name: str | None = None
        self.task: asyncio.Task | None = None

    async def open(self, layer: Any) -> None:
        self.channel_name = await layer.new_channel()
        await layer.group_add(self.group, self.channel_name)
        self.task = asyncio.get_running_loop().create_task(self._receive(layer))

    async def _receive(self, layer: Any) -> None:
        try:
            while True:
                event = await layer.receive(self.channel_name)
                for index, socket in enumerate(list(self.sockets)):
                    if index and not index % SLICE:
                        await asyncio.sleep(0)
                    await socket.relay(event)
        except LAYER_ERRORS as error:
            logger.warning("Chat room %s lost the channel layer: %r", self.group, error)
            _rooms().forget(self)
            for socket in list(self.sockets):
                await socket.relay_failed(error)


class Rooms:
    """The rooms of one event loop (one server process)."""

    def __init__(self) -> None:
        self.rooms: dict[str, Room] = {}
        self.lock = asyncio.Lock()

    def forget(self, room: Room) -> None:
        """Drop a room that lost the layer, not a newer one opened for its group since."""
        if self.rooms.get(room.group) is room:
            del self.rooms[room.group]

    async def join(self, group: str, socket: Socket) -> None:
        async with self.lock:
            room = self.rooms.get(group)
            if room is None:
                room = Room(group)
                await room.open(get_channel_layer())
                self.rooms[group] = room
            room.sockets[socket] = None

    async def leave(self, group: str, socket: Socket) -> None:
        async with self.lock:
            room = self.rooms.get(group)
            if room is None:
                return
            room.sockets.pop(socket, None)
            if room.sockets:
                return
            del self.rooms[group]
            if room.task is not None:
                room.task.cancel()
            await get_channel_layer().group_discard(group, room.channel_name)


_by_loop: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Rooms] = weakref.WeakKeyDictionary()


def _rooms() -> Rooms:
    loop = asyncio.get_running_loop()
    if loop not in _by_loop:
        _by_loop[loop] = Rooms()
    return _by_loop[loop]


async def join(group: str, socket: Socket) -> None:
    await _rooms().join(group, socket)


async def leave(group: str, socket: Socket) -> None:
    await _rooms().leave(group, socket)
