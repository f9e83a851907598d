"""Chat benchmark: 1, 50 and 200 clients in one channel on daphne with the Redis channel layer.

For each size: how many messages per second the server accepts (one member sends a burst; a
message counts once it is stored and its frame is back at the sender), how long a message takes
until every connected client has it (p50 and p95 over paced messages), and how much the server
process grows per idle connection (RSS after connecting minus before, divided by the clients).

daphne runs as a child process of this script (`--serve`), so that its memory is its own; the
clients run here, in one asyncio loop, with the websockets library. The database is a temporary
SQLite file unless --database-url says otherwise; the channel layer and the cache use REDIS_URL,
by default Redis database 15, which the benchmark empties before it starts. Results go to
docs/benchmarks.md between the chat markers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.report import write_section

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REDIS = "redis://127.0.0.1:6379/15"
SIZES = (1, 50, 200)
CHANNEL = "bench"
SETTLE_SECONDS = 2.0


def configure(database_url: str | None, redis_url: str) -> None:
    if not database_url:
        database_url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'chat-bench.sqlite3'}"
    os.environ["DATABASE_URL"] = database_url
    os.environ["REDIS_URL"] = redis_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    sys.path.insert(0, str(ROOT))


def setup_django() -> None:
    import django

    django.setup()
    from django.conf import settings

    # The benchmark measures the server, not the spam protection.
    settings.CHAT_RATE_LIMIT = 10**9
    settings.CHAT_HISTORY_ON_CONNECT = 0


def serve(port: int) -> None:
    """The child process: daphne on the port, nothing else."""
    setup_django()
    from daphne.server import Server

    from portal.asgi import application

    Server(
        application=application,
        endpoints=[f"tcp:port={port}:interface=127.0.0.1"],
        signal_handlers=True,
    ).run()


def prepare(clients: int) -> list[str]:
    """A channel with `clients` members; returns their session cookies."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from chat.models import Channel, ChannelMembership
    from tests.factories import UserFactory

    call_command("migrate", verbosity=0, interactive=False)
    cache.clear()  # the benchmark's own Redis database
    channel, _ = Channel.objects.get_or_create(
        slug=CHANNEL, defaults={"name": "Benchmark", "kind": Channel.Kind.PRIVATE}
    )
    channel.messages.all().delete()  # client ids of an earlier run would count as resends
    cookies = []
    for number in range(clients):
        user = get_user_model().objects.filter(username=f"bench{number}").first()
        user = user or UserFactory(username=f"bench{number}")
        ChannelMembership.objects.get_or_create(channel=channel, user=user)
        client = Client()
        client.force_login(user)
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={client.cookies['sessionid'].value}")
    return cookies


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


class Member:
    def __init__(self, socket) -> None:
        self.socket = socket
        self.arrivals: dict[str, float] = {}
        self.online = 0
        self.reader = asyncio.create_task(self.read())

    async def read(self) -> None:
        async for raw in self.socket:
            frame = json.loads(raw)
            if frame["type"] == "message" and frame.get("client_id"):
                self.arrivals[frame["client_id"]] = time.perf_counter()
            elif frame["type"] == "presence":
                self.online = len(frame["online"])


async def wait_for(members: list[Member], client_id: str, timeout: float = 30.0) -> float:
    deadline = time.perf_counter() + timeout
    while True:
        missing = [member for member in members if client_id not in member.arrivals]
        if not missing:
            return max(member.arrivals[client_id] for member in members)
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{client_id} reached {len(members) - len(missing)} clients")
        await asyncio.sleep(0.001)


