"""The concurrency suite's portal: a database of its own (a SQLite file, or a fresh database on the
PostgreSQL that DATABASE_URL names), daphne serving it as `make run` does, and the outbox worker
writing beside it. Visitors are real HTTP and WebSocket clients; what was stored is read straight
from the database afterwards."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from uuid import uuid4

import requests

from tests.faults.services import PYTHON, ROOT, PortalServer, manage, portal_environment

SETTINGS = "tests.concurrency.server_settings"
TIMEOUT = 60


@dataclass
class Database:
    """Where the suite's portal keeps its data, and plain SQL on it for the checks."""

    url: str
    admin_url: str | None = None
    name: str = ""
    directory: Path | None = None

    @classmethod
    def create(cls) -> Database:
        given = os.environ.get("DATABASE_URL", "")
        if given.startswith(("postgres://", "postgresql://")):
            import psycopg

            name = f"concurrency_{uuid4().hex[:10]}"
            admin = urlparse(given)._replace(path="/postgres").geturl()
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(f"CREATE DATABASE {name}")
            return cls(
                url=urlparse(given)._replace(path=f"/{name}").geturl(), admin_url=admin, name=name
            )
        directory = Path(tempfile.mkdtemp(prefix="concurrency-"))
        return cls(url=f"sqlite:///{directory / 'portal.sqlite3'}", directory=directory)

    @property
    def engine(self) -> str:
        return "postgresql" if self.admin_url else "sqlite"

    def rows(self, sql: str, *params: Any) -> list[tuple]:
        if self.admin_url is None:
            with sqlite3.connect(urlparse(self.url).path, timeout=30) as connection:
                return connection.execute(sql.replace("%s", "?"), params).fetchall()
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as connection:
            return connection.execute(sql, params).fetchall()

    def value(self, sql: str, *params: Any) -> Any:
        return self.rows(sql, *params)[0][0]

    def drop(self) -> None:
        if self.admin_url is not None:
            import psycopg

            with psycopg.connect(self.admin_url, autocommit=True) as connection:
                connection.execute(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
        elif self.directory is not None:
            for path in self.directory.iterdir():
                path.unlink()
            self.directory.rmdir()


@dataclass
class Site:
    """The running portal, its outbox worker, and the people of tests/concurrency/scenario.py."""

    database: Database
    server: PortalServer
    worker: subprocess.Popen
    people: dict[str, Any]
    worker_log: Path

    @property
    def base(self) -> str:
        return self.server.base

    def visitor(self, session_key: str | None = None) -> Visitor:
        visitor = Visitor(self.base)
        if session_key:
            visitor.session.cookies.set("sessionid", session_key, domain="127.0.0.1", path="/")
        return visitor

    def server_errors(self) -> list[str]:
        """Tracebacks the server or the worker logged: contention must never end in one."""
        logs = self.server.output() + self.worker_log.read_text(errors="replace")
        return [line for line in logs.splitlines() if "Traceback" in line or " 500 " in line]


def start_site() -> Site:
    database = Database.create()
    env = portal_environment(database.url, DJANGO_SETTINGS_MODULE=SETTINGS)
    manage("migrate", "--noinput", "--verbosity", "0", env=env, timeout=600)
    made = subprocess.run(  # noqa: S603 - our own module
        [PYTHON, "-m", "tests.concurrency.scenario"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert made.returncode == 0, f"scenario failed:\n{made.stderr[-4000:]}"
    people = json.loads(made.stdout.splitlines()[-1])
    worker_log = Path(tempfile.mkstemp(prefix="concurrency-worker-", suffix=".log")[1])
    with worker_log.open("wb") as log:
        worker = subprocess.Popen(  # noqa: S603 - the worker `make run` starts
            [
                PYTHON,
                "manage.py",
                "db_worker",
                "--backend",
                "outbox",
                "--no-reload",
                "--interval",
                "0.2",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = PortalServer(env=env)
    server.start()
    return Site(database, server, worker, people, worker_log)


def stop_site(site: Site) -> None:
    site.server.stop()
    site.worker.terminate()
    try:
        site.worker.wait(timeout=15)
    except subprocess.TimeoutExpired:
        site.worker.kill()
        site.worker.wait()
    site.worker_log.unlink(missing_ok=True)
    site.database.drop()


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Visitor:
    base: str
    session: requests.Session = field(default_factory=requests.Session)

    def get(self, path: str) -> requests.Response:
        return self.session.get(self.base + path, timeout=TIMEOUT, allow_redirects=False)

    def token(self, path: str) -> str:
        page = self.get(path)
        assert page.status_code == 200, (path, page.status_code)
        match = TOKEN.search(page.text)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    def post(self, path: str, data: dict, token: str) -> requests.Response:
        return self.session.post(
            self.base + path,
            data={**data, "csrfmiddlewaretoken": token},
            headers={"Referer": self.base + path},
            timeout=TIMEOUT,
            allow_redirects=False,
        )


def at_once(count: int, prepare: Callable[[int], Any], act: Callable[[int, Any], Any]) -> list:
    """Each of `count` clients prepares (pages, tokens) in its own thread; then all act together."""
    start = threading.Barrier(count, timeout=TIMEOUT * 2)

    def run(number: int) -> Any:
        prepared = prepare(number)
        start.wait()
        return act(number, prepared)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def form_values(page: str) -> dict[str, Any]:
    """What a browser would send for the page's main form (the one with the most fields) as it
    stands."""
    from bs4 import BeautifulSoup

    forms = BeautifulSoup(page, "html.parser").find_all("form")
    assert forms, "no form on the page"
    form = max(forms, key=lambda form: len(form.find_all(["input", "textarea", "select"])))
    data: dict[str, Any] = {}

    def add(name: str, value: str) -> None:
        data.setdefault(name, []).append(value)

    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        if element.name == "textarea":
            add(name, element.text)
        elif element.name == "select":
            for option in element.find_all("option", selected=True):
                add(name, option.get("value", option.text))
        elif element.get("type") in ("checkbox", "radio"):
            if element.has_attr("checked"):
                add(name, element.get("value", "on"))
        elif element.get("type") not in ("submit", "button", "file", "image", "reset"):
            add(name, element.get("value", ""))
    return data
