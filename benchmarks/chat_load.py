"""Chat under load: 500 members connected over 10 channels, 200 of them in one, on daphne.

daphne serves the portal as in production (PostgreSQL, the Redis channel layer, DEBUG off) as a
subprocess; the members are websockets clients in this process, signed in with sessions written
straight into the session store. Measured, in this order, on one server:

* memory per idle connection: daphne's RSS after all members connected minus before, per socket;
* accepted messages per second: --senders members of the big channel send --burst messages as
  fast as they can; a message is accepted once it is stored and back at its sender;
* delivery latency: --paced messages one at a time, each until all members of the big channel
  have it (p50, p95);
* resume: --resume-clients members drop, --resume-messages are sent, they reconnect and send
  `resume` with the last id they had; every member of the big channel must then hold every id,
  gapless (lost messages counted over the whole run);
* soak: --soak connect/disconnect cycles; RSS before (baseline), highest while cycling (peak),
  and after (end).

The floor is benchmarks.floor:echo on the same daphne with the same clients: a raw WebSocket
room that sends each frame back to every socket on the same path. Results go to
docs/benchmarks.md between the chat-load markers.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import chat_seed, harness
from benchmarks.report import write_section

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"
PREFIX = "bench-load"
SETTLE_SECONDS = 2.0


@dataclass
class Seat:
    """One member: where they sit and how they sign in."""

    channel: str
    cookie: str


def prepare(members: int, channels: int, big: int) -> list[Seat]:
    """`members` users in `channels` private channels, `big` of them in the first one."""
    users = chat_seed.members(PREFIX, members, first_name="Last")
    slugs = [f"{PREFIX}-{number}" for number in range(channels)]
    rooms = chat_seed.fresh_channels(slugs)
    seats = []
    for number, user in enumerate(users):
        if number < big or channels == 1:
            slug = slugs[0]
        else:
            slug = slugs[1 + (number - big) % (channels - 1)]
        seats.append((rooms[slug], user))
    chat_seed.seat(seats)
    cookies = chat_seed.session_cookies(users)
    pairs = zip(seats, cookies, strict=True)
    return [Seat(channel.slug, cookie) for (channel, _user), cookie in pairs]


class Member:
    """A client socket that remembers every message id and the arrival of every client_id."""

    def __init__(self, seat: Seat, base: str) -> None:
        self.seat = seat
        self.url = f"ws://{base}/ws/chat/{seat.channel}/"
        self.origin = f"http://{base}"
        self.ids: set[int] = set()
        self.arrivals: dict[str, float] = {}
        self.online = 0
        self.socket = None
        self.reader: asyncio.Task | None = None

    async def connect(self, resume_after: int | None = None) -> None:
        from websockets.asyncio.client import connect

        self.socket = await connect(
            self.url,
            origin=self.origin,
            additional_headers={"Cookie": self.seat.cookie},
            max_queue=None,
            open_timeout=60,
            ping_interval=None,
        )
        if resume_after is not None:
            await self.socket.send(json.dumps({"type": "resume", "after": resume_after}))
        self.reader = asyncio.create_task(self.read(self.socket))

    async def read(self, socket) -> None:
        from websockets.exceptions import ConnectionClosed

        with contextlib.suppress(ConnectionClosed):
            async for raw in socket:
                frame = json.loads(raw)
                if frame.get("type") == "message":
                    if frame.get("id") is not None:
                        self.ids.add(frame["id"])
                    if frame.get("client_id"):
                        self.arrivals.setdefault(frame["client_id"], time.perf_counter())
                elif frame.get("type") == "presence":
                    self.online = len(frame["online"])

    async def send(self, client_id: str) -> None:
        body = {"type": "message", "body": f"Nachricht {client_id}", "client_id": client_id}
        await self.socket.send(json.dumps(body))

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()
        if self.reader is not None:
            await self.reader


async def wait_for(members: list[Member], client_ids: list[str], timeout: float = 120) -> float:
    """When the last of `members` had the last of `client_ids`."""
    deadline = time.perf_counter() + timeout
    while True:
        if all(client_id in member.arrivals for member in members for client_id in client_ids):
            return max(member.arrivals[client_id] for member in members for client_id in client_ids)
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{client_ids[-1]} did not reach all {len(members)} members")
        await asyncio.sleep(0.002)


async def stored_after(prefix: str, count: int, started: float) -> float:
    """Seconds from `started` until `count` messages with the prefix are in the database."""
    from chat.models import Message

    def stored() -> int:
        return Message.objects.filter(client_id__startswith=prefix).count()

    deadline = time.perf_counter() + 600
    while await asyncio.to_thread(stored) < count:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"fewer than {count} messages stored")
        await asyncio.sleep(0.01)
    return time.perf_counter() - started


async def fan_out(members: list[Member], client_ids: list[str], quiet: float) -> tuple[float, int]:
    """When every member had every message, and how many frames the fan-out dropped.

    channels-redis drops a group message for a consumer whose queue is full (100 by default);
    like chat.js, a member still missing messages once nothing has arrived for `quiet` seconds
    asks for them with `resume`.
    """
    expected = len(members) * len(client_ids)
    dropped = 0
    last_total, last_change = -1, time.perf_counter()
    deadline = last_change + 600
    while True:
        total = sum(1 for m in members for client_id in client_ids if client_id in m.arrivals)
        now = time.perf_counter()
        if total == expected:
            return max(m.arrivals[c] for m in members for c in client_ids), dropped
        if now > deadline:
            raise TimeoutError(f"{expected - total} frames never arrived")
        if total != last_total:
            last_total, last_change = total, now
        elif now - last_change > quiet:
            if not any(member.ids for member in members):
                raise TimeoutError("frames were dropped and the floor cannot resume")
            dropped = dropped or expected - total
            for member in members:
                if any(client_id not in member.arrivals for client_id in client_ids):
                    after = min(member.ids) - 1 if member.ids else 0
                    await member.socket.send(json.dumps({"type": "resume", "after": after}))
            last_change = now
        await asyncio.sleep(0.05)


async def connect_all(members: list[Member], parallel: int = 20) -> int:
    """Connect everybody, `parallel` handshakes at a time; returns how many had to retry.

    daphne drops a handshake the application has not accepted within 5 s
    (--websocket_connect_timeout); a browser then reconnects, and so does this client.
    """
    from websockets.exceptions import InvalidHandshake

    gate = asyncio.Semaphore(parallel)
    retries = 0

    async def one(member: Member) -> None:
        nonlocal retries
        async with gate:
            for _attempt in range(5):
                try:
                    await member.connect()
                    return
                except (InvalidHandshake, OSError, TimeoutError):
                    retries += 1
                    await asyncio.sleep(0.5)
            await member.connect()

    await asyncio.gather(*(one(member) for member in members))
    return retries


async def settled(members: list[Member], floor: bool, sizes: dict[str, int]) -> None:
    """Until every member saw everybody of their channel online (the presence wave is over)."""
    if not floor:
        deadline = time.perf_counter() + 120
        while any(member.online < sizes[member.seat.channel] for member in members):
            if time.perf_counter() > deadline:
                raise TimeoutError("presence did not settle")
            await asyncio.sleep(0.05)
    await asyncio.sleep(SETTLE_SECONDS)


async def soak(
    server: harness.Server, seats: list[Seat], base: str, args: argparse.Namespace, floor: bool
) -> dict:
    """Connect, wait for the server's first frame, disconnect; `cycles` times in all.

    The portal speaks first (history, presence); the floor only answers, so it gets a frame.
    """
    from websockets.asyncio.client import connect

    baseline = server.rss_kib()
    peak = baseline
    remaining = iter(range(args.soak))
    failures = 0

    async def worker() -> None:
        nonlocal failures
        for number in remaining:
            seat = seats[number % len(seats)]
            try:
                async with connect(
                    f"ws://{base}/ws/chat/{seat.channel}/",
                    origin=f"http://{base}",
                    additional_headers={"Cookie": seat.cookie},
                    open_timeout=60,
                ) as socket:
                    if floor:
                        await socket.send(json.dumps({"type": "message", "body": "Hallo"}))
                    await asyncio.wait_for(socket.recv(), timeout=60)
            except Exception:  # counted and reported; one failed cycle must not end the soak
                failures += 1

    async def sample() -> None:
        nonlocal peak
        while True:
            peak = max(peak, server.rss_kib())
            await asyncio.sleep(0.2)

    sampler = asyncio.create_task(sample())
    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(args.soak_parallel)))
    elapsed = time.perf_counter() - started
    sampler.cancel()
    await asyncio.sleep(SETTLE_SECONDS * 2)
    return {
        "baseline_mib": baseline / 1024,
        "peak_mib": max(peak, server.rss_kib()) / 1024,
        "end_mib": server.rss_kib() / 1024,
        "cycles_per_second": args.soak / elapsed,
        "failures": failures,
    }


async def run(server: harness.Server, seats: list[Seat], args: argparse.Namespace, floor: bool):
    base = f"127.0.0.1:{server.port}"
    sizes: dict[str, int] = {}
    for seat in seats:
        sizes[seat.channel] = sizes.get(seat.channel, 0) + 1
    big_channel = seats[0].channel
    tag = "floor" if floor else "chat"

    warm = Member(seats[0], base)
    await warm.connect()
    await warm.send(f"{tag}-warm")
    await wait_for([warm], [f"{tag}-warm"])
    await warm.close()
    await asyncio.sleep(SETTLE_SECONDS)

    before = server.rss_kib()
    members = [Member(seat, base) for seat in seats]
    connect_started = time.perf_counter()
    retries = await connect_all(members)
    connect_seconds = time.perf_counter() - connect_started
    await settled(members, floor, sizes)
    after = server.rss_kib()
    big = [member for member in members if member.seat.channel == big_channel]

    senders = big[: args.senders]
    per_sender = max(1, args.burst // len(senders))
    plans = [[f"{tag}-b{s}-{n}" for n in range(per_sender)] for s in range(len(senders))]
    everything = [client_id for plan in plans for client_id in plan]
    started = time.perf_counter()

    async def burst(sender: Member, client_ids: list[str]) -> None:
        for client_id in client_ids:
            await sender.send(client_id)

    await asyncio.gather(*(burst(s, ids) for s, ids in zip(senders, plans, strict=True)))
    if floor:
        await wait_for(senders, everything[-1:])
        accepted = len(everything) / (time.perf_counter() - started)
    else:
        accepted = len(everything) / await stored_after(f"{tag}-b", len(everything), started)
    fanned, dropped = await fan_out(big, everything, args.quiet)
    delivered = len(everything) * len(big) / (fanned - started)

    latencies = []
    for number in range(args.paced):
        client_id = f"{tag}-p{number}"
        sent = time.perf_counter()
        await big[0].send(client_id)
        latencies.append((await wait_for(big, [client_id])) - sent)

    resume = None
    if not floor:
        resume = await resumed(big, args)

    for member in members:
        await member.close()
    await asyncio.sleep(SETTLE_SECONDS)
    small = [seat for seat in seats if seat.channel != big_channel] or seats
    soaked = await soak(server, small, base, args, floor)
    return {
        "connections": len(members),
        "connect_seconds": connect_seconds,
        "handshake_retries": retries,
        "kib_per_connection": (after - before) / len(members),
        "rss_connected_mib": after / 1024,
        "accepted": accepted,
        "dropped": dropped,
        "delivered": delivered,
        "p50": harness.percentile(latencies, 0.5) * 1000,
        "p95": harness.percentile(latencies, 0.95) * 1000,
        "resume": resume,
        "soak": soaked,
        "big": len(big),
    }


async def resumed(big: list[Member], args: argparse.Namespace) -> dict:
    """Drop some members, send, bring them back with `resume`; count ids anyone misses."""
    first = min(min(member.ids) for member in big if member.ids)
    leaving = big[args.senders : args.senders + args.resume_clients]
    last_seen = {id(member): max(member.ids) for member in leaving}
    for member in leaving:
        await member.close()
    staying = [member for member in big if member not in leaving]
    client_ids = [f"chat-r{number}" for number in range(args.resume_messages)]
    for client_id in client_ids:
        await staying[0].send(client_id)
    await wait_for(staying, client_ids)
    for member in leaving:
        await member.connect(resume_after=last_seen[id(member)])
    await wait_for(leaving, client_ids)
    last = max(staying[0].ids)
    expected = set(range(first, last + 1))
    lost = sum(len(expected - member.ids) for member in big)
    return {
        "dropped": len(leaving),
        "sent_while_away": len(client_ids),
        "ids": len(expected),
        "lost": lost,
    }


def measure(application: str, environment: dict, seats: list[Seat], args, floor: bool) -> dict:
    with harness.running_server("daphne", application, environment) as server:
        return asyncio.run(run(server, seats, args, floor))


def report(chat: dict, floor: dict, args: argparse.Namespace, started: str) -> str:
    resume = chat["resume"]

    def row(name: str, ours: float, bare: float, unit: str, digits: int = 0) -> str:
        cost = harness.ratio(bare, ours) if unit.endswith("/s") else harness.ratio(ours, bare)
        return f"| {name} | {ours:.{digits}f} {unit} | {bare:.{digits}f} {unit} | {cost} |"

    soak_chat, soak_floor = chat["soak"], floor["soak"]
    lines = [
        "## Chat under load",
        "",
        f"`python -m benchmarks.chat_load` ({started}). daphne (one process) serving the portal "
        "in production mode with the Redis channel layer and PostgreSQL; "
        f"{chat['connections']} members signed in by session cookie over {args.channels} "
        f"private channels, {chat['big']} of them in one; clients with the websockets library "
        "in one asyncio loop on the same 2 CPUs. The floor is a raw ASGI WebSocket room "
        "(`benchmarks.floor:echo`: every frame back to every socket on the same path) on the "
        "same daphne with the same clients; *× floor* is how many times the floor's cost the "
        "portal pays: its time or memory divided by the floor's, or the floor's rate divided by "
        "its rate.",
        "",
        "| figure | portal | floor | × floor |",
        "| --- | ---: | ---: | ---: |",
        row(
            f"connecting {chat['connections']} members",
            chat["connect_seconds"],
            floor["connect_seconds"],
            "s",
            1,
        ),
        row(
            "memory per idle connection",
            chat["kib_per_connection"],
            floor["kib_per_connection"],
            "KiB",
        ),
        row(
            f"daphne RSS with {chat['connections']} connected",
            chat["rss_connected_mib"],
            floor["rss_connected_mib"],
            "MiB",
        ),
        row(
            f"messages accepted per second ({args.senders} senders, {args.burst} messages)",
            chat["accepted"],
            floor["accepted"],
            "msg/s",
        ),
        f"| frames the fan-out dropped under the burst (recovered by `resume` after "
        f"{args.quiet:g} s without frames, as chat.js does) "
        f"| {chat['dropped']} | {floor['dropped']} | – |",
        row(
            f"frames delivered per second to the {chat['big']}-member channel",
            chat["delivered"],
            floor["delivered"],
            "frames/s",
        ),
        row(
            f"delivery to all {chat['big']} members, p50 ({args.paced} paced messages)",
            chat["p50"],
            floor["p50"],
            "ms",
            1,
        ),
        row(f"delivery to all {chat['big']} members, p95", chat["p95"], floor["p95"], "ms", 1),
        row(
            f"soak: {args.soak} connect/disconnect cycles per second",
            soak_chat["cycles_per_second"],
            soak_floor["cycles_per_second"],
            "/s",
        ),
        "",
        f"Resume: {resume['dropped']} members of the big channel dropped, "
        f"{resume['sent_while_away']} messages were sent meanwhile, they reconnected with "
        f"`resume`; over the run's {resume['ids']} message ids, **{resume['lost']} lost** "
        f"(ids missing at any of the {chat['big']} members).",
        "",
        f"Handshakes retried while connecting the members (daphne drops a handshake not "
        f"accepted within 5 s): portal {chat['handshake_retries']}, floor "
        f"{floor['handshake_retries']}.",
        "",
        f"Soak ({args.soak} cycles, {args.soak_parallel} at a time, each waiting for the "
        "server's first frame): daphne RSS",
        "",
        "| server | baseline MiB | peak MiB | end MiB | end − baseline MiB | failed cycles |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, soaked in (("portal", soak_chat), ("floor", soak_floor)):
        lines.append(
            f"| {name} | {soaked['baseline_mib']:.0f} | {soaked['peak_mib']:.0f} "
            f"| {soaked['end_mib']:.0f} | {soaked['end_mib'] - soaked['baseline_mib']:+.1f} "
            f"| {soaked['failures']} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=500)
    parser.add_argument("--channels", type=int, default=10)
    parser.add_argument("--big", type=int, default=200, help="members of the busiest channel")
    parser.add_argument("--senders", type=int, default=10)
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument(
        "--quiet",
        type=float,
        default=1.5,
        help="seconds without a frame before a member resumes what it misses (chat.js: 1.5)",
    )
    parser.add_argument("--paced", type=int, default=50)
    parser.add_argument("--resume-clients", type=int, default=20)
    parser.add_argument("--resume-messages", type=int, default=100)
    parser.add_argument("--soak", type=int, default=10_000)
    parser.add_argument("--soak-parallel", type=int, default=20)
    parser.add_argument("--database-url", default=harness.DEFAULT_DATABASE_URL)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL)
    parser.add_argument("--quick", action="store_true", help="20 members, 50 cycles: a smoke run")
    parser.add_argument("--output", type=Path, default=harness.ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    if args.quick:
        args.members, args.channels, args.big, args.senders, args.burst = 20, 2, 10, 2, 20
        args.paced, args.resume_clients, args.resume_messages = 5, 3, 5
        args.soak, args.soak_parallel = 50, 5
    started = harness.machine()
    harness.ensure_database(args.database_url)
    harness.flush_redis(args.redis_url)
    harness.setup_django(args.database_url, args.redis_url)
    from django.core.management import call_command
    from django.db import connections

    call_command("migrate", verbosity=0, interactive=False)
    seats = prepare(args.members, args.channels, args.big)
    connections.close_all()
    environment = harness.server_environment(args.database_url, args.redis_url)
    chat = measure("portal.asgi:application", environment, seats, args, floor=False)
    floor = measure("benchmarks.floor:echo", environment, seats, args, floor=True)
    text = report(chat, floor, args, started)
    write_section(args.output, "chat-load", text)
    print(text)
    if chat["resume"]["lost"]:
        raise SystemExit(f"{chat['resume']['lost']} messages lost")


if __name__ == "__main__":
    main()
