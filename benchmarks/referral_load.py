"""The referral form under 50 concurrent submissions: all stored, each exactly once.

Each client (aiohttp, its own cookies) first GETs /referral/ for the CSRF cookie and token; once
all have them, all POST at the same moment. Each submission carries a marker of its own in the
description, so afterwards every marker must be in the database exactly once. The portal runs as
in production mode (DEBUG off) in a server started here as a subprocess, with the worker that
`make run` and compose.yaml start writing beside it; the per-address limit of the form is lifted
because all clients come from 127.0.0.1. Two databases: PostgreSQL and Redis (compose.yaml), or,
with a sqlite:/// URL, the embedded default of `make run` (SQLite, in-memory channel layer, one
daphne). The floor is the raw SQL: the same rows, inserted by as many concurrent connections
with one INSERT each (on SQLite each in its own write transaction, with the portal's pragmas).
Results go to docs/benchmarks.md between the referral-load (PostgreSQL) or referral-load-sqlite
markers.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sqlite3
import subprocess
import threading
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path

from benchmarks import harness
from benchmarks.report import write_section

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def form_values() -> dict[str, str]:
    from referrals.models import ConcernCategory, Urgency

    category = ConcernCategory.objects.filter(is_active=True).order_by("pk").first()
    if category is None:
        raise SystemExit("no concern category in the benchmark database")
    return {"categories": category.slug, "urgency": Urgency.NORMAL, "consent": "on"}


async def submit(session, base_url: str, marker: str, values: dict, start: asyncio.Event) -> dict:
    """GET the form, wait for everybody, POST; the cookies go by hand: they are Secure."""
    async with session.get(f"{base_url}/referral/") as response:
        page = await response.text()
        cookies = SimpleCookie()
        for header in response.headers.getall("Set-Cookie", []):
            cookies.load(header)
    match = TOKEN.search(page)
    if response.status != 200 or match is None:
        return {"status": response.status, "seconds": 0.0}
    data = {
        **values,
        "csrfmiddlewaretoken": match.group(1),
        "person_name": f"Bench Person {marker[-6:]}",
        "phone": "03443 123456",
        "description": f"Benchmark {marker}: braucht Hilfe beim Antrag.",
    }
    headers = {
        "Cookie": "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items()),
        "Referer": f"{base_url}/referral/",
    }
    await start.wait()
    began = time.perf_counter()
    async with session.post(
        f"{base_url}/referral/", data=data, headers=headers, allow_redirects=False
    ) as response:
        await response.read()
        return {"status": response.status, "seconds": time.perf_counter() - began}


async def load(base_url: str, markers: list[str], values: dict) -> dict:
    import aiohttp

    start = asyncio.Event()
    sessions = [
        aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) for _ in range(len(markers))
    ]
    try:
        tasks = [
            asyncio.create_task(submit(session, base_url, marker, values, start))
            for session, marker in zip(sessions, markers, strict=True)
        ]
        await asyncio.sleep(0)
        while not all(task.done() for task in tasks) and not _all_waiting(tasks, start):
            await asyncio.sleep(0.01)
        began = time.perf_counter()
        start.set()
        results = await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - began
    finally:
        for session in sessions:
            await session.close()
    return {"results": results, "elapsed": elapsed}


def _all_waiting(tasks: list[asyncio.Task], start: asyncio.Event) -> bool:
    """Every client has its form and token and sits at the start line."""
    waiting = len(getattr(start, "_waiters", ()))
    return waiting + sum(task.done() for task in tasks) >= len(tasks)


def stored(prefix: str) -> dict[str, int]:
    from django.db.models import Count

    from referrals.models import Referral

    rows = Referral.objects.filter(description__contains=prefix).values("description")
    return {row["description"]: row["n"] for row in rows.annotate(n=Count("id"))}


async def raw_inserts(database_url: str, prefix: str, count: int) -> dict:
    """The floor: copies of the stored rows, one INSERT per concurrent connection."""
    import psycopg

    url = database_url.replace("postgres://", "postgresql://", 1)
    async with await psycopg.AsyncConnection.connect(url) as connection:
        cursor = await connection.execute(
            "SELECT * FROM referrals_referral WHERE description LIKE %s ORDER BY id LIMIT %s",
            [f"%{prefix}%", count],
        )
        columns = [column.name for column in cursor.description if column.name != "id"]
        rows = [
            dict(zip([c.name for c in cursor.description], row, strict=True))
            for row in await cursor.fetchall()
        ]
    statement = "INSERT INTO referrals_referral ({}) VALUES ({})".format(  # noqa: S608 - names from the table itself
        ", ".join(columns), ", ".join(["%s"] * len(columns))
    )
    connections = [await psycopg.AsyncConnection.connect(url, autocommit=True) for _ in rows]
    start = asyncio.Event()

    async def insert(connection, row: dict, number: int) -> float:
        values = {**row, "reference": f"FLOOR-{number:05d}-{uuid.uuid4().hex[:6]}"}
        values["description"] = row["description"].replace(prefix, f"{prefix}-floor")
        await start.wait()
        began = time.perf_counter()
        await connection.execute(statement, [values[column] for column in columns])
        return time.perf_counter() - began

    tasks = [
        asyncio.create_task(insert(connection, row, number))
        for number, (connection, row) in enumerate(zip(connections, rows, strict=True))
    ]
    await asyncio.sleep(0.1)
    began = time.perf_counter()
    start.set()
    seconds = await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - began
    for connection in connections:
        await connection.close()
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as connection:
        await connection.execute(
            "DELETE FROM referrals_referral WHERE description LIKE %s", [f"%{prefix}-floor%"]
        )
    return {"seconds": list(seconds), "elapsed": elapsed, "rows": len(rows)}


def sqlite_inserts(path: str, prefix: str, count: int) -> dict:
    """The floor on SQLite: copies of the stored rows, one write transaction per connection, all
    at once, with the pragmas and busy timeout of portal/settings.py."""
    with sqlite3.connect(path) as connection:
        cursor = connection.execute(
            "SELECT * FROM referrals_referral WHERE description LIKE ? ORDER BY id LIMIT ?",
            [f"%{prefix}%", count],
        )
        names = [column[0] for column in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    columns = [name for name in names if name != "id"]
    statement = "INSERT INTO referrals_referral ({}) VALUES ({})".format(  # noqa: S608 - names from the table itself
        ", ".join(columns), ", ".join(["?"] * len(columns))
    )
    start = threading.Barrier(len(rows) + 1)
    seconds: list[float] = []

    def insert(row: dict, number: int) -> None:
        connection = sqlite3.connect(path, timeout=20, isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        values = {**row, "reference": f"FLOOR-{number:05d}-{uuid.uuid4().hex[:6]}"}
        values["description"] = row["description"].replace(prefix, f"{prefix}-floor")
        start.wait()
        began = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(statement, [values[column] for column in columns])
        connection.execute("COMMIT")
        seconds.append(time.perf_counter() - began)
        connection.close()

    threads = [
        threading.Thread(target=insert, args=(row, number)) for number, row in enumerate(rows)
    ]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    with sqlite3.connect(path, timeout=20) as connection:
        connection.execute(
            "DELETE FROM referrals_referral WHERE description LIKE ?", [f"%{prefix}-floor%"]
        )
    return {"seconds": seconds, "elapsed": elapsed, "rows": len(rows)}


def running_worker(environment: dict[str, str]) -> subprocess.Popen:
    """The worker of `make run` and compose.yaml (outbox mail, scheduled jobs) beside the server."""
    return subprocess.Popen(  # noqa: S603 - our own manage.py
        [str(harness.BIN / "python"), "manage.py", "worker", "--no-reload", "--interval", "0.5"],
        cwd=harness.ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--servers", default=",".join(harness.SERVERS))
    parser.add_argument("--database-url", default=harness.DEFAULT_DATABASE_URL)
    parser.add_argument("--redis-url", default=harness.DEFAULT_REDIS_URL)
    parser.add_argument("--quick", action="store_true", help="5 clients: a smoke run")
    parser.add_argument("--output", type=Path, default=harness.ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    if args.quick:
        args.clients = 5
    embedded = args.database_url.startswith("sqlite:")
    started = harness.machine()
    if embedded:
        args.servers = "daphne"  # as `make run` serves
    else:
        harness.ensure_database(args.database_url)
        harness.flush_redis(args.redis_url)
    harness.setup_django(args.database_url, "" if embedded else args.redis_url)
    harness.ensure_demo_data(0)
    values = form_values()
    from django.db import connections

    connections.close_all()
    environment = harness.server_environment(args.database_url, args.redis_url)
    if embedded:
        environment.pop("REDIS_URL")  # the in-memory channel layer and cache of `make run`
    harness.collect_static(environment)
    rows = []
    failures = []
    for kind in args.servers.split(","):
        prefix = f"bench-referral-{uuid.uuid4().hex[:8]}"
        markers = [f"{prefix}-{number:03d}" for number in range(args.clients)]
        worker = running_worker(environment)
        try:
            with harness.running_server(kind, "portal.asgi:application", environment) as server:
                result = asyncio.run(load(server.base_url, markers, values))
        finally:
            worker.terminate()
            worker.wait(timeout=30)
        found = stored(prefix)
        once = sum(1 for marker in markers if sum(n for d, n in found.items() if marker in d) == 1)
        total = sum(found.values())
        if embedded:
            path = args.database_url.split("sqlite:///", 1)[1]
            floor = sqlite_inserts(path if path.startswith("/") else f"/{path}", prefix, total)
        else:
            floor = asyncio.run(raw_inserts(args.database_url, prefix, args.clients))
        connections.close_all()
        seconds = [r["seconds"] for r in result["results"] if r["status"] == 302]
        statuses: dict[int, int] = {}
        for r in result["results"]:
            statuses[r["status"]] = statuses.get(r["status"], 0) + 1
        if total != args.clients or once != args.clients:
            failures.append(f"{kind}: {total} rows, {once} of {args.clients} markers once")
        rows.append(
            {
                "server": "daphne (1 process)"
                if kind == "daphne"
                else f"uvicorn --workers {args.workers}",
                "redirected": len(seconds),
                "statuses": statuses,
                "rows": total,
                "once": once,
                "p50": harness.percentile(seconds, 0.5) * 1000,
                "p95": harness.percentile(seconds, 0.95) * 1000,
                "elapsed": result["elapsed"],
                "floor_p50": harness.percentile(floor["seconds"], 0.5) * 1000,
                "floor_p95": harness.percentile(floor["seconds"], 0.95) * 1000,
                "floor_elapsed": floor["elapsed"],
                "writes": total / result["elapsed"] if result["elapsed"] else 0.0,
                "floor_writes": floor["rows"] / floor["elapsed"] if floor["elapsed"] else 0.0,
            }
        )
    text = report(rows, args, started, embedded=embedded)
    write_section(args.output, "referral-load-sqlite" if embedded else "referral-load", text)
    print(text)
    if failures:
        raise SystemExit("; ".join(failures))


def report(rows: list[dict], args: argparse.Namespace, started: str, *, embedded: bool) -> str:
    where = (
        "the embedded default of `make run` (SQLite in WAL mode, one daphne, in-memory channel "
        "layer)"
        if embedded
        else "the portal in production mode on PostgreSQL and Redis"
    )
    lines = [
        "## Referral form under load" + (" on the embedded default (SQLite)" if embedded else ""),
        "",
        f"`python -m benchmarks.referral_load --database-url {'sqlite:///…' if embedded else '…'}` "
        f"({started}). {args.clients} clients each GET `/referral/` (CSRF cookie and token), "
        f"then all POST a valid referral at the same moment; {where}, with the worker "
        "(`manage.py worker`: outbox mail, scheduled jobs) writing beside it. *stored* counts "
        "the rows whose description carries the run's marker; *exactly once* counts the markers "
        "found in exactly one row. *writes/s* is stored referrals per second of the whole burst. "
        f"The floor is the raw SQL: the same rows inserted again by {args.clients} concurrent "
        "connections, one INSERT each"
        + (" in its own `BEGIN IMMEDIATE` transaction" if embedded else "")
        + "; *× floor* divides the portal's POST latency by the INSERT's.",
        "",
        "| server | answered 302 | stored | exactly once | POST p50 ms | POST p95 ms "
        "| all done s | writes/s | INSERT p50 ms | INSERT p95 ms | INSERT writes/s | statuses "
        "| p50 × floor | p95 × floor |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- "
        "| ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['server']} | {row['redirected']} of {args.clients} | {row['rows']} "
            f"| {row['once']} | {row['p50']:.0f} | {row['p95']:.0f} | {row['elapsed']:.2f} "
            f"| {row['writes']:.1f} | {row['floor_p50']:.1f} | {row['floor_p95']:.1f} "
            f"| {row['floor_writes']:.0f} | {row['statuses']} "
            f"| {harness.ratio(row['p50'], row['floor_p50'])} "
            f"| {harness.ratio(row['p95'], row['floor_p95'])} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