async def measure(port: int, pid: int, cookies: list[str], burst: int, paced: int) -> dict:
    from websockets.asyncio.client import connect

    url = f"ws://127.0.0.1:{port}/ws/chat/{CHANNEL}/"
    origin = f"http://127.0.0.1:{port}"
    # One round trip first, so that imports, thread pools and Redis connections made on first
    # use are not counted as the cost of the connections measured.
    async with connect(url, origin=origin, additional_headers={"Cookie": cookies[0]}) as warm:
        await warm.send(json.dumps({"type": "message", "body": "warm", "client_id": "warm"}))
        while json.loads(await warm.recv()).get("client_id") != "warm":
            pass
    await asyncio.sleep(SETTLE_SECONDS)
    before = rss_kib(pid)
    sockets = []
    for cookie in cookies:
        sockets.append(
            await connect(url, origin=origin, additional_headers={"Cookie": cookie}, max_queue=None)
        )
    members = [Member(socket) for socket in sockets]
    # Every arrival tells everybody who is online; measure once that wave has passed.
    while any(member.online < len(members) for member in members):
        await asyncio.sleep(0.05)
    await asyncio.sleep(SETTLE_SECONDS)
    after = rss_kib(pid)
    sender = members[0]
    tag = f"n{len(members)}"

    started = time.perf_counter()
    for number in range(burst):
        body = {"type": "message", "body": f"Burst {number}", "client_id": f"{tag}-b{number}"}
        await sender.socket.send(json.dumps(body))
    await wait_for([sender], f"{tag}-b{burst - 1}", timeout=120)
    accepted_per_second = burst / (time.perf_counter() - started)
    await wait_for(members, f"{tag}-b{burst - 1}", timeout=120)

    latencies = []
    for number in range(paced):
        client_id = f"{tag}-p{number}"
        sent = time.perf_counter()
        await sender.socket.send(
            json.dumps({"type": "message", "body": "Hallo", "client_id": client_id})
        )
        latencies.append((await wait_for(members, client_id)) - sent)
    for member in members:
        await member.socket.close()
        member.reader.cancel()
    latencies.sort()
    return {
        "clients": len(members),
        "accepted_per_second": accepted_per_second,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        "kib_per_connection": (after - before) / len(members),
        "rss_idle_mib": after / 1024,
    }


def wait_until_listening(port: int, process: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("daphne exited")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("daphne did not start")


def run_size(clients: int, cookies: list[str], burst: int, paced: int) -> dict:
    """A fresh server per size, so that each memory figure starts from the same state."""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - this script, by the running interpreter
        [sys.executable, "-m", "benchmarks.chat", "--serve", str(port)],
        cwd=ROOT,
        env=os.environ.copy(),
    )
    try:
        wait_until_listening(port, process)
        return asyncio.run(measure(port, process.pid, cookies[:clients], burst, paced))
    finally:
        process.terminate()
        process.wait(timeout=10)


def report(rows: list[dict], vendor: str, burst: int, paced: int) -> str:
    lines = [
        "## Chat",
        "",
        f"`make bench`: one channel on daphne (one process) with the Redis channel layer, "
        f"{vendor} database; clients with the websockets library in one asyncio loop on the same "
        f"machine. Accepted: a burst of {burst} messages from one member, counted until the last "
        f"one is stored and back at the sender. Delivery: {paced} messages sent one at a time, "
        "time until every connected client has each. Memory: daphne's RSS after connecting the "
        "clients minus before, per connection.",
        "",
        "| clients | messages/s accepted | delivery p50 ms | delivery p95 ms "
        "| KiB per idle connection | daphne RSS MiB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [
        f"| {row['clients']} | {row['accepted_per_second']:.0f} | {row['p50_ms']:.1f} "
        f"| {row['p95_ms']:.1f} | {row['kib_per_connection']:.0f} | {row['rss_idle_mib']:.0f} |"
        for row in rows
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS))
    parser.add_argument("--burst", type=int, default=300)
    parser.add_argument("--paced", type=int, default=50)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    configure(args.database_url, args.redis_url)
    setup_django()
    from django.db import connection

    cookies = prepare(max(SIZES))
    vendor = connection.vendor
    connection.close()
    rows = [run_size(size, cookies, args.burst, args.paced) for size in SIZES]
    text = report(rows, vendor, args.burst, args.paced)
    write_section(args.output, "chat", text)
    print(text)


if __name__ == "__main__":
    main()
