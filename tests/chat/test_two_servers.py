"""Two portal processes on one Redis: a member on one gets every message sent through the other.

This is how the chat scales out (more daphne processes behind the proxy), so it is tested with
real servers: two daphne processes as in production, a database of their own (a SQLite file,
or a fresh PostgreSQL database where DATABASE_URL names one) and Redis database 12 as their
channel layer and cache, with `websockets` clients.
"""

from __future__ import annotations

import asyncio
import json
import subprocess

import pytest

from tests.concurrency.site import Database
from tests.faults.services import PYTHON, ROOT, PortalServer, manage, portal_environment

REDIS_URL = "redis://127.0.0.1:6379/12"
MESSAGES = 30


def _redis_or_skip() -> None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).flushdb()
    except redis.RedisError as error:
        pytest.skip(f"two chat servers need Redis at {REDIS_URL}: {error}")


@pytest.fixture(scope="module")
def two_servers():
    _redis_or_skip()
    database = Database.create()
    env = portal_environment(
        database.url,
        DJANGO_SETTINGS_MODULE="tests.concurrency.server_settings",
        REDIS_URL=REDIS_URL,
        ALLOWED_HOSTS="127.0.0.1",
    )
    servers: list[PortalServer] = []
    try:
        manage("migrate", "--noinput", "--verbosity", "0", env=env, timeout=900)
        made = subprocess.run(  # noqa: S603 - our own module
            [PYTHON, "-m", "tests.chat.two_servers_scenario"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        keys = json.loads(made.stdout.splitlines()[-1])
        for _ in range(2):
            server = PortalServer(env=env)
            server.start()
            servers.append(server)
        yield servers, keys
    finally:
        for server in servers:
            server.stop()
        database.drop()


async def _socket(server: PortalServer, key: str):
    from websockets.asyncio.client import connect

    return await connect(
        f"ws://127.0.0.1:{server.port}/ws/chat/zwei/",
        origin=server.base,
        additional_headers={"Cookie": f"sessionid={key}"},
        open_timeout=60,
    )


async def _until(socket, predicate, timeout: float = 30) -> dict:
    while True:
        frame = json.loads(await asyncio.wait_for(socket.recv(), timeout=timeout))
        if predicate(frame):
            return frame


def test_it_delivers_every_message_sent_through_one_server_to_members_on_the_other(two_servers):
    (first, second), keys = two_servers

    async def scenario():
        sender = await _socket(first, keys[0])
        readers = [await _socket(second, key) for key in keys[1:]]
        # Everyone is in once the presence frame lists them all (it reads every server's sockets).
        await _until(readers[-1], lambda f: f["type"] == "presence" and len(f["online"]) == 6)
        for number in range(MESSAGES):
            await sender.send(json.dumps({"type": "message", "body": f"Nr. {number}"}))
        seen = []
        for reader in readers:
            bodies = []
            while len(bodies) < MESSAGES:
                frame = await _until(reader, lambda f: f["type"] == "message")
                bodies.append((frame["id"], frame["body"]))
            seen.append(bodies)
        for socket in (sender, *readers):
            await socket.close()
        return seen

    seen = asyncio.run(scenario())
    expected = [(number + 1, f"Nr. {number}") for number in range(MESSAGES)]
    assert seen == [expected] * (len(keys) - 1)
