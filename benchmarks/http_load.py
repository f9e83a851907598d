"""Public pages under 20 concurrent users, served by daphne and by a uvicorn worker pool.

The portal runs as in production (PostgreSQL, Redis, DEBUG off) in a server started here as a
subprocess; the benchmark database holds the demo network grown to --actors actors. Virtual
users (aiohttp, one asyncio loop, keep-alive) each walk the pages in turn as fast as the server
answers, for --duration seconds after a warm-up. The same servers then serve a hello-world ASGI
app under the same load: that is the floor, and the portal's figures are given as a multiple of
it. Results go to docs/benchmarks.md between the http-load markers.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import harness
from benchmarks.report import write_section

FLOOR_PAGE = "hello-world floor"


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    statuses: dict[int, int] = field(default_factory=lambda: defaultdict(int))


def pages() -> dict[str, str]:
    """The public pages of issue 16 (benchmarks.pages), with real filter values and a profile."""
    from benchmarks.pages import pages as public_pages
    from events.models import Event

    if not Event.objects.exists():
        raise SystemExit("no events in the benchmark database")
    return public_pages()


# How the portal's processes reach PostgreSQL: a new connection per request (what compose.yaml
# had), persistent connections per thread, or Django's psycopg pool (portal/settings.py).
CONNECTIONS = {
    "connect per request": {"DATABASE_CONN_MAX_AGE": "0", "DATABASE_POOL": "false"},
    "CONN_MAX_AGE 60": {"DATABASE_CONN_MAX_AGE": "60", "DATABASE_POOL": "false"},
    "psycopg pool": {"DATABASE_CONN_MAX_AGE": "0", "DATABASE_POOL": "true"},
}


async def virtual_user(
    session, base_url: str, paths: list[tuple[str, str]], start: int, until: float, tally: Tally
) -> None:
    import aiohttp

    number = start
    while time.perf_counter() < until:
        name, path = paths[number % len(paths)]
        number += 1
        began = time.perf_counter()
        try:
            async with session.get(base_url + path, allow_redirects=False) as response:
                await response.read()
                status = response.status
        except (aiohttp.ClientError, TimeoutError):
            status = 0
        tally.statuses[status] += 1
        if status == 200:
            tally.latencies[name].append(time.perf_counter() - began)
        else:
            tally.errors[name] += 1


async def load(
    base_url: str, paths: list[tuple[str, str]], users: int, seconds: float, warmup: float
) -> dict:
    """`users` virtual users for `seconds` after `warmup` seconds not counted (every worker
    process compiles its templates and opens its connections on first use)."""
    import aiohttp

    timeout = aiohttp.ClientTimeout(total=60)
    connector = aiohttp.TCPConnector(limit=users, force_close=False)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        warm = Tally()
        await asyncio.gather(
            *(
                virtual_user(session, base_url, paths, n, time.perf_counter() + warmup, warm)
                for n in range(users)
            )
        )
        tally = Tally()
        cpu = time.process_time()
        began = time.perf_counter()
        until = began + seconds
        await asyncio.gather(
            *(virtual_user(session, base_url, paths, n, until, tally) for n in range(users))
        )
        elapsed = time.perf_counter() - began
        client_cpu = (time.process_time() - cpu) / elapsed
    rows = {}
    for name, _path in paths:
        latencies = tally.latencies[name]
        rows[name] = figures(latencies, tally.errors[name], elapsed)
    everything = [value for values in tally.latencies.values() for value in values]
    rows["all pages"] = figures(everything, sum(tally.errors.values()), elapsed)
    return {"rows": rows, "client_cpu": client_cpu, "statuses": dict(tally.statuses)}


def figures(latencies: list[float], errors: int, elapsed: float) -> dict[str, float]:
    return {
        "rps": len(latencies) / elapsed,
        "p50": harness.percentile(latencies, 0.50) * 1000,
        "p95": harness.percentile(latencies, 0.95) * 1000,
        "ok": len(latencies),
        "errors": errors,
    }


def measure(kind: str, environment: dict, paths, args: argparse.Namespace) -> dict:
    """The floor, then the portal once per connection set-up asked for, on one server kind."""
    users, seconds, warmup, workers = args.users, args.duration, args.warmup, args.workers
    with harness.running_server(kind, "benchmarks.floor:hello", environment, workers) as server:
        floor = asyncio.run(load(server.base_url, [(FLOOR_PAGE, "/")], users, seconds, warmup))
    portals = {}
    for connections in args.connections.split(","):
        variant = {**environment, **CONNECTIONS[connections]}
        with harness.running_server(kind, "portal.asgi:application", variant, workers) as server:
            opened = harness.redis_connections(args.redis_url)
            portals[connections] = asyncio.run(load(server.base_url, paths, users, seconds, warmup))
            opened = harness.redis_connections(args.redis_url) - opened
        portals[connections]["redis_connections"] = opened
    return {"floor": floor, "portals": portals}


def server_label(kind: str, workers: int) -> str:
    return "daphne (1 process)" if kind == "daphne" else f"uvicorn --workers {workers}"


def report(results: dict, args: argparse.Namespace, actors: int, paths, started: str) -> str:
    lines = [
        "## Public pages under load",
        "",
        f"`python -m benchmarks.http_load` ({started}). {args.users} concurrent virtual users "
        f"for {args.duration:g} s per server after a warm-up, each requesting the pages in turn "
        "with keep-alive (aiohttp, one asyncio loop); the portal in production mode (DEBUG off, "
        f"PostgreSQL, Redis cache, database search) with {actors} actors. The floor is a "
        "hello-world ASGI app on the same server under the same load; *× floor* is the portal's "
        "p50 latency divided by the floor's, and the floor's throughput divided by the "
        "portal's. The load generator runs on the same 2 CPUs as the server and takes the "
        "share of one CPU given in the last column away from it. Per page: the portal with "
        f"{args.connections.split(',')[0]}; the other connection set-ups as totals.",
        "",
        "| server | page | req/s | p50 ms | p95 ms | errors | p50 × floor | req/s floor ÷ portal |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind, result in results.items():
        label = server_label(kind, args.workers)
        floor = result["floor"]["rows"]["all pages"]
        lines.append(
            f"| {label} | {FLOOR_PAGE} | {floor['rps']:.0f} | {floor['p50']:.1f} "
            f"| {floor['p95']:.1f} | {floor['errors']} | 1.0× | 1.0× |"
        )
        for connections, portal in result["portals"].items():
            for name, row in portal["rows"].items():
                total = name == "all pages"
                throughput = harness.ratio(floor["rps"], row["rps"]) if total else "–"
                first = connections == args.connections.split(",")[0]
                if not total and not first:
                    continue  # per page only for the first set-up; the others as a total
                page = name if not total else "**all pages**" if first else f"**{connections}**"
                lines.append(
                    f"| {label} | {page} | {row['rps']:.1f} "
                    f"| {row['p50']:.0f} | {row['p95']:.0f} | {row['errors']} "
                    f"| {harness.ratio(row['p50'], floor['p50'])} | {throughput} |"
                )
    lines += [
        "",
        "Load generator CPU (share of one CPU), response statuses and, for the portal, the "
        "connections Redis accepted during warm-up and run (its counter counts every client on "
        "the machine):",
        "",
    ]
    for kind, result in results.items():
        label = server_label(kind, args.workers)
        runs = [("floor", result["floor"])]
        runs += [(f"portal, {name}", portal) for name, portal in result["portals"].items()]
        for which, run in runs:
            opened = run.get("redis_connections")
            lines.append(
                f"- {label}, {which}: client {run['client_cpu']:.0%} CPU, "
                f"statuses {dict(sorted(run['statuses'].items()))}"
                + ("" if opened is None else f", Redis connections opened {opened}")
            )
    lines += ["", "Pages: " + ", ".join(f"{name} `{path}`" for name, path in paths) + "."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per measurement")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds not counted")
    parser.add_argument("--actors", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--servers", default=",".join(harness.SERVERS))
    parser.add_argument(
        "--connections",
        default="psycopg pool",
        help=f"comma-separated, of: {', '.join(CONNECTIONS)}; the first is shown per page",
    )
    parser.add_argument("--database-url", default=harness.DEFAULT_DATABASE_URL)
    parser.add_argument("--redis-url", default=harness.DEFAULT_REDIS_URL)
    parser.add_argument("--quick", action="store_true", help="5 users, 2 s: a smoke run")
    parser.add_argument("--output", type=Path, default=harness.ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    if args.quick:
        args.users, args.duration, args.warmup = 5, 2.0, 1.0
    started = harness.machine()
    harness.ensure_database(args.database_url)
    harness.flush_redis(args.redis_url)
    harness.setup_django(args.database_url, args.redis_url)
    actors = harness.ensure_demo_data(args.actors)
    paths = list(pages().items())
    from django.db import connections

    connections.close_all()
    environment = harness.server_environment(args.database_url, args.redis_url)
    harness.collect_static(environment)
    results = {kind: measure(kind, environment, paths, args) for kind in args.servers.split(",")}
    text = report(results, args, actors, paths, started)
    write_section(args.output, "http-load", text)
    print(text)


if __name__ == "__main__":
    main()
