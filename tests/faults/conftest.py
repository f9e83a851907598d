"""Fixtures of the fault tests: a Redis and a PostgreSQL of their own, a migrated database with the
demo data as a template, a fresh copy of it per test, and the portal in a daphne process."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from uuid import uuid4

import pytest

from tests.faults.services import (
    PortalServer,
    PostgresServer,
    RedisServer,
    manage,
    portal_environment,
)

TEMPLATE = "faults_template"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "faults: stops real services (own Redis/PostgreSQL) in the middle of the work"
    )


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    server = PostgresServer()
    try:
        server.create()
        yield server
    finally:
        server.destroy()


@pytest.fixture(scope="session")
def template_database(postgres: PostgresServer) -> str:
    """Migrated, with the demo data (accounts, actors, events, the chat channel "allgemein")."""
    postgres.sql(f"CREATE DATABASE {TEMPLATE}")
    env = portal_environment(postgres.url(TEMPLATE))
    manage("migrate", "--verbosity", "0", env=env, timeout=900)
    manage("load_demo", env=env, timeout=900)
    return TEMPLATE


@pytest.fixture
def database(postgres: PostgresServer, template_database: str) -> str:
    """A fresh copy of the template for one test; returns its URL."""
    name = f"faults_{uuid4().hex[:10]}"
    postgres.start_if_stopped()
    postgres.sql(f"CREATE DATABASE {name} TEMPLATE {template_database}")
    return postgres.url(name)


@pytest.fixture
def redis() -> Iterator[RedisServer]:
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def portal() -> Iterator[Callable[..., PortalServer]]:
    """Start the portal with the given environment; every server started is stopped at the end."""
    started: list[PortalServer] = []

    def start(database_url: str, **env: str) -> PortalServer:
        server = PortalServer(env=portal_environment(database_url, **env))
        started.append(server)
        server.start()
        return server

    yield start
    for server in started:
        server.stop()
