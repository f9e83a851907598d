"""What the load benchmarks share: the benchmark database, the production environment of the
servers they start as subprocesses, the servers themselves, and the statistics.

The servers run exactly as in production (DJANGO_ENV=production, DEBUG off, PostgreSQL, Redis),
with benchmarks.settings on top only to lift the per-address rate limits, because every virtual
user comes from 127.0.0.1. The benchmark's own process loads the data with the development
settings (load_demo refuses production) against the same database and the same SECRET_KEY, so
that sessions it writes are valid for the servers.
"""

from __future__ import annotations

import contextlib
import os
import platform
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mia_bench"
# The test suite uses Redis database 0 and the older chat benchmark 15.
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/13"
SECRET_KEY = secrets.token_urlsafe(64)
SERVERS = ("daphne", "uvicorn")


def ensure_database(database_url: str) -> None:
    """Create the benchmark's PostgreSQL database if it does not exist yet."""
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def flush_redis(redis_url: str) -> None:
    """Empty the benchmark's own Redis database: stale presence or rate counters would skew it."""
    import redis

    redis.Redis.from_url(redis_url).flushdb()


def redis_connections(redis_url: str) -> int:
    """How many connections the Redis server has accepted since it started."""
    import redis

    return int(redis.Redis.from_url(redis_url).info("stats")["total_connections_received"])


def setup_django(database_url: str, redis_url: str) -> None:
    """Django in this process, with the development settings, on the benchmark's services."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["REDIS_URL"] = redis_url
    os.environ["SECRET_KEY"] = SECRET_KEY
    os.environ["LOG_LEVEL"] = "WARNING"  # one INFO line per task and save would bury the figures
    os.environ.pop("DJANGO_ENV", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def ensure_demo_data(actors: int) -> int:
    """Migrate, load the demo network once, and grow it to `actors` (benchmarks.directory)."""
    from django.core.management import call_command

    from benchmarks.directory import populate
    from network.models import Actor

    call_command("migrate", verbosity=0, interactive=False)
    if not Actor.objects.exists():
        call_command("load_demo", verbosity=0)
    if Actor.objects.count() < actors:
        populate(actors)
    return Actor.objects.count()


def server_environment(database_url: str, redis_url: str) -> dict[str, str]:
    """compose.yaml's portal environment, on this machine's services, over plain HTTP."""
    environment = os.environ.copy()
    environment.update(
        DJANGO_SETTINGS_MODULE="benchmarks.settings",
        DJANGO_ENV="production",
        DEBUG="false",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=database_url,
        # As compose.yaml: under ASGI every request runs in a thread of its own, and persistent
        # connections would stay open per thread (50 users: 50 connections per process).
        DATABASE_CONN_MAX_AGE="0",
        REDIS_URL=redis_url,
        EMAIL_URL="console://",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    environment.pop("ELASTICSEARCH_URL", None)
    return environment


def collect_static(environment: dict[str, str]) -> None:
    """The production storage serves hashed names from a manifest: collect once, as deployed."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=environment,
        check=True,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_command(kind: str, application: str, port: int, workers: int) -> list[str]:
    if kind == "daphne":
        return [str(BIN / "daphne"), "-b", "127.0.0.1", "-p", str(port), application]
    if kind == "uvicorn":
        return [
            str(BIN / "uvicorn"),
            application,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--no-access-log",
            "--log-level",
            "warning",
            "--lifespan",
            "off",
        ]
    raise ValueError(f"unknown server {kind}")


@dataclass
class Server:
    kind: str
    application: str
    port: int
    process: subprocess.Popen

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def rss_kib(self) -> int:
        """Resident memory of the server and its worker processes together."""
        return sum(rss_kib(pid) for pid in process_tree(self.process.pid))


@contextlib.contextmanager
def running_server(
    kind: str, application: str, environment: dict[str, str], workers: int = 2
) -> Iterator[Server]:
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - our own server binaries from the venv
        server_command(kind, application, port, workers),
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_until_listening(port, process)
        wait_until_answering(port, process)
        yield Server(kind, application, port, process)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_until_listening(port: int, process: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("the server did not start")


def wait_until_answering(port: int, process: subprocess.Popen, timeout: float = 120.0) -> None:
    """Until the home page answers 200 a few times: each worker process imports Django on start,
    and a uvicorn pool listens before its workers are ready."""
    import http.client

    deadline = time.monotonic() + timeout
    answered = 0
    while answered < 4:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"port {port} did not answer 200")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request("GET", "/")
            answered += connection.getresponse().status == 200
        except OSError:
            time.sleep(0.2)
        finally:
            connection.close()


def process_tree(pid: int) -> list[int]:
    pids = [pid]
    for child in Path(f"/proc/{pid}/task").glob("*/children"):
        for number in child.read_text().split():
            pids += process_tree(int(number))
    return pids


def rss_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def ratio(value: float, floor: float) -> str:
    if not floor:
        return "–"
    quotient = value / floor
    return f"{quotient:.0f}×" if quotient >= 100 else f"{quotient:.1f}×"


def machine() -> str:
    """One line for the docs: where, when, and how busy the machine was."""
    load = os.getloadavg()
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs ({cpu}), "
        f"Python {platform.python_version()}, load average at the start "
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}"
    )
