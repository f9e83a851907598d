"""Debian's chromium driven by Playwright against pytest-django's live server.

Chromium comes from CHROMIUM_PATH or /usr/bin/chromium; Playwright never downloads a browser
here. Without one the browser tests are skipped, unless REQUIRE_BROWSER=1 (CI), where they fail.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
TIMEOUT_MS = 10_000


def _unavailable(reason: str) -> None:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (REQUIRE_BROWSER=1, so browser tests may not be skipped)")
    pytest.skip(reason)


def chromium_path() -> str:
    return os.environ.get("CHROMIUM_PATH") or DEFAULT_CHROMIUM


def _serialized_contents() -> dict[str, str]:
    from django.db import connections

    return {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all()
        if hasattr(connection, "_test_serialized_contents")
    }


def _restore_serialized_contents(contents: dict[str, str]) -> None:
    from django.db import connections

    for alias, serialized in contents.items():
        connections[alias]._test_serialized_contents = serialized


@contextmanager
def _async_unsafe_allowed() -> Iterator[None]:
    """Let the ORM run in the thread where Playwright's event loop is.

    Playwright's sync API runs an asyncio event loop in this (the main) thread while the
    browser is open. Django sees that running loop and refuses ORM calls from this thread with
    SynchronousOnlyOperation: the factories in the tests, the flush after each transactional
    test. Nothing here is async (the test code and the live server's threads use the ORM
    synchronously), so the check is a false alarm. It is turned off for as long as the browser
    runs and no longer: `manage.py check --deploy` flags the variable (async.E001), and tests
    that start subprocesses would inherit it.
    """
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        yield
    finally:
        if previous is None:
            del os.environ[ASYNC_UNSAFE]
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture(scope="module")
def browser(request: pytest.FixtureRequest) -> Iterator[object]:
    """Debian's chromium, launched once per test module.

    Django keeps database connections per thread, but per context (like a contextvar) while an
    event loop runs in the thread. Once Playwright's loop runs, the tests therefore get new
    connection objects that lack the snapshot of the migrated data which the test database
    was created with (for serialized rollback). The snapshot is carried over to them here, and
    they are closed before the loop stops, when they would become unreachable.
    """
    path = chromium_path()
    if not Path(path).is_file() or not os.access(path, os.X_OK):
        _unavailable(
            f"Chromium not found at {path}; install Debian's chromium to run browser tests"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed; pip install -e '.[dev]'")
    # The test database (and its snapshot) and the live server before the browser, so that the
    # browser closes its keep-alive connections before the live server stops sharing its
    # in-memory SQLite connection with the threads that answer them.
    request.getfixturevalue("django_db_setup")
    request.getfixturevalue("live_server")
    serialized = _serialized_contents()
    with _async_unsafe_allowed(), sync_playwright() as playwright:
        _restore_serialized_contents(serialized)
        browser = playwright.chromium.launch(
            executable_path=path, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()
            _close_db_connections()
    _join_request_threads()


def _close_db_connections() -> None:
    from django.db import connections

    connections.close_all()


def _join_request_threads(timeout: float = 5.0) -> None:
    """Let the live server's threads finish the connections the browser just closed."""
    for thread in threading.enumerate():
        if thread.name.endswith("(process_request_thread)"):
            thread.join(timeout)


def _new_page(browser, options: dict) -> Iterator[object]:
    context = browser.new_context(locale="de-DE", **options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A desktop-sized page (1280x900) in a fresh browser context."""
    yield from _new_page(browser, DESKTOP)


@pytest.fixture
def phone_page(browser) -> Iterator[object]:
    """A phone-sized page (390x844, touch, mobile viewport) in a fresh browser context."""
    yield from _new_page(browser, PHONE)


@pytest.fixture
def site_db(transactional_db, django_db_serialized_rollback) -> None:
    """Data visible to the live server's thread, on top of what the migrations load.

    The live server answers from another thread, so the test's data has to be committed
    (transactional_db). Each transactional test ends with a flush of every table, which would
    also take the home page and the vocabularies loaded by data migrations with it; the
    serialized rollback restores them before the test (see `browser` for why it needs help).
    """
