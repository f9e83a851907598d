"""Real Redis, PostgreSQL and portal processes of the fault tests' own, on free ports.

The machine's shared Redis and PostgreSQL serve the other tests running beside these, so the
fault tests never touch them: they start their own servers and stop them mid-test. Without the
binaries the tests are skipped, unless REQUIRE_FAULTS=1 or REQUIRE_BROWSER=1 (CI), where the
missing binary is a failure.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
PYTHON = sys.executable


def unavailable(reason: str) -> None:
    if "1" in (os.environ.get("REQUIRE_FAULTS"), os.environ.get("REQUIRE_BROWSER")):
        pytest.fail(f"{reason} (REQUIRE_FAULTS/REQUIRE_BROWSER=1: fault tests may not be skipped)")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check, *, timeout: float, interval: float = 0.1, what: str = "condition") -> float:
    """Poll until check() is true; returns the seconds it took."""
    started = time.monotonic()
    while True:
        try:
            if check():
                return time.monotonic() - started
        except OSError:
            pass
        if time.monotonic() - started > timeout:
            raise AssertionError(f"{what} not reached within {timeout} s")
        time.sleep(interval)


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class RedisServer:
    """redis-server in the foreground as a child process; stop() kills it, start() brings it back
    empty on the same port."""

    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            unavailable("redis-server is not installed")
        self.process = subprocess.Popen(  # noqa: S603 - a fixed binary with fixed arguments
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: port_open(self.port), timeout=10, what="redis-server listening")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None


@dataclass
class PostgresServer:
    """A throw-away PostgreSQL cluster (initdb in a temporary directory, trust authentication),
    run as the postgres user when the tests run as root, as PostgreSQL refuses root."""

    port: int = field(default_factory=free_port)
    directory: Path | None = None

    def _command(self, *args: str) -> list[str]:
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *args]
        return list(args)

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(  # noqa: S603 - fixed PostgreSQL binaries
            self._command(*args), capture_output=True, text=True, check=check, timeout=120
        )

    def stop_command(self, mode: str = "immediate") -> list[str]:
        assert self.directory is not None
        return self._command(
            str(PG_BIN / "pg_ctl"), "-D", str(self.directory / "data"), "-m", mode, "-w", "stop"
        )

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def create(self) -> None:
        if not (PG_BIN / "initdb").exists():
            unavailable(f"PostgreSQL binaries not found in {PG_BIN}")
        if os.geteuid() == 0 and shutil.which("runuser") is None:
            unavailable("running as root without runuser to start PostgreSQL as postgres")
        self.directory = Path(tempfile.mkdtemp(prefix="faults-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres")
        self._run(
            str(PG_BIN / "initdb"),
            "-D",
            str(self.directory / "data"),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
        )
        self.start()

    def start(self) -> None:
        assert self.directory is not None
        self._run(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.directory / "data"),
            "-l",
            str(self.directory / "log"),
            "-w",
            "-o",
            f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )

    def running(self) -> bool:
        assert self.directory is not None
        status = self._run(
            str(PG_BIN / "pg_ctl"), "-D", str(self.directory / "data"), "status", check=False
        )
        return status.returncode == 0

    def start_if_stopped(self) -> None:
        if not self.running():
            self.start()

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(self.stop_command(mode), capture_output=True, check=False, timeout=60)  # noqa: S603

    def destroy(self) -> None:
        if self.directory is not None:
            self.stop("immediate")
            shutil.rmtree(self.directory, ignore_errors=True)

    def sql(self, statement: str, params: tuple = (), database: str = "postgres") -> list[tuple]:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True, connect_timeout=5) as conn:
            cursor = conn.execute(statement, params)
            return cursor.fetchall() if cursor.description else []


def portal_environment(database_url: str, **extra: str) -> dict[str, str]:
    """The environment of a portal process: its services, DEBUG off, the faults' settings."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "ELASTICSEARCH_URL", "EMAIL_URL", "DATABASE_URL"}
        and not key.startswith("PYTEST")
        and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="tests.faults.server_settings",
        DATABASE_URL=database_url,
        DEBUG="false",
        PYTHONUNBUFFERED="1",
    )
    environment.update(extra)
    return environment


def manage(*args: str, env: Mapping[str, str], timeout: float = 180) -> str:
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stderr[-4000:]}"
    return result.stdout


@dataclass
class PortalServer:
    """The portal served by daphne in a process of its own, as in production."""

    env: dict[str, str]
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    log: Path | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.log = Path(tempfile.mkstemp(prefix="faults-portal-", suffix=".log")[1])
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 - daphne serving our application
                [
                    PYTHON,
                    "-m",
                    "daphne",
                    "-b",
                    "127.0.0.1",
                    "-p",
                    str(self.port),
                    "portal.asgi:application",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_for(self._listening, timeout=60, what="daphne listening")

    def _listening(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise AssertionError(f"daphne exited:\n{self.output()}")
        return port_open(self.port)

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-6000:] if self.log else ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log is not None:
            self.log.unlink(missing_ok=True)
