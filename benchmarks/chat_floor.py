"""The chat benchmark's floor: a bare `websockets` server that relays each frame to its room.

Every socket on the same path is one room; each text frame goes to every socket of the room,
the sender included, unparsed. A frame `{"type": "ping"}` is answered to its sender alone
(the benchmark's probe that a socket is in). With --redis, frames go through one Redis
pub/sub channel per room, so that two relay processes form one room: the floor of the
portal's two processes on one Redis.

    python -m benchmarks.chat_floor --port 8765 [--redis redis://127.0.0.1:6379/15]
"""

from __future__ import annotations

import argparse
import asyncio
from collections import defaultdict
from typing import Any

PING = '{"type": "ping"}'
PONG = '{"type": "pong"}'


class Relay:
    def __init__(self, redis_url: str | None) -> None:
        self.rooms: dict[str, set[Any]] = defaultdict(set)
        self.redis_url = redis_url
        self.redis: Any = None

    def deliver(self, room: str, text: str) -> None:
        from websockets.asyncio.server import broadcast

        broadcast(self.rooms[room], text)

    async def handle(self, socket: Any) -> None:
        room = socket.request.path
        self.rooms[room].add(socket)
        try:
            async for text in socket:
                if text == PING:
                    await socket.send(PONG)
                elif self.redis is not None:
                    await self.redis.publish(f"floor:{room}", text)
                else:
                    self.deliver(room, text)
        finally:
            self.rooms[room].discard(socket)

    async def listen(self) -> None:
        """Everything published to a room's Redis channel, to this process's sockets of it."""
        pubsub = self.redis.pubsub()
        await pubsub.psubscribe("floor:*")
        async for message in pubsub.listen():
            if message["type"] == "pmessage":
                self.deliver(message["channel"].decode()[len("floor:") :], message["data"].decode())


async def serve(port: int, redis_url: str | None) -> None:
    from websockets.asyncio.server import serve as websocket_server

    relay = Relay(redis_url)
    if redis_url:
        import redis.asyncio

        relay.redis = redis.asyncio.Redis.from_url(redis_url)
        asyncio.get_running_loop().create_task(relay.listen())
    async with websocket_server(
        relay.handle, "127.0.0.1", port, max_queue=None, ping_interval=None, compression=None
    ) as server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--redis")
    args = parser.parse_args()
    asyncio.run(serve(args.port, args.redis))


if __name__ == "__main__":
    main()
