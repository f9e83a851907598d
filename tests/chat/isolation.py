"""Each chat test on its own cache keys and channel-layer prefix.

With REDIS_URL set (CI's second pass), the xdist workers and the other apps' tests share one
Redis: counters and groups keyed by primary keys would collide across workers' databases, and
other tests empty their cache database with cache.clear(). So the chat tests move to a Redis
database of their own and prefix every key with a token per test; on the embedded default the
token alone keeps tests apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse, urlunparse
from uuid import uuid4

import pytest

TEST_REDIS_DB = 13


def _own_database(url: str) -> str:
    return urlunparse(urlparse(url)._replace(path=f"/{TEST_REDIS_DB}"))


@pytest.fixture(autouse=True)
def isolated_services(settings) -> Iterator[None]:
    token = uuid4().hex[:12]
    cache = {**settings.CACHES["default"], "KEY_PREFIX": f"chat-test-{token}"}
    layer = dict(settings.CHANNEL_LAYERS["default"])
    if "redis" in cache["BACKEND"].lower():
        cache["LOCATION"] = _own_database(cache["LOCATION"])
    if "redis" in layer["BACKEND"].lower():
        hosts = [_own_database(host) for host in layer["CONFIG"]["hosts"]]
        layer["CONFIG"] = {**layer["CONFIG"], "hosts": hosts, "prefix": f"chat-test-{token}"}
    # Presence frames of a channel at most every 0.1 s rather than 1 s: tests wait for them.
    settings.CHAT_PRESENCE_INTERVAL = 0.1
    settings.CACHES = {**settings.CACHES, "default": cache}
    settings.CHANNEL_LAYERS = {**settings.CHANNEL_LAYERS, "default": layer}
    yield
