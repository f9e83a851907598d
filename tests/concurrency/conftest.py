"""One portal per test session for the concurrency suite (tests/concurrency/site.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.concurrency.site import Site, start_site, stop_site


@pytest.fixture(scope="session")
def site() -> Iterator[Site]:
    running = start_site()
    try:
        yield running
    finally:
        stop_site(running)
