"""Chat beside the bare relay, in one run with one client harness (issue 17).

The portal runs as in production (daphne, DEBUG off, PostgreSQL, the Redis channel layer, the
per-member limits lifted by benchmarks.settings); the floor is benchmarks.chat_floor, a bare
`websockets` server relaying each frame to every socket of its room (over Redis pub/sub when
two processes share a room). The clients are `websockets` clients in one asyncio loop of this
process; members sign in by session cookies written straight into the session store. Measured
against both, in this order:

* delivery with 1, 50 and 200 sockets in the channel: one member posts --paced messages at
  --rate per second (on a clock, not waiting for answers); per message, the time from sending
  until the last socket has it (p50, p95); frames that never arrived (lost); with one socket
  this is the round trip;
* 1,000 distinct members connecting (--parallel handshakes at a time): the time until every
  socket is in (it has answered a probe frame), handshakes that failed, and the server's
  memory per idle connection (RSS with all connected minus before, per socket);
* the burst: --burst messages from --senders members as fast as they can into the
  200-member channel: accepted per second (the portal: until all are stored; the floor, which
  stores nothing: until each sender has its own back), frames the fan-out dropped (missing at
  any socket once nothing arrived for a second; nothing is resumed), and how long until every
  socket had every one;
* two processes: the same paced delivery with the sender on one server and the 200 members
  on the other, one Redis between them; lost frames and frames out of order counted.

Results go to docs/benchmarks.md between the chat markers.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import chat_seed, harness
from benchmarks.report import write_section

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/15"
CHANNEL = "bench"
PREFIX = "bench-chat"
SIZES = (1, 50, 200)
SETTLE_SECONDS = 2.0
PING = json.dumps({"type": "ping"})


def prepare(count: int) -> list[str]:
    """`count` people in one private channel with an empty history; their session cookies."""
    users = chat_seed.members(PREFIX, count)
    channel = chat_seed.fresh_channels([CHANNEL], name="Benchmark")[CHANNEL]
    chat_seed.seat([(channel, user) for user in users])
    return chat_seed.session_cookies(users)


# --- servers ------------------------------------------------------------------------------


@dataclass
class Server:
    port: int
    process: subprocess.Popen

    def rss_kib(self) -> int:
        return sum(harness.rss_kib(pid) for pid in harness.process_tree(self.process.pid))


@contextlib.contextmanager
def floor_servers(count: int, redis_url: str | None) -> Iterator[list[Server]]:
    servers = []
    try:
        for _ in range(count):
            port = harness.free_port()
            command = [sys.executable, "-m", "benchmarks.chat_floor", "--port", str(port)]
            if redis_url:
                command += ["--redis", redis_url]
            process = subprocess.Popen(command, cwd=harness.ROOT)  # noqa: S603 - our own module
            servers.append(Server(port, process))
            harness.wait_until_listening(port, process)
        yield servers
    finally:
        for server in servers:
            server.process.terminate()
            server.process.wait(timeout=15)


@contextlib.contextmanager
def portal_servers(count: int, environment: dict[str, str]) -> Iterator[list[Server]]:
    with contextlib.ExitStack() as stack:
        yield [
            Server(running.port, running.process)
            for running in (
                stack.enter_context(
                    harness.running_server("daphne", "portal.asgi:application", environment)
                )
                for _ in range(count)
            )
        ]


# --- clients ------------------------------------------------------------------------------


@dataclass
class Member:
    cookie: str
    port: int
    arrivals: dict[str, float] = field(default_factory=dict)
    ids: list[int] = field(default_factory=list)
    probed: asyncio.Event = field(default_factory=asyncio.Event)
    socket: object = None
    reader: asyncio.Task | None = None
    last_frame: float = 0.0

    async def connect(self) -> None:
        from websockets.asyncio.client import connect

        self.socket = await connect(
            f"ws://127.0.0.1:{self.port}/ws/chat/{CHANNEL}/",
            origin=f"http://127.0.0.1:{self.port}",
            additional_headers={"Cookie": self.cookie},
            max_queue=None,
            open_timeout=60,
            ping_interval=None,
            compression=None,
        )
        self.reader = asyncio.create_task(self.read())
        await self.socket.send(PING)

    async def read(self) -> None:
        from websockets.exceptions import ConnectionClosed

        with contextlib.suppress(ConnectionClosed):
            async for raw in self.socket:
                now = time.perf_counter()
                self.last_frame = now
                frame = json.loads(raw)
                kind = frame.get("type")
                if kind == "message":
                    client_id = frame.get("client_id")
                    if client_id and client_id not in self.arrivals:
                        self.arrivals[client_id] = now
                        if frame.get("id") is not None:
                            self.ids.append(frame["id"])
                elif kind in ("pong", "error"):  # the floor's answer, the portal's unknown_type
                    self.probed.set()

    async def send(self, client_id: str) -> None:
        body = {"type": "message", "body": f"Nachricht {client_id}", "client_id": client_id}
        await self.socket.send(json.dumps(body))

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()
        if self.reader is not None:
            await self.reader


async def connect_all(members: list[Member], parallel: int) -> int:
    """Everybody in (probe answered), `parallel` at a time; returns the failed handshakes."""
    gate = asyncio.Semaphore(parallel)
    failures = 0

    async def one(member: Member) -> None:
        nonlocal failures
        async with gate:
            for _attempt in range(5):
                try:
                    await member.connect()
                    await asyncio.wait_for(member.probed.wait(), timeout=60)
                    return
                except (OSError, TimeoutError, Exception):  # counted: any failed handshake
                    failures += 1
                    await asyncio.sleep(0.5)

    await asyncio.gather(*(one(member) for member in members))
    return failures


async def quiet(members: list[Member], seconds: float, limit: float = 120) -> None:
    """Until no member got a frame for `seconds` (history and presence waves are over)."""
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        last = max((member.last_frame for member in members), default=0.0)
        if time.perf_counter() - last > seconds:
            return
        await asyncio.sleep(0.05)


async def arrived(
    members: list[Member], client_ids: list[str], grace: float = 5.0
) -> dict[str, float]:
    """When the last member had each message; waits until all or `grace` s without progress."""
    last_total, last_change = -1, time.perf_counter()
    while True:
        total = sum(1 for m in members for c in client_ids if c in m.arrivals)
        if total == len(members) * len(client_ids):
            break
        if total != last_total:
            last_total, last_change = total, time.perf_counter()
        elif time.perf_counter() - last_change > grace:
            break
        await asyncio.sleep(0.005)
    return {
        client_id: max(member.arrivals[client_id] for member in members)
        for client_id in client_ids
        if all(client_id in member.arrivals for member in members)
    }


def lost(members: list[Member], client_ids: list[str]) -> int:
    return sum(1 for m in members for c in client_ids if c not in m.arrivals)


def out_of_order(members: list[Member]) -> int:
    return sum(
        sum(1 for earlier, later in zip(m.ids, m.ids[1:], strict=False) if later < earlier)
        for m in members
    )


async def paced(sender: Member, receivers: list[Member], tag: str, args) -> dict:
    """--paced messages at --rate per second; delivery to the last receiver per message."""
    client_ids = [f"{tag}-{number}" for number in range(args.paced)]
    sent: dict[str, float] = {}
    started = time.perf_counter()
    for number, client_id in enumerate(client_ids):
        await asyncio.sleep(max(0.0, started + number / args.rate - time.perf_counter()))
        sent[client_id] = time.perf_counter()
        await sender.send(client_id)
    last = await arrived(receivers, client_ids)
    latencies = [last[client_id] - sent[client_id] for client_id in last]
    return {
        "p50": harness.percentile(latencies, 0.5) * 1000,
        "p95": harness.percentile(latencies, 0.95) * 1000,
        "lost": lost(receivers, client_ids),
        "out_of_order": out_of_order(receivers),
    }


async def stored(prefix: str, count: int) -> float:
    """When `count` messages whose client_id starts with the prefix are in the database."""
    from chat.models import Message

    def counted() -> int:
        return Message.objects.filter(client_id__startswith=prefix).count()

    deadline = time.perf_counter() + 300
    while await asyncio.to_thread(counted) < count and time.perf_counter() < deadline:
        await asyncio.sleep(0.005)
    return time.perf_counter()


async def burst(members: list[Member], tag: str, args, floor: bool) -> dict:
    senders = members[: args.senders]
    per_sender = args.burst // len(senders)
    plans = [[f"{tag}-{s}-{n}" for n in range(per_sender)] for s in range(len(senders))]
    everything = [client_id for plan in plans for client_id in plan]
    started = time.perf_counter()

    async def send_all(sender: Member, client_ids: list[str]) -> float:
        for client_id in client_ids:
            await sender.send(client_id)
        back = await arrived([sender], client_ids, grace=10.0)
        return max(back.values(), default=time.perf_counter())

    sending = asyncio.gather(*(send_all(s, ids) for s, ids in zip(senders, plans, strict=True)))
    # The portal has accepted a message once it is stored; the floor stores nothing, so its
    # figure is when each sender had all of its own back.
    accepted = max(await sending) if floor else await stored(f"{tag}-", len(everything))
    if not floor:
        await sending
    last = await arrived(members, everything, grace=1.0)
    return {
        "messages": len(everything),
        "accepted": len(everything) / (accepted - started),
        "dropped": lost(members, everything),
        "all_seconds": (max(last.values()) - started) if len(last) == len(everything) else None,
    }


async def measure(servers: list[Server], cookies: list[str], args, floor: bool) -> dict:
    tag = "floor" if floor else "portal"
    one = servers[0]
    results: dict = {"delivery": {}}

    # Warm: imports, thread pools and connections made on first use are not measured.
    warm = Member(cookies[0], one.port)
    await warm.connect()
    await warm.send(f"{tag}-warm")
    await arrived([warm], [f"{tag}-warm"])
    await warm.close()
    await asyncio.sleep(SETTLE_SECONDS)

    for size in SIZES:
        members = [Member(cookie, one.port) for cookie in cookies[:size]]
        await connect_all(members, args.parallel)
        await quiet(members, 1.5)
        results["delivery"][size] = await paced(members[0], members, f"{tag}-n{size}", args)
        if size == max(SIZES):
            results["burst"] = await burst(members, f"{tag}-burst", args, floor)
        for member in members:
            await member.close()
        await asyncio.sleep(SETTLE_SECONDS)

    members = [Member(cookie, one.port) for cookie in cookies[: args.connections]]
    before = one.rss_kib()
    started = time.perf_counter()
    failures = await connect_all(members, args.parallel)
    connect_seconds = time.perf_counter() - started
    await quiet(members, SETTLE_SECONDS)
    after = one.rss_kib()
    results["connect"] = {
        "members": len(members),
        "seconds": connect_seconds,
        "failures": failures,
        "kib_per_connection": (after - before) / len(members),
        "rss_mib": after / 1024,
    }
    for member in members:
        await member.close()
    await asyncio.sleep(SETTLE_SECONDS)

    if len(servers) > 1:
        sender = Member(cookies[0], servers[0].port)
        receivers = [Member(cookie, servers[1].port) for cookie in cookies[1 : max(SIZES) + 1]]
        await connect_all([sender, *receivers], args.parallel)
        await quiet([sender, *receivers], 1.5)
        results["two"] = await paced(sender, receivers, f"{tag}-two", args)
        for member in (sender, *receivers):
            await member.close()
    return results


def run(kind: str, cookies: list[str], args, environment: dict[str, str]) -> dict:
    if kind == "floor":
        with floor_servers(2, args.redis_url) as servers:
            return asyncio.run(measure(servers, cookies, args, floor=True))
    with portal_servers(2, environment) as servers:
        return asyncio.run(measure(servers, cookies, args, floor=False))


# --- report -------------------------------------------------------------------------------


def report(portal: dict, floor: dict, args, started: str) -> str:
    def times(ours: float, bare: float) -> str:
        return harness.ratio(ours, bare)

    lines = [
        "## Chat",
        "",
        f"`python -m benchmarks.chat` ({started}); layer `{args.layer_name}`. daphne as in "
        "production (DEBUG off, PostgreSQL, the Redis channel layer, limits lifted as in "
        "benchmarks/settings.py, 50 messages of history on connect) beside the floor, a bare "
        "`websockets` relay (`benchmarks/chat_floor.py`: each frame to every socket of the "
        "room, over Redis pub/sub between two processes), with the same clients: `websockets` "
        "in one asyncio loop on the same machine. Delivery: one member posts "
        f"{args.paced} messages at {args.rate:g}/s; per message the time until the last socket "
        "has it. *× floor* is the portal's time (or memory) over the floor's, or the floor's "
        "rate over the portal's.",
        "",
        "| figure | floor | portal | × floor | lost (floor / portal) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for size in SIZES:
        ours, bare = portal["delivery"][size], floor["delivery"][size]
        name = "round trip" if size == 1 else "delivery"
        for quantile in ("p50", "p95"):
            lines.append(
                f"| {size} socket{'s' if size > 1 else ''}: {name} {quantile} "
                f"| {bare[quantile]:.1f} ms | {ours[quantile]:.1f} ms "
                f"| {times(ours[quantile], bare[quantile])} | {bare['lost']} / {ours['lost']} |"
            )
    pc, fc = portal["connect"], floor["connect"]
    lines += [
        f"| {pc['members']} distinct members connecting ({args.parallel} at a time) "
        f"| {fc['seconds']:.1f} s | {pc['seconds']:.1f} s | {times(pc['seconds'], fc['seconds'])} "
        f"| {fc['failures']} / {pc['failures']} failed handshakes |",
        f"| memory per idle connection ({pc['members']} connected) "
        f"| {fc['kib_per_connection']:.0f} KiB | {pc['kib_per_connection']:.0f} KiB "
        f"| {times(pc['kib_per_connection'], fc['kib_per_connection'])} | |",
        f"| server RSS with {pc['members']} connected | {fc['rss_mib']:.0f} MiB "
        f"| {pc['rss_mib']:.0f} MiB | {times(pc['rss_mib'], fc['rss_mib'])} | |",
    ]
    pb, fb = portal["burst"], floor["burst"]
    lines.append(
        f"| burst: {pb['messages']} messages from {args.senders} senders into {max(SIZES)} "
        f"members, accepted | {fb['accepted']:.0f} msg/s | {pb['accepted']:.0f} msg/s "
        f"| {harness.ratio(fb['accepted'], pb['accepted'])} "
        f"| {fb['dropped']} / {pb['dropped']} dropped |"
    )
    if pb["all_seconds"] and fb["all_seconds"]:
        lines.append(
            f"| burst: until all {max(SIZES)} had all {pb['messages']} "
            f"| {fb['all_seconds'] * 1000:.0f} ms | {pb['all_seconds'] * 1000:.0f} ms "
            f"| {times(pb['all_seconds'], fb['all_seconds'])} | |"
        )
    pt, ft = portal["two"], floor["two"]
    for quantile in ("p50", "p95"):
        lines.append(
            f"| two processes, sender on one, {max(SIZES)} members on the other: "
            f"delivery {quantile} | {ft[quantile]:.1f} ms | {pt[quantile]:.1f} ms "
            f"| {times(pt[quantile], ft[quantile])} | {ft['lost']} / {pt['lost']} |"
        )
    lines += [
        "",
        f"Out of order across the two processes: floor {ft['out_of_order']}, portal "
        f"{pt['out_of_order']} (frames with a lower id after a higher one, over "
        f"{max(SIZES)} members).",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--paced", type=int, default=100)
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--parallel", type=int, default=50)
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--senders", type=int, default=10)
    parser.add_argument("--database-url", default=harness.DEFAULT_DATABASE_URL)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL)
    parser.add_argument(
        "--layer",
        choices=("core", "pubsub"),
        default="core",
        help="channels-redis layer of the portal (CHANNEL_LAYER in the settings)",
    )
    parser.add_argument("--only", choices=("portal", "floor"), help="measure one side only")
    parser.add_argument("--quick", action="store_true", help="small numbers: a smoke run")
    parser.add_argument("--output", type=Path, default=harness.ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    if args.quick:
        args.paced, args.connections, args.burst = 20, 60, 40
    args.layer_name = args.layer
    started = harness.machine()
    harness.ensure_database(args.database_url)
    harness.flush_redis(args.redis_url)
    harness.setup_django(args.database_url, args.redis_url)
    from django.core.management import call_command
    from django.db import connections

    call_command("migrate", verbosity=0, interactive=False)
    cookies = prepare(max(args.connections, max(SIZES) + 1))
    connections.close_all()
    environment = harness.server_environment(args.database_url, args.redis_url)
    environment["CHANNEL_LAYER"] = args.layer
    if args.only != "floor":
        harness.collect_static(environment)
    results = {}
    for kind in ("floor", "portal"):
        if args.only in (None, kind):
            results[kind] = run(kind, cookies, args, environment)
            print(kind, json.dumps(results[kind], indent=1), flush=True)
    if args.only:
        return
    text = report(results["portal"], results["floor"], args, started)
    if not args.quick:
        write_section(args.output, "chat", text)
    print(text)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
